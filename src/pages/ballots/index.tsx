import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { SignedIn } from '@/features/identity'
import { BallotList } from '@/features/voting'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function BallotsPage() {
  // Reload when the tab comes back into view: a vote may have been cast.
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))
  return (
    <Screen title="议事" subtitle="本小区的业主大会表决">
      <SignedIn>
        {(profile) => {
          const estate = profile.estates[0]
          if (!estate) {
            return (
              <EmptyState
                title="没有登记的小区"
                hint="房屋或居住登记核对后，这里会列出本小区的表决"
              />
            )
          }
          return (
            <BallotList
              estateId={estate.id}
              refreshKey={shown}
              onOpen={(id) => openPage(withQuery(ROUTES.ballot, { id }))}
            />
          )
        }}
      </SignedIn>
    </Screen>
  )
}
