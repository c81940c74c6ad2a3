import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

import type { SignedReceipt } from '@/core/record-api'
import { storageAdapter } from '@/platform'

/**
 * Receipts this person received on this device, newest first. The backend
 * lists them too; keeping them here means a receipt can be shown, and its
 * signature checked, with no network, right after voting on a weak
 * connection. After a reinstall the list comes back from the backend.
 */
interface ReceiptState {
  receipts: SignedReceipt[]
  keep: (receipt: SignedReceipt) => void
  keepAll: (receipts: SignedReceipt[]) => void
  clear: () => void
}

function merged(
  held: SignedReceipt[],
  incoming: SignedReceipt[],
): SignedReceipt[] {
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
