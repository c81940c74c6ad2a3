import { useRouter } from '@tarojs/taro'

import { SignedIn } from '@/features/identity'
import { ProjectView } from '@/features/repairs'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function RepairProjectPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  return (
    <Screen title="维修工程">
      <SignedIn>
        {() =>
          id ? (
            <ProjectView
              projectId={id}
              onOpenBallot={(ballotId) =>
                openPage(withQuery(ROUTES.ballot, { id: ballotId }))
              }
            />
          ) : (
            <EmptyState title="没有指明是哪项工程" hint="请从报修详情进入" />
          )
        }
      </SignedIn>
    </Screen>
  )
}
