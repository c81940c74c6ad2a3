/**
 * The Merkle tree that seals a block of record entries, shaped as RFC
 * 9162 (Certificate Transparency 2.0) §2.1 shapes it, so its proofs can be
 * checked by anyone who has read that standard:
 *
 *   leaf hash  = SHA-256(0x00 ‖ entry hash)          (32 bytes in)
 *   node hash  = SHA-256(0x01 ‖ left ‖ right)
 *   root of n  = the left subtree takes the largest power of two below n
 *
 * The two prefixes keep a leaf from ever passing for an inner node (the
 * second-preimage trick against trees that hash both the same way), and
 * an odd node is carried up as it is rather than paired with a copy of
 * itself, which would let two different lists share one root.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'

const LEAF_PREFIX = 0x00
const NODE_PREFIX = 0x01
const HASH_BYTES = 32

export function leafHash(entryHashHex: string): Uint8Array {
  const input = new Uint8Array(1 + HASH_BYTES)
  input[0] = LEAF_PREFIX
  input.set(hexToBytes(entryHashHex), 1)
  return sha256(input)
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + 2 * HASH_BYTES)
  input[0] = NODE_PREFIX
  input.set(left, 1)
  input.set(right, 1 + HASH_BYTES)
  return sha256(input)
}

/**
 * The levels of the tree over `leaves` (leaf hashes), bottom first. Pairing
 * left to right and carrying an odd last node up unchanged builds exactly
 * the RFC 9162 tree.
 */
function levelsOf(leaves: readonly Uint8Array[]): Uint8Array[][] {
  if (leaves.length === 0) throw new RangeError('a block holds no entries')
  const levels: Uint8Array[][] = [leaves.slice()]
  while (levels[levels.length - 1].length > 1) {
    const below = levels[levels.length - 1]
    const above: Uint8Array[] = []
    for (let i = 0; i + 1 < below.length; i += 2) {
      above.push(nodeHash(below[i], below[i + 1]))
    }
    if (below.length % 2 === 1) above.push(below[below.length - 1])
    levels.push(above)
  }
  return levels
}

/** The root over entry hashes (hex), as hex. */
export function merkleRoot(entryHashes: readonly string[]): string {
  const levels = levelsOf(entryHashes.map(leafHash))
  return bytesToHex(levels[levels.length - 1][0])
}

export interface InclusionProof {
  /** Position of the entry in its block, from 0. */
  leafIndex: number
  treeSize: number
  /** Sibling hashes from the leaf up, hex. */
  path: string[]
}

/** The audit paths of every entry of a block, computed in one pass. */
export function inclusionProofs(entryHashes: readonly string[]): {
  root: string
  proofs: InclusionProof[]
} {
  const levels = levelsOf(entryHashes.map(leafHash))
  const proofs = entryHashes.map((_, leafIndex) => {
    const path: string[] = []
    let index = leafIndex
    for (let level = 0; level < levels.length - 1; level++) {
      const nodes = levels[level]
      const sibling = index % 2 === 1 ? index - 1 : index + 1
      if (sibling < nodes.length) path.push(bytesToHex(nodes[sibling]))
      index = Math.floor(index / 2)
    }
    return { leafIndex, treeSize: entryHashes.length, path }
  })
  return { root: bytesToHex(levels[levels.length - 1][0]), proofs }
}

export function inclusionProof(
  entryHashes: readonly string[],
  leafIndex: number,
): InclusionProof {
  if (leafIndex < 0 || leafIndex >= entryHashes.length) {
    throw new RangeError(
      `no leaf ${leafIndex} in a tree of ${entryHashes.length}`,
    )
  }
  return inclusionProofs(entryHashes).proofs[leafIndex]
}

/**
 * RFC 9162 §2.1.3.2: does the path lead from this entry hash to `root`?
 * False for any malformed proof rather than throwing: a proof comes from
 * the network and is checked, not trusted.
 */
export function verifyInclusion(
  entryHashHex: string,
  proof: InclusionProof,
  rootHex: string,
): boolean {
  const { leafIndex, treeSize, path } = proof
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) {
    return false
  }
  if (leafIndex < 0 || leafIndex >= treeSize) return false
  try {
    let fn = leafIndex
    let sn = treeSize - 1
    let r = leafHash(entryHashHex)
    for (const siblingHex of path) {
      const p = hexToBytes(siblingHex)
      if (p.length !== HASH_BYTES || sn === 0) return false
      if (fn % 2 === 1 || fn === sn) {
        r = nodeHash(p, r)
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      } else {
        r = nodeHash(r, p)
      }
      fn = Math.floor(fn / 2)
      sn = Math.floor(sn / 2)
    }
    return sn === 0 && bytesToHex(r) === rootHex
  } catch {
    // hexToBytes refuses what is not hex: a malformed proof.
    return false
  }
}
