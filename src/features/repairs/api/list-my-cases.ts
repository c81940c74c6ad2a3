import type { RepairCaseList } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

export function listMyCases(): Promise<RepairCaseList> {
  return apiRequest<RepairCaseList>('GET', '/me/repair-cases')
}
