const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

interface CryptoLike {
  getRandomValues(array: Uint8Array): Uint8Array
}

function webCrypto(): CryptoLike | null {
  const candidate = (globalThis as { crypto?: CryptoLike }).crypto
  return candidate && typeof candidate.getRandomValues === 'function'
    ? candidate
    : null
}

/**
 * A random id of `length` characters from [a-z0-9]. Browsers have Web
 * Crypto; the mini-program runtime may not, and there Math.random is the
 * fallback. These ids name a device or one submit attempt; they are not
 * secrets, so the fallback only has to make collisions unlikely.
 */
export function randomId(length = 24): string {
  const bytes = new Uint8Array(length)
  const crypto = webCrypto()
  if (crypto) {
    crypto.getRandomValues(bytes)
  } else {
    for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256)
  }
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}
