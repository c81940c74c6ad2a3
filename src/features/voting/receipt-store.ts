import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

import type { Receipt } from '@/core/api-types'
import { storageAdapter } from '@/platform'

/**
 * Receipts this person received on this device, newest first. The backend
 * lists them too; keeping them here means a receipt can be shown with no
 * network, right after voting on a weak connection.
 */
interface ReceiptState {
  receipts: Receipt[]
  keep: (receipt: Receipt) => void
  keepAll: (receipts: Receipt[]) => void
  clear: () => void
}

function merged(held: Receipt[], incoming: Receipt[]): Receipt[] {
  const byCode = new Map(held.map((r) => [r.receiptCode, r]))
  for (const r of incoming) byCode.set(r.receiptCode, r)
  return Array.from(byCode.values()).sort(
    (a, b) => Date.parse(b.castAt) - Date.parse(a.castAt),
  )
}

export const useReceipts = create<ReceiptState>()(
  persist(
    (set) => ({
      receipts: [],
      keep: (receipt) =>
        set((s) => ({ receipts: merged(s.receipts, [receipt]) })),
      keepAll: (receipts) =>
        set((s) => ({ receipts: merged(s.receipts, receipts) })),
      clear: () => set({ receipts: [] }),
    }),
    {
      name: 'linli.receipts',
      storage: createJSONStorage(() => storageAdapter),
      partialize: (s) => ({ receipts: s.receipts }),
    },
  ),
)
