import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { SignedIn } from '@/features/identity'
import { StaffQueue } from '@/features/repairs'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function RepairQueuePage() {
  const { params } = useRouter()
  const [refreshKey, setRefreshKey] = useState(0)
  useDidShow(() => setRefreshKey((k) => k + 1))
  return (
    <Screen title="报修队列">
      <SignedIn>
        {(profile) => {
          const estateId = params.estate ?? profile.staffRoles[0]?.estateId
          if (!estateId) {
            return (
              <EmptyState
                title="报修队列只对工作人员开放"
                hint="物业、居委会和业委会的工作人员可以查看"
              />
            )
          }
          return (
            <StaffQueue
              estateId={estateId}
              refreshKey={refreshKey}
              onOpen={(id) => openPage(withQuery(ROUTES.repairCase, { id }))}
            />
          )
        }}
      </SignedIn>
    </Screen>
  )
}
