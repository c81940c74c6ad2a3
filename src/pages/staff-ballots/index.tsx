import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { StaffBallots } from '@/features/ballot-admin'
import { SignedIn } from '@/features/identity'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function StaffBallotsPage() {
  const { params } = useRouter()
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))
  return (
    <Screen title="组织表决" subtitle="业委会，或受委托的居委会">
      <SignedIn>
        {(profile) => {
          const estateId = params.estate ?? profile.staffRoles[0]?.estateId
          if (!estateId) {
            return <EmptyState title="您没有工作人员身份" />
          }
          return (
            <StaffBallots
              estateId={estateId}
              refreshKey={shown}
              onNew={() =>
                openPage(withQuery(ROUTES.ballotEditor, { estate: estateId }))
              }
              onOpen={(id, phase) =>
                openPage(
                  withQuery(
                    phase === 'draft'
                      ? ROUTES.ballotEditor
                      : ROUTES.ballotManage,
                    { estate: estateId, id },
                  ),
                )
              }
            />
          )
        }}
      </SignedIn>
    </Screen>
  )
}
