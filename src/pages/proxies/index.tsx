import { useRouter } from '@tarojs/taro'

import { SignedIn } from '@/features/identity'
import { ProxyManager } from '@/features/voting'
import { EmptyState, Screen } from '@/lib/ui'

export default function ProxiesPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  return (
    <Screen title="委托投票">
      <SignedIn>
        {() =>
          id ? (
            <ProxyManager ballotId={id} />
          ) : (
            <EmptyState title="没有指明是哪项表决" hint="请从表决详情进入" />
          )
        }
      </SignedIn>
    </Screen>
  )
}
