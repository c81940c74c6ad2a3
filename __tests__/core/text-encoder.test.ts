import { encodeUtf8 } from '@/platform/text-encoder'

describe('the TextEncoder stand-in for runtimes without one', () => {
  it.each([
    ['', 'empty'],
    ['linli/block-header/v1\n{"a":1}', 'ASCII'],
    ['邻里共治 3号楼1202室', 'Chinese'],
    ['🏠 and é', 'astral and two-byte characters'],
  ])('encodes %j (%s) as the standard encoder does', (text) => {
    expect(Array.from(encodeUtf8(text))).toEqual(
      Array.from(new TextEncoder().encode(text)),
    )
  })

  it('turns a lone surrogate into U+FFFD, as the standard encoder does', () => {
    expect(Array.from(encodeUtf8('a\ud800b'))).toEqual([
      0x61, 0xef, 0xbf, 0xbd, 0x62,
    ])
  })
})
