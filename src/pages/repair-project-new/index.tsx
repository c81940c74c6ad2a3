import { useRouter } from '@tarojs/taro'

import { SignedIn } from '@/features/identity'
import { NewProject } from '@/features/repairs'
import { replacePage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function RepairProjectNewPage() {
  const { params } = useRouter()
  const caseId = params.caseId ?? ''
  return (
    <Screen
      title="转为工程项目"
      subtitle="共有部分维修：预算、费用分摊和批准依据"
    >
      <SignedIn>
        {() =>
          caseId ? (
            <NewProject
              caseId={caseId}
              // The form is done once the project exists; going back
              // should land on the case, not on a spent form.
              onCreated={(project) =>
                replacePage(withQuery(ROUTES.repairProject, { id: project.id }))
              }
            />
          ) : (
            <EmptyState title="没有指明是哪条报修" hint="请从报修详情进入" />
          )
        }
      </SignedIn>
    </Screen>
  )
}
