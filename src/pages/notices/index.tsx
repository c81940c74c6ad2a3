import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { SignedIn } from '@/features/identity'
import { NoticeFeed } from '@/features/notices'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { ActionButton, EmptyState, Screen } from '@/lib/ui'

export default function NoticesPage() {
  // Reload when the tab comes back into view: a notice may have been
  // read or posted meanwhile.
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))
  return (
    <Screen title="公告" subtitle="居委会、业委会和物业发布的通知与公示">
      <SignedIn>
        {(profile) => {
          const estate = profile.estates[0]
          if (!estate) {
            return (
              <EmptyState
                title="没有登记的小区"
                hint="房屋或居住登记核对后，这里会列出本小区的公告"
              />
            )
          }
          const staff = profile.staffRoles.some((r) => r.estateId === estate.id)
          return (
            <>
              {staff ? (
                <ActionButton onClick={() => openPage(ROUTES.noticePost)}>
                  发布公告
                </ActionButton>
              ) : null}
              <NoticeFeed
                estateId={estate.id}
                refreshKey={shown}
                onOpen={(id) => openPage(withQuery(ROUTES.notice, { id }))}
              />
            </>
          )
        }}
      </SignedIn>
    </Screen>
  )
}
