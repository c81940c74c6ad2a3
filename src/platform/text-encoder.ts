/**
 * TextEncoder where the runtime has none. The record's pure-JS hashing
 * and signature checks (@noble/hashes, @noble/curves) encode text with
 * it, even while loading; some mini-program base libraries and jsdom lack
 * it. UTF-8 only, which is all TextEncoder does. Import this before
 * anything that loads the record's crypto.
 */

function encodeUtf8(input: string): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < input.length; i++) {
    let code = input.charCodeAt(i)
    // A high surrogate followed by a low one is one code point; a lone
    // surrogate becomes U+FFFD, as the standard TextEncoder does.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = input.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00)
        i++
      } else {
        code = 0xfffd
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      code = 0xfffd
    }
    if (code < 0x80) bytes.push(code)
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63))
    else if (code < 0x10000) {
      bytes.push(
        0xe0 | (code >> 12),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      )
    } else {
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      )
    }
  }
  return Uint8Array.from(bytes)
}

class Utf8Encoder {
  readonly encoding = 'utf-8'

  encode(input = ''): Uint8Array {
    return encodeUtf8(String(input))
  }
}

const scope = globalThis as { TextEncoder?: unknown }
if (typeof scope.TextEncoder === 'undefined') scope.TextEncoder = Utf8Encoder

export { encodeUtf8 }
