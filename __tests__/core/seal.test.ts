import { generateKeyPairSync, sign } from 'node:crypto'

import { sha256Hex } from '@/core/record'
import type { BlockHeader, ReceiptClaim, TrustedKeys } from '@/core/seal'
import {
  checkEndorsements,
  checkReceiptSignature,
  headerHash,
  headerMessage,
  receiptMessage,
  verifySignature,
} from '@/core/seal'

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'))
}

// RFC 8032 §7.1, tests 1, 2, 3 and SHA(abc): public key, message, signature.
const RFC8032 = [
  {
    name: 'TEST 1 (empty message)',
    publicKey:
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2 (one byte)',
    publicKey:
      '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3 (two bytes)',
    publicKey:
      'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
  {
    name: 'TEST SHA(abc)',
    publicKey:
      'ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf',
    message:
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    signature:
      'dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704',
  },
]

describe('Ed25519 verification against RFC 8032', () => {
  it.each(RFC8032)('accepts $name', (v) => {
    expect(verifySignature(v.publicKey, hexBytes(v.message), v.signature)).toBe(
      true,
    )
  })

  it.each(RFC8032)(
    'refuses $name with one bit of the signature flipped',
    (v) => {
      const flipped = (parseInt(v.signature[0], 16) ^ 1).toString(16)
      expect(
        verifySignature(
          v.publicKey,
          hexBytes(v.message),
          flipped + v.signature.slice(1),
        ),
      ).toBe(false)
    },
  )

  it('refuses a signature checked against another key', () => {
    const [one, two] = RFC8032
    expect(
      verifySignature(two.publicKey, hexBytes(one.message), one.signature),
    ).toBe(false)
  })

  it('refuses the RFC signature whose S is pushed past the group order', () => {
    // S + L has the same value mod L; strict checking refuses it, so a
    // signature has exactly one spelling.
    const v = RFC8032[0]
    const L = (1n << 252n) + 27742317777372353535851937790883648493n
    const s = BigInt(
      `0x${Buffer.from(v.signature.slice(64), 'hex').reverse().toString('hex')}`,
    )
    const bigger = Buffer.from((s + L).toString(16).padStart(64, '0'), 'hex')
    const malleated =
      v.signature.slice(0, 64) + bigger.reverse().toString('hex')
    expect(verifySignature(v.publicKey, hexBytes(v.message), malleated)).toBe(
      false,
    )
  })

  it('answers false, not an exception, for malformed hex', () => {
    expect(verifySignature('zz', new Uint8Array(), 'zz')).toBe(false)
    expect(verifySignature(RFC8032[0].publicKey, new Uint8Array(), '')).toBe(
      false,
    )
  })
})

describe('SHA-256 against the NIST examples', () => {
  it('hashes the 448-bit message as FIPS 180-2 says', () => {
    expect(
      sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    ).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1')
  })

  it('hashes one million "a" as FIPS 180-2 says', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    )
  })
})

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const jwk = publicKey.export({ format: 'jwk' })
  return {
    privateKey,
    hex: Buffer.from(String(jwk.x), 'base64url').toString('hex'),
  }
}

const backend = keyPair()
const town = keyPair()
const residents = keyPair()
const owners = keyPair()

const KEYS: TrustedKeys = {
  backend: backend.hex,
  endorsers: {
    'town-office': town.hex,
    'residents-committee': residents.hex,
    'owners-committee': owners.hex,
  },
}

const HEADER: BlockHeader = {
  ballotId: 'b1',
  height: 2,
  prevHash: sha256Hex('block 1'),
  fromSeq: 11,
  toSeq: 20,
  root: sha256Hex('root'),
  sealedAt: 1_796_263_200_000,
}

function nodeSign(key: ReturnType<typeof keyPair>, message: Uint8Array) {
  return sign(null, message, key.privateKey).toString('hex')
}

describe('the signed bytes', () => {
  it('are a domain tag line and canonical JSON, for a block header', () => {
    expect(Buffer.from(headerMessage(HEADER)).toString('utf8')).toBe(
      `linli/block-header/v1\n{"ballotId":"b1","fromSeq":11,"height":2,"prevHash":"${HEADER.prevHash}","root":"${HEADER.root}","sealedAt":1796263200000,"toSeq":20}`,
    )
    expect(headerHash(HEADER)).toBe(
      sha256Hex(Buffer.from(headerMessage(HEADER)).toString('utf8')),
    )
  })

  it('are a domain tag line and canonical JSON, for a receipt', () => {
    const claim: ReceiptClaim = {
      ballotId: 'b1',
      seq: 42,
      entryHash: 'ab'.repeat(32),
      castAt: '2026-12-03T01:31:00.000Z',
      voterId: 'V1',
    }
    expect(Buffer.from(receiptMessage(claim)).toString('utf8')).toBe(
      `linli/receipt/v1\n{"ballotId":"b1","castAt":"2026-12-03T01:31:00.000Z","entryHash":"${'ab'.repeat(32)}","seq":42,"voterId":"V1"}`,
    )
  })

  it('keep a receipt signature from passing as a header signature', () => {
    const claim: ReceiptClaim = {
      ballotId: 'b1',
      seq: 1,
      entryHash: HEADER.root,
      castAt: '2026-12-03T01:31:00.000Z',
      voterId: 'V1',
    }
    const signature = nodeSign(town, receiptMessage(claim))
    expect(
      checkReceiptSignature(
        claim,
        nodeSign(backend, receiptMessage(claim)),
        KEYS,
      ),
    ).toBe(true)
    expect(verifySignature(town.hex, headerMessage(HEADER), signature)).toBe(
      false,
    )
  })
})

describe('a block header', () => {
  const endorse = (...keys: ReturnType<typeof keyPair>[]) =>
    keys.map((key) => ({
      endorser:
        key === town
          ? ('town-office' as const)
          : key === residents
            ? ('residents-committee' as const)
            : ('owners-committee' as const),
      signature: nodeSign(key, headerMessage(HEADER)),
    }))

  it('is sealed by 3 of 3 endorsers signing with Node crypto', () => {
    expect(
      checkEndorsements(HEADER, endorse(owners, town, residents), KEYS),
    ).toEqual({
      valid: ['town-office', 'residents-committee', 'owners-committee'],
      invalid: [],
      sealed: true,
    })
  })

  it('is sealed by 2 of 3', () => {
    expect(checkEndorsements(HEADER, endorse(town, owners), KEYS)).toEqual({
      valid: ['town-office', 'owners-committee'],
      invalid: [],
      sealed: true,
    })
  })

  it('is not sealed by one endorser signing twice', () => {
    const once = endorse(town)
    expect(checkEndorsements(HEADER, [...once, ...once], KEYS)).toEqual({
      valid: ['town-office'],
      invalid: [],
      sealed: false,
    })
  })

  it('is not sealed once its range is changed after signing', () => {
    const endorsements = endorse(town, residents, owners)
    expect(
      checkEndorsements({ ...HEADER, toSeq: 21 }, endorsements, KEYS),
    ).toEqual({
      valid: [],
      invalid: ['town-office', 'residents-committee', 'owners-committee'],
      sealed: false,
    })
  })

  it('does not count a signature by the backend in an endorser’s name', () => {
    const forged = [
      ...endorse(town),
      {
        endorser: 'owners-committee' as const,
        signature: nodeSign(backend, headerMessage(HEADER)),
      },
    ]
    expect(checkEndorsements(HEADER, forged, KEYS).sealed).toBe(false)
  })
})
