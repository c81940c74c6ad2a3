import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { BallotManage } from '@/features/ballot-admin'
import { SignedIn } from '@/features/identity'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function BallotManagePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const estate = params.estate
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))
  return (
    <Screen title="表决管理">
      <SignedIn>
        {() =>
          id ? (
            <BallotManage
              ballotId={id}
              refreshKey={shown}
              onEdit={(ballotId) =>
                openPage(
                  withQuery(ROUTES.ballotEditor, { estate, id: ballotId }),
                )
              }
            />
          ) : (
            <EmptyState title="没有指明是哪项表决" hint="请从“组织表决”进入" />
          )
        }
      </SignedIn>
    </Screen>
  )
}
