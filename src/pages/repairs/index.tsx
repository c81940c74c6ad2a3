import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { SignedIn } from '@/features/identity'
import { MyCases } from '@/features/repairs'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { ActionButton, Screen, Section } from '@/lib/ui'

/** The 报修 tab: the person's cases, reporting, and staff's queue. */
export default function RepairsPage() {
  const [refreshKey, setRefreshKey] = useState(0)
  useDidShow(() => setRefreshKey((k) => k + 1))
  return (
    <Screen title="报事报修">
      <SignedIn>
        {(profile) => {
          // Every staff org of an estate sees its queue; the org holding
          // a case is the one that may move it.
          const staffEstates = Array.from(
            new Set(profile.staffRoles.map((r) => r.estateId)),
          )
          return (
            <View>
              <ActionButton onClick={() => openPage(ROUTES.repairReport)}>
                我要报修
              </ActionButton>
              {staffEstates.map((estateId) => (
                <ActionButton
                  key={estateId}
                  kind="secondary"
                  onClick={() =>
                    openPage(
                      withQuery(ROUTES.repairQueue, { estate: estateId }),
                    )
                  }
                >
                  报修队列（工作人员）
                </ActionButton>
              ))}
              <Section title="我的报修">
                <MyCases
                  refreshKey={refreshKey}
                  onOpen={(id) =>
                    openPage(withQuery(ROUTES.repairCase, { id }))
                  }
                />
              </Section>
            </View>
          )
        }}
      </SignedIn>
    </Screen>
  )
}
