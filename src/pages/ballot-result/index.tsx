import { useRouter } from '@tarojs/taro'

import { SignedIn } from '@/features/identity'
import { BallotResult } from '@/features/voting'
import { EmptyState, Screen } from '@/lib/ui'

export default function BallotResultPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  return (
    <Screen title="表决结果">
      <SignedIn>
        {() =>
          id ? (
            <BallotResult ballotId={id} />
          ) : (
            <EmptyState title="没有指明是哪项表决" hint="请从议事列表进入" />
          )
        }
      </SignedIn>
    </Screen>
  )
}
