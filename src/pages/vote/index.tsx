import { useRouter } from '@tarojs/taro'

import { SignedIn } from '@/features/identity'
import { VoteFlow } from '@/features/voting'
import { replacePage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function VotePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  return (
    <Screen title="投票">
      <SignedIn>
        {() =>
          id ? (
            <VoteFlow
              ballotId={id}
              // The receipt replaces the vote page: going back must not
              // lead into a finished vote.
              onReceipt={(r) =>
                replacePage(withQuery(ROUTES.receipt, { code: r.receiptCode }))
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
