import { createHash } from 'node:crypto'

import {
  inclusionProof,
  inclusionProofs,
  merkleRoot,
  verifyInclusion,
} from '@/core/merkle'
import { sha256Hex } from '@/core/record'

// An independent reference: RFC 9162 §2.1.1's recursive definition,
// hashed with Node's crypto rather than the library under test.
function h(...parts: Buffer[]): Buffer {
  return createHash('sha256').update(Buffer.concat(parts)).digest()
}

function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return h(Buffer.from([0]), leaves[0])
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return h(
    Buffer.from([1]),
    referenceRoot(leaves.slice(0, k)),
    referenceRoot(leaves.slice(k)),
  )
}

function entryHashes(n: number): string[] {
  return Array.from({ length: n }, (_, i) => sha256Hex(`entry ${i + 1}`))
}

function flip(hex: string): string {
  return (hex[0] === '0' ? '1' : '0') + hex.slice(1)
}

describe('the Merkle tree of a block', () => {
  it('hashes a single entry as a leaf with the 0x00 prefix', () => {
    const [entry] = entryHashes(1)
    expect(merkleRoot([entry])).toBe(
      h(Buffer.from([0]), Buffer.from(entry, 'hex')).toString('hex'),
    )
  })

  it('hashes two entries as a node with the 0x01 prefix over their leaves', () => {
    const [a, b] = entryHashes(2)
    const leaf = (x: string) => h(Buffer.from([0]), Buffer.from(x, 'hex'))
    expect(merkleRoot([a, b])).toBe(
      h(Buffer.from([1]), leaf(a), leaf(b)).toString('hex'),
    )
  })

  it('matches the RFC 9162 definition for every size from 1 to 33', () => {
    for (let n = 1; n <= 33; n++) {
      const hashes = entryHashes(n)
      expect(merkleRoot(hashes)).toBe(
        referenceRoot(hashes.map((x) => Buffer.from(x, 'hex'))).toString('hex'),
      )
    }
  })

  it('does not give a list and the same list with its last entry repeated one root', () => {
    const three = entryHashes(3)
    expect(merkleRoot(three)).not.toBe(merkleRoot([...three, three[2]]))
  })

  it('refuses an empty block', () => {
    expect(() => merkleRoot([])).toThrow(RangeError)
  })
})

describe('inclusion proofs', () => {
  it('prove every position in trees of 1 to 33 entries', () => {
    for (let n = 1; n <= 33; n++) {
      const hashes = entryHashes(n)
      const { root, proofs } = inclusionProofs(hashes)
      expect(root).toBe(merkleRoot(hashes))
      hashes.forEach((hash, index) => {
        expect(proofs[index]).toEqual(inclusionProof(hashes, index))
        expect(verifyInclusion(hash, proofs[index], root)).toBe(true)
      })
    }
  })

  it('need at most ceil(log2 n) hashes', () => {
    const { proofs } = inclusionProofs(entryHashes(33))
    expect(Math.max(...proofs.map((p) => p.path.length))).toBe(6)
    expect(proofs[32].path).toHaveLength(1)
  })

  it('fail for another entry, position, root, a changed sibling or a size too small', () => {
    for (let n = 2; n <= 33; n++) {
      const hashes = entryHashes(n)
      const { root, proofs } = inclusionProofs(hashes)
      hashes.forEach((hash, index) => {
        const proof = proofs[index]
        const other = hashes[(index + 1) % n]
        expect(verifyInclusion(other, proof, root)).toBe(false)
        expect(
          verifyInclusion(hash, { ...proof, leafIndex: (index + 1) % n }, root),
        ).toBe(false)
        // A size that puts the position outside the tree. (A size that
        // keeps the path's shape is caught by the header's range instead:
        // see checkVoteProof.)
        expect(verifyInclusion(hash, { ...proof, treeSize: index }, root)).toBe(
          false,
        )
        expect(verifyInclusion(hash, proof, flip(root))).toBe(false)
        const path = [flip(proof.path[0]), ...proof.path.slice(1)]
        expect(verifyInclusion(hash, { ...proof, path }, root)).toBe(false)
      })
    }
  })

  it('fail, rather than throw, for a malformed proof', () => {
    const hashes = entryHashes(4)
    const { root, proofs } = inclusionProofs(hashes)
    const proof = proofs[1]
    expect(
      verifyInclusion(hashes[1], { ...proof, path: ['not hex'] }, root),
    ).toBe(false)
    expect(
      verifyInclusion(
        hashes[1],
        { ...proof, path: [...proof.path, root] },
        root,
      ),
    ).toBe(false)
    expect(verifyInclusion(hashes[1], { ...proof, leafIndex: -1 }, root)).toBe(
      false,
    )
    expect(verifyInclusion(hashes[1], { ...proof, treeSize: 1.5 }, root)).toBe(
      false,
    )
  })
})
