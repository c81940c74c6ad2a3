import type { CaseActionRequest, RepairCaseDetail } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

export function actOnCase(
  caseId: string,
  body: CaseActionRequest,
): Promise<RepairCaseDetail> {
  return apiRequest<RepairCaseDetail>(
    'POST',
    `/repair-cases/${encodeURIComponent(caseId)}/actions`,
    { body },
  )
}
