import type { RateRequest, RepairCaseDetail } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

export function rateCase(
  caseId: string,
  body: RateRequest,
): Promise<RepairCaseDetail> {
  return apiRequest<RepairCaseDetail>(
    'POST',
    `/repair-cases/${encodeURIComponent(caseId)}/rating`,
    { body },
  )
}
