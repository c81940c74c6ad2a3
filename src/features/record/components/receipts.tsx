import { useEffect } from 'react'

import { useRemote } from '@/lib/remote'
import { EmptyState, ErrorNotice, Loading } from '@/lib/ui'

import { listReceipts } from '../api/list-receipts'
import { useReceipts } from '../receipt-store'
import { ReceiptList, ReceiptView } from './receipt-view'

export interface ReceiptsProps {
  /** Show this receipt; without it, list them all. */
  code: string | null
  onOpen: (receiptCode: string) => void
  onAudit: (ballotId: string) => void
}

/**
 * Receipts from the device first, merged with the backend's list: a
 * receipt just received shows even with no network, and after a
 * reinstall the backend's list fills the device again.
 */
export function Receipts({ code, onOpen, onAudit }: ReceiptsProps) {
  const held = useReceipts((s) => s.receipts)
  const keepAll = useReceipts((s) => s.keepAll)
  const { state, reload } = useRemote('receipts', listReceipts)

  useEffect(() => {
    if (state.status === 'ok') keepAll(state.data.receipts)
  }, [state, keepAll])

  const fetching = state.status === 'loading' || state.status === 'idle'
  const failed = state.status === 'failed' ? state.error : null

  if (code) {
    const receipt = held.find((r) => r.receiptCode === code)
    if (receipt) return <ReceiptView receipt={receipt} onAudit={onAudit} />
    if (fetching) return <Loading text="正在查找回执…" />
    if (failed) return <ErrorNotice error={failed} onRetry={reload} />
    return (
      <EmptyState
        title={`没有找到回执 ${code}`}
        hint="请在“我的回执”中查看您的全部回执"
      />
    )
  }

  return (
    <>
      {failed && held.length === 0 ? (
        <ErrorNotice error={failed} onRetry={reload} />
      ) : null}
      {held.length > 0 ? <ReceiptList receipts={held} onOpen={onOpen} /> : null}
      {held.length === 0 && fetching ? <Loading text="正在加载回执…" /> : null}
      {held.length === 0 && state.status === 'ok' ? (
        <EmptyState title="还没有投票回执" hint="投票后，回执会保存在这里" />
      ) : null}
    </>
  )
}
