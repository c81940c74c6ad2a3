import { useRouter } from '@tarojs/taro'

import { SignedIn } from '@/features/identity'
import { CaseDetail } from '@/features/repairs'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { EmptyState, Screen } from '@/lib/ui'

export default function RepairCasePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  return (
    <Screen title="报修详情">
      <SignedIn>
        {() =>
          id ? (
            <CaseDetail
              caseId={id}
              onOpenCase={(caseId) =>
                openPage(withQuery(ROUTES.repairCase, { id: caseId }))
              }
              onOpenProject={(projectId) =>
                openPage(withQuery(ROUTES.repairProject, { id: projectId }))
              }
              onMakeProject={(caseId) =>
                openPage(withQuery(ROUTES.repairProjectNew, { caseId }))
              }
            />
          ) : (
            <EmptyState title="没有指明是哪条报修" hint="请从报修列表进入" />
          )
        }
      </SignedIn>
    </Screen>
  )
}
