import { useRouter } from '@tarojs/taro'

import { BallotEditor } from '@/features/ballot-admin'
import { SignedIn } from '@/features/identity'
import { replacePage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function BallotEditorPage() {
  const { params } = useRouter()
  const estate = params.estate ?? ''
  const id = params.id ?? null
  return (
    <Screen title={id ? '编辑表决草稿' : '新建表决'}>
      <SignedIn>
        {() =>
          estate ? (
            <BallotEditor
              estateId={estate}
              ballotId={id}
              onCreated={(ballotId) =>
                replacePage(
                  withQuery(ROUTES.ballotEditor, { estate, id: ballotId }),
                )
              }
              // An announced ballot is not edited any more: the editor
              // gives way to the organisers' view.
              onAnnounced={(ballotId) =>
                replacePage(
                  withQuery(ROUTES.ballotManage, { estate, id: ballotId }),
                )
              }
            />
          ) : (
            <EmptyState title="没有指明小区" hint="请从“组织表决”进入" />
          )
        }
      </SignedIn>
    </Screen>
  )
}
