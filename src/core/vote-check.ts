/**
 * "核验我的投票": the checks the app runs on a receipt and the proof the
 * backend sends for it, in the order an owner would ask them. Each check
 * is kept separately, so the app can say in plain words what passed and
 * show, one tap deeper, exactly what was checked.
 */
import { isPicks } from './election-api'
import { verifyInclusion } from './merkle'
import type { Canonical } from './record'
import { canonicalJson, entryHash } from './record'
import type { SignedReceipt, VoteProof } from './record-api'
import type { EndorserId, ReceiptClaim, TrustedKeys } from './seal'
import { checkEndorsements, checkReceiptSignature, headerHash } from './seal'

export interface VoteCheck {
  /** The receipt is signed by the backend's key the app ships with. */
  receiptSigned: boolean
  /** The entry sent hashes to the receipt's hash and holds its choices. */
  entryMatches: boolean
  /** The Merkle path leads from that hash to the block's root. */
  inBlock: boolean
  /** Endorsers whose signature on the block header checks out. */
  endorsers: EndorserId[]
  /** At least SEAL_QUORUM of them. */
  sealed: boolean
  ok: boolean
  height: number
  sealedAt: number
  blockHash: string
  root: string
}

export function receiptClaim(receipt: SignedReceipt): ReceiptClaim {
  return {
    ballotId: receipt.ballotId,
    seq: receipt.seq,
    entryHash: receipt.entryHash,
    castAt: receipt.castAt,
    voterId: receipt.voterId,
  }
}

/**
 * Offline: is this receipt signed by the backend? False for a receipt
 * kept before receipts were signed, or one altered on the device.
 */
export function receiptSignatureValid(
  receipt: SignedReceipt,
  keys: TrustedKeys,
): boolean {
  if (typeof receipt.signature !== 'string') return false
  return checkReceiptSignature(receiptClaim(receipt), receipt.signature, keys)
}

function sameChoices(receipt: SignedReceipt, body: VoteProof['entry']['body']) {
  const recorded = Array.isArray(body.choices) ? body.choices : []
  const mine = receipt.choices.map((c): Canonical =>
    isPicks(c)
      ? { itemId: c.itemId, picks: c.picks }
      : { itemId: c.itemId, choice: c.choice },
  )
  return canonicalJson(recorded) === canonicalJson(mine)
}

export function checkVoteProof(
  receipt: SignedReceipt,
  proof: VoteProof,
  keys: TrustedKeys,
): VoteCheck {
  const { entry, block } = proof
  const { header } = block
  const entryMatches =
    entry.ballotId === receipt.ballotId &&
    entry.seq === receipt.seq &&
    entry.kind === 'vote' &&
    entryHash(entry) === receipt.entryHash &&
    entry.body.voterId === receipt.voterId &&
    sameChoices(receipt, entry.body)

  // The proof's position and size must be the ones the signed header's
  // range gives: a path alone does not pin the size of its tree.
  const inBlock =
    header.ballotId === receipt.ballotId &&
    header.fromSeq <= receipt.seq &&
    receipt.seq <= header.toSeq &&
    proof.proof.leafIndex === receipt.seq - header.fromSeq &&
    proof.proof.treeSize === header.toSeq - header.fromSeq + 1 &&
    verifyInclusion(receipt.entryHash, proof.proof, header.root)

  const endorsements = checkEndorsements(header, block.endorsements, keys)
  const receiptSigned = receiptSignatureValid(receipt, keys)
  return {
    receiptSigned,
    entryMatches,
    inBlock,
    endorsers: endorsements.valid,
    sealed: endorsements.sealed,
    ok: receiptSigned && entryMatches && inBlock && endorsements.sealed,
    height: header.height,
    sealedAt: header.sealedAt,
    blockHash: headerHash(header),
    root: header.root,
  }
}
