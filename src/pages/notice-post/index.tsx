import { SignedIn } from '@/features/identity'
import { PostNoticeForm } from '@/features/notices'
import { replacePage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function NoticePostPage() {
  return (
    <Screen title="发布公告" subtitle="居委会、业委会、物业工作人员">
      <SignedIn>
        {(profile) => {
          const estate = profile.estates.find((e) =>
            profile.staffRoles.some((r) => r.estateId === e.id),
          )
          if (!estate) {
            return (
              <EmptyState
                title="只有本小区的工作人员可以发布公告"
                hint="居委会、业委会和物业的工作人员登录后可以发布"
              />
            )
          }
          return (
            <PostNoticeForm
              profile={profile}
              estate={estate}
              onPosted={(notice) =>
                replacePage(withQuery(ROUTES.notice, { id: notice.id }))
              }
            />
          )
        }}
      </SignedIn>
    </Screen>
  )
}
