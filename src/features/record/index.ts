// First: the record's crypto needs TextEncoder while it loads.
import '@/platform/text-encoder'

export { Receipts } from './components/receipts'
export { AuditBallot } from './components/audit-ballot'
export { ClosedBallots } from './components/closed-ballots'
export { VerifyVote } from './components/verify-vote'
export { useReceipts } from './receipt-store'
export { trustedKeys } from './trusted-keys'
