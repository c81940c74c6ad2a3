import { useRouter } from '@tarojs/taro'

import { SignedIn } from '@/features/identity'
import { AuditBallot, ClosedBallots } from '@/features/record'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

/** A ballot's full audit (`?id=`), or the closed ballots to pick from. */
export default function AuditPage() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : null
  return (
    <Screen title={id ? '全量核验' : '核验表决记录'}>
      <SignedIn>
        {(profile) => {
          if (id) return <AuditBallot ballotId={id} />
          const estate = profile.estates[0]
          if (!estate) {
            return <EmptyState title="您还没有关联的小区" />
          }
          return (
            <ClosedBallots
              estateId={estate.id}
              onAudit={(ballotId) =>
                openPage(withQuery(ROUTES.audit, { id: ballotId }))
              }
            />
          )
        }}
      </SignedIn>
    </Screen>
  )
}
