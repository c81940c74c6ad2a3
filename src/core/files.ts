/**
 * What may be uploaded, shared by the app (which refuses early, with a
 * message a person understands) and the backend (which decides). The
 * backend trusts neither the file name nor the declared type: it reads
 * the first bytes of the content (`sniffFileType`).
 */

export const FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const

export type FileType = (typeof FILE_TYPES)[number]

/** Photos of a problem or a site check: images only. */
export const PHOTO_TYPES: readonly FileType[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
]

export const FILE_TYPE_TEXT: Record<FileType, string> = {
  'image/jpeg': 'JPG 图片',
  'image/png': 'PNG 图片',
  'image/webp': 'WebP 图片',
  'application/pdf': 'PDF 文件',
}

/**
 * A phone photo compressed by the app is 0.2–1 MB; an uncompressed one
 * from a recent camera is 3–8 MB. Five megabytes lets an uncompressed
 * photo through where compression is not available, and keeps one
 * upload short on a train's mobile connection.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024

/** Photos of one report or one site check. */
export const MAX_PHOTOS = 9

/** The longest side of a photo after the app's compression, in pixels. */
export const PHOTO_MAX_SIDE = 1600

/** "5 MB", for messages. */
export const MAX_FILE_TEXT = `${MAX_FILE_BYTES / 1024 / 1024} MB`

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0) {
  if (bytes.length < at + prefix.length) return false
  return prefix.every((b, i) => bytes[at + i] === b)
}

// "RIFF" .... "WEBP"
const RIFF = [0x52, 0x49, 0x46, 0x46]
const WEBP = [0x57, 0x45, 0x42, 0x50]

/** The type the content really is, by its magic bytes, or null. */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png'
  }
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) {
    return 'image/webp'
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return 'application/pdf'
  }
  return null
}

export type FileRefusal = 'type' | 'size' | 'count' | 'empty'

/**
 * The app's early check of a chosen file, from what the platform reports
 * (declared type or name, size). The backend checks the content again.
 */
export function checkChosenFile(
  file: { size: number; type?: string; name?: string },
  allowed: readonly FileType[] = PHOTO_TYPES,
): FileRefusal | null {
  if (file.size <= 0) return 'empty'
  if (file.size > MAX_FILE_BYTES) return 'size'
  const type = file.type ?? typeOfName(file.name ?? '')
  // An unknown type is let through here: weapp temp paths often have no
  // usable extension, and the backend sniffs the content anyway.
  if (type && type !== '' && !allowed.includes(type as FileType)) {
    return 'type'
  }
  return null
}

const EXTENSIONS: Record<string, FileType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
}

function typeOfName(name: string): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase()
  if (!ext) return null
  return EXTENSIONS[ext] ?? `application/x-${ext}`
}

export function refusalText(
  refusal: FileRefusal,
  allowed: readonly FileType[] = PHOTO_TYPES,
): string {
  switch (refusal) {
    case 'type':
      return `只能上传${allowed.map((t) => FILE_TYPE_TEXT[t]).join('、')}`
    case 'size':
      return `单个文件不能超过 ${MAX_FILE_TEXT}`
    case 'count':
      return `最多上传 ${MAX_PHOTOS} 张照片`
    case 'empty':
      return '文件是空的，请重新选择'
  }
}
