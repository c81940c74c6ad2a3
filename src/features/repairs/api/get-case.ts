import type { RepairCaseDetail } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

export function getCase(caseId: string): Promise<RepairCaseDetail> {
  return apiRequest<RepairCaseDetail>(
    'GET',
    `/repair-cases/${encodeURIComponent(caseId)}`,
  )
}
