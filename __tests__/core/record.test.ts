import {
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  receiptCode,
  sha256Hex,
  verifyChain,
  type RecordEntry,
} from '@/core/record'

describe('canonical serialisation', () => {
  it('sorts keys and leaves out white space', () => {
    expect(canonicalJson({ b: 1, a: [true, null, '票'] })).toBe(
      '{"a":[true,null,"票"],"b":1}',
    )
  })

  it('gives the same text for the same object built in another order', () => {
    expect(canonicalJson({ x: { q: 1, p: 2 }, y: 'z' })).toBe(
      canonicalJson({ y: 'z', x: { p: 2, q: 1 } }),
    )
  })

  it('refuses floats, which have more than one spelling', () => {
    expect(() => canonicalJson({ area: 89.53 })).toThrow(TypeError)
  })
})

describe('SHA-256', () => {
  // NIST FIPS 180-2 examples.
  it('hashes "abc" as the standard says', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('hashes the empty string as the standard says', () => {
    expect(sha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
  })
})

function chain(n: number): (RecordEntry & { hash: string })[] {
  const entries: (RecordEntry & { hash: string })[] = []
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const entry: RecordEntry = {
      ballotId: 'b1',
      seq,
      prevHash: prev,
      kind: 'vote',
      at: 1_700_000_000_000 + seq,
      body: { voter: `v${seq}`, choices: ['agree'] },
    }
    const hash = entryHash(entry)
    entries.push({ ...entry, hash })
    prev = hash
  }
  return entries
}

describe('the hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ ok: true, entries: 5 })
  })

  it('names a changed entry', () => {
    const entries = chain(5)
    entries[2] = { ...entries[2], body: { voter: 'v3', choices: ['oppose'] } }
    expect(verifyChain(entries)).toEqual({
      ok: false,
      firstBadSeq: 3,
      reason: 'hash',
    })
  })

  it('names the gap a deleted entry leaves', () => {
    const entries = chain(5)
    entries.splice(1, 1)
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBadSeq: 2 })
  })

  it('names two swapped entries', () => {
    const entries = chain(5)
    ;[entries[1], entries[2]] = [entries[2], entries[1]]
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBadSeq: 2 })
  })

  it('names a rehashed entry by the broken link after it', () => {
    const entries = chain(5)
    const forged = { ...entries[1], body: { voter: 'v2', choices: ['oppose'] } }
    entries[1] = { ...forged, hash: entryHash(forged) }
    expect(verifyChain(entries)).toEqual({
      ok: false,
      firstBadSeq: 3,
      reason: 'link',
    })
  })
})

describe('receipt codes', () => {
  it('are ten unambiguous characters in two groups', () => {
    const code = receiptCode(sha256Hex('vote'))
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
  })

  it('are the same for the same hash', () => {
    const hash = sha256Hex('x')
    expect(receiptCode(hash)).toBe(receiptCode(hash))
    expect(receiptCode(hash)).not.toBe(receiptCode(sha256Hex('y')))
  })
})
