import type { ReceiptList } from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'

export function listReceipts(): Promise<ReceiptList> {
  return apiRequest<ReceiptList>('GET', '/me/receipts')
}
