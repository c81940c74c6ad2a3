import {
  checkChosenFile,
  MAX_FILE_BYTES,
  refusalText,
  sniffFileType,
} from '@/core/files'

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('reading a file’s type from its content', () => {
  it('knows JPEG, PNG, WebP and PDF by their first bytes', () => {
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg')
    expect(
      sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)),
    ).toBe('image/png')
    expect(
      sniffFileType(
        new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '),
      ),
    ).toBe('image/webp')
    expect(sniffFileType(new TextEncoder().encode('%PDF-1.7'))).toBe(
      'application/pdf',
    )
  })

  it('knows nothing else, however the file is named', () => {
    expect(sniffFileType(new TextEncoder().encode('GIF89a'))).toBeNull()
    expect(sniffFileType(new TextEncoder().encode('<svg'))).toBeNull()
    expect(sniffFileType(bytes(0xff, 0xd8))).toBeNull()
    expect(sniffFileType(bytes())).toBeNull()
  })
})

describe('the app’s early check of a chosen photo', () => {
  it('refuses the wrong type, a file over 5 MB and an empty file', () => {
    expect(checkChosenFile({ size: 100, type: 'image/gif' })).toBe('type')
    expect(checkChosenFile({ size: 100, name: 'scan.pdf' })).toBe('type')
    expect(
      checkChosenFile({ size: MAX_FILE_BYTES + 1, type: 'image/jpeg' }),
    ).toBe('size')
    expect(checkChosenFile({ size: 0, type: 'image/jpeg' })).toBe('empty')
  })

  it('lets a photo through, and a weapp temp file with no extension', () => {
    expect(
      checkChosenFile({ size: MAX_FILE_BYTES, type: 'image/jpeg' }),
    ).toBeNull()
    expect(checkChosenFile({ size: 1, name: 'wxfile://tmp_abc' })).toBeNull()
  })

  it('explains a refusal in Chinese', () => {
    expect(refusalText('type')).toBe('只能上传JPG 图片、PNG 图片、WebP 图片')
    expect(refusalText('size')).toBe('单个文件不能超过 5 MB')
    expect(refusalText('count')).toBe('最多上传 9 张照片')
  })
})
