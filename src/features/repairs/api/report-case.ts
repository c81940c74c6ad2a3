import { IDEMPOTENCY_HEADER } from '@/core/api-types'
import type { RepairCaseDetail, ReportRequest } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

/**
 * Sends a report. The idempotency key names this attempt: sending it
 * again after a lost answer gives back the case the first send made,
 * never a second one.
 */
export function reportCase(
  estateId: string,
  body: ReportRequest,
  idempotencyKey: string,
): Promise<RepairCaseDetail> {
  return apiRequest<RepairCaseDetail>(
    'POST',
    `/estates/${encodeURIComponent(estateId)}/repair-cases`,
    { body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } },
  )
}
