/**
 * The voting record's signing keys on disk: the backend's receipt key and
 * the three endorsers' keys, one PKCS#8 PEM file each under .data/keys/
 * (LEDGER_KEYS_DIR moves it). Private keys never enter the repository:
 * .data/ is ignored, and a fresh clone, a test run or CI makes its own on
 * first use. The app build embeds only the public keys (config/index.ts),
 * so it "ships with" the keys of the backend it was built against.
 *
 * It lives in config/ because Taro compiles only this folder when it
 * loads the build config, and it imports nothing outside Node for the
 * same reason. The backend and the scripts read the same files.
 *
 * The endorsers are mocked here, in one process; in production each party
 * would hold its own key on its own machine and sign headers sent to it.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const KEY_IDS = [
  'backend',
  'town-office',
  'residents-committee',
  'owners-committee',
] as const

export type KeyId = (typeof KEY_IDS)[number]

export type KeyRing = Record<KeyId, KeyObject>

export const DEFAULT_KEYS_DIR = path.resolve(__dirname, '..', '.data', 'keys')

export function keysDir(): string {
  return path.resolve(process.env.LEDGER_KEYS_DIR ?? DEFAULT_KEYS_DIR)
}

function newPrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519')
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
}

/**
 * Reads a key, making it first if missing. Test workers start side by
 * side: the file is written aside and linked into place, which fails if
 * another process got there first, so every reader sees one key.
 */
function loadOrCreate(dir: string, id: KeyId): KeyObject {
  const file = path.join(dir, `${id}.pem`)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
    fs.writeFileSync(aside, newPrivateKeyPem(), { mode: 0o600 })
    try {
      fs.linkSync(aside, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.unlinkSync(aside)
    }
  }
  return createPrivateKey(fs.readFileSync(file))
}

export function loadKeyRing(dir: string = keysDir()): KeyRing {
  const ring = {} as KeyRing
  for (const id of KEY_IDS) ring[id] = loadOrCreate(dir, id)
  return ring
}

/** Keys made in memory and kept nowhere, for tests that want their own. */
export function freshKeyRing(): KeyRing {
  const ring = {} as KeyRing
  for (const id of KEY_IDS) ring[id] = generateKeyPairSync('ed25519').privateKey
  return ring
}

/** The raw 32-byte Ed25519 public key, hex, of a private key. */
export function publicKeyHex(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' })
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key')
  return Buffer.from(jwk.x, 'base64url').toString('hex')
}

/** What the app ships with: public keys only, in TrustedKeys' shape. */
export function shippedPublicKeys(ring: KeyRing = loadKeyRing()): {
  backend: string
  endorsers: Record<Exclude<KeyId, 'backend'>, string>
} {
  return {
    backend: publicKeyHex(ring.backend),
    endorsers: {
      'town-office': publicKeyHex(ring['town-office']),
      'residents-committee': publicKeyHex(ring['residents-committee']),
      'owners-committee': publicKeyHex(ring['owners-committee']),
    },
  }
}
