import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { SignedIn } from '@/features/identity'
import { BallotList, HeldProxies } from '@/features/voting'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { ActionButton, EmptyState, Screen } from '@/lib/ui'

export default function BallotsPage() {
  // Reload when the tab comes back into view: a vote may have been cast.
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))
  return (
    <Screen title="议事" subtitle="本小区的业主大会表决">
      <SignedIn>
        {(profile) => {
          const estate = profile.estates[0]
          const openBallot = (id: string) =>
            openPage(withQuery(ROUTES.ballot, { id }))
          // Someone else's proxy is shown whatever estate they live in.
          const held = <HeldProxies onOpen={openBallot} refreshKey={shown} />
          const staff =
            profile.staffRoles.length > 0 ? (
              <ActionButton
                kind="secondary"
                onClick={() => openPage(ROUTES.staffBallots)}
              >
                组织表决（工作人员）
              </ActionButton>
            ) : null
          if (!estate) {
            return (
              <>
                {held}
                <EmptyState
                  title="没有登记的小区"
                  hint="房屋或居住登记核对后，这里会列出本小区的表决"
                />
              </>
            )
          }
          return (
            <>
              {staff}
              {held}
              <BallotList
                estateId={estate.id}
                refreshKey={shown}
                onOpen={openBallot}
              />
            </>
          )
        }}
      </SignedIn>
    </Screen>
  )
}
