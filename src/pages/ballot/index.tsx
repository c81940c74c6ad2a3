import { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { SignedIn } from '@/features/identity'
import { BallotDetail } from '@/features/voting'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function BallotPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [active, setActive] = useState(true)
  useDidShow(() => setActive(true))
  useDidHide(() => setActive(false))
  return (
    <Screen title="表决详情">
      <SignedIn>
        {() =>
          id ? (
            <BallotDetail
              ballotId={id}
              active={active}
              onVote={(ballotId) =>
                openPage(withQuery(ROUTES.vote, { id: ballotId }))
              }
              onOpenReceipt={(code) =>
                openPage(withQuery(ROUTES.receipt, { code }))
              }
              onOpenResult={(ballotId) =>
                openPage(withQuery(ROUTES.ballotResult, { id: ballotId }))
              }
              onManageProxies={(ballotId) =>
                openPage(withQuery(ROUTES.proxies, { id: ballotId }))
              }
            />
          ) : (
            <EmptyState title="没有指明是哪项表决" hint="请从议事列表进入" />
          )
        }
      </SignedIn>
    </Screen>
  )
}
