import { useRouter } from '@tarojs/taro'

import { SignedIn } from '@/features/identity'
import { NoticeDetail } from '@/features/notices'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function NoticePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  return (
    <Screen title="公告详情">
      <SignedIn>
        {(profile) =>
          id ? (
            <NoticeDetail
              noticeId={id}
              profile={profile}
              onOpenBallot={(ballotId) =>
                openPage(withQuery(ROUTES.ballot, { id: ballotId }))
              }
            />
          ) : (
            <EmptyState title="没有指明是哪条公告" hint="请从公告列表进入" />
          )
        }
      </SignedIn>
    </Screen>
  )
}
