/**
 * Photos and files: choosing them, compressing photos, uploading them
 * with progress. Both platforms upload through Taro.uploadFile; they
 * differ in how photos are chosen (chooseMedia on weapp, chooseImage on
 * H5, where chooseMedia opens a file input too but reports no size
 * before reading) and compressed (Taro.compressImage on weapp; a canvas
 * downscale on H5, where Taro has no compressImage).
 *
 * For the notices feature (and anyone else who uploads), the usual path:
 *
 *   const chosen = await choosePhotos(MAX_PHOTOS - kept.length)
 *   // chosen.refused: files refused before upload, with Chinese text
 *   for (const photo of chosen.photos) {
 *     const small = await compressPhoto(photo)
 *     const stored = await uploadFile<StoredFile>(
 *       `/files?estateId=${estateId}`, small.path,
 *       { onProgress: (percent) => ... },
 *     )   // from '@/lib/api-client': adds the token, maps errors
 *   }
 *
 * then send the `stored.id`s with your form, and show a stored file with
 * `fileUrl(stored)` (the signed link works in <Image src>). Types and
 * limits (MAX_PHOTOS, MAX_FILE_BYTES, PHOTO_TYPES, FILE_TYPES) live in
 * src/core/files.ts and are the ones the backend enforces; the backend
 * reads the type from the content, so a refusal can still come back as
 * FILE_TYPE_NOT_ALLOWED or FILE_TOO_LARGE.
 */
import Taro from '@tarojs/taro'

import type { FileRefusal } from '@/core/files'
import {
  checkChosenFile,
  MAX_PHOTOS,
  PHOTO_MAX_SIDE,
  PHOTO_TYPES,
} from '@/core/files'
import { FILE_FIELD } from '@/core/files-api'

export interface ChosenPhoto {
  /** A temp file path on weapp, a blob: URL on H5. */
  path: string
  size: number
  type?: string
}

export interface PhotoChoice {
  photos: ChosenPhoto[]
  refused: { refusal: FileRefusal; count: number }[]
}

// JPEG at 80% keeps a crack in a wall readable at a fifth of the size.
const PHOTO_QUALITY = 0.8

function isCancel(cause: unknown): boolean {
  const message =
    typeof cause === 'object' && cause !== null && 'errMsg' in cause
      ? String((cause as { errMsg: unknown }).errMsg)
      : ''
  return /cancel/i.test(message)
}

async function pick(count: number): Promise<ChosenPhoto[]> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    })
    return res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }))
  }
  const res = await Taro.chooseImage({
    count,
    sourceType: ['album', 'camera'],
  })
  return res.tempFiles.map((f) => ({
    path: f.path,
    size: f.size,
    type: f.type,
  }))
}

/**
 * Lets the person take or choose up to `room` photos. Files over the
 * count, of the wrong type or too large come back in `refused` (never
 * silently dropped); a cancelled choice is an empty one.
 */
export async function choosePhotos(room: number): Promise<PhotoChoice> {
  if (room <= 0)
    return { photos: [], refused: [{ refusal: 'count', count: 1 }] }
  let chosen: ChosenPhoto[]
  try {
    chosen = await pick(Math.min(room, MAX_PHOTOS))
  } catch (cause) {
    if (isCancel(cause)) return { photos: [], refused: [] }
    throw cause
  }

  const refusals = new Map<FileRefusal, number>()
  const refuse = (refusal: FileRefusal) =>
    refusals.set(refusal, (refusals.get(refusal) ?? 0) + 1)
  const photos: ChosenPhoto[] = []
  for (const photo of chosen) {
    const refusal = checkChosenFile(photo, PHOTO_TYPES)
    if (refusal) refuse(refusal)
    else if (photos.length >= room) refuse('count')
    else photos.push(photo)
  }
  return {
    photos,
    refused: Array.from(refusals, ([refusal, count]) => ({ refusal, count })),
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('image did not decode'))
    image.src = src
  })
}

/** H5: draw the photo at most PHOTO_MAX_SIDE wide or tall, as JPEG. */
async function downscaleInCanvas(photo: ChosenPhoto): Promise<ChosenPhoto> {
  const image = await loadImage(photo.path)
  const scale = Math.min(
    1,
    PHOTO_MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight),
  )
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
  const context = canvas.getContext('2d')
  if (!context) return photo
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY),
  )
  // A PNG screenshot can come out larger as JPEG; keep the smaller.
  if (!blob || blob.size >= photo.size) return photo
  return { path: URL.createObjectURL(blob), size: blob.size, type: blob.type }
}

/**
 * A smaller copy of the photo for upload, or the photo itself where
 * compressing fails (an image the browser can not decode is still sent,
 * and the backend decides).
 */
export async function compressPhoto(photo: ChosenPhoto): Promise<ChosenPhoto> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.compressImage({
        src: photo.path,
        quality: PHOTO_QUALITY * 100,
        compressedWidth: PHOTO_MAX_SIDE,
      })
      const info = Taro.getFileSystemManager().statSync(res.tempFilePath)
      const size = 'size' in info ? Number(info.size) : photo.size
      return { path: res.tempFilePath, size }
    }
    return await downscaleInCanvas(photo)
  } catch {
    // Compression is an optimisation; the original still goes up.
    return photo
  }
}

export interface PlatformUpload {
  url: string
  filePath: string
  headers: Record<string, string>
  onProgress?: (percent: number) => void
}

export interface PlatformUploadResponse {
  status: number
  /** Parsed JSON where the answer was JSON, else the raw text. */
  data: unknown
}

// A 5 MB photo on a slow train connection (~50 KB/s) needs well over a
// minute; a person sees the progress meanwhile.
const UPLOAD_TIMEOUT_MS = 120_000

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}

/**
 * Sends one file as multipart field FILE_FIELD. Resolves with any HTTP
 * status; rejects only when no answer came (offline, timeout), as
 * platformRequest does.
 */
export function platformUpload(
  req: PlatformUpload,
): Promise<PlatformUploadResponse> {
  const task = Taro.uploadFile({
    url: req.url,
    filePath: req.filePath,
    name: FILE_FIELD,
    header: req.headers,
    timeout: UPLOAD_TIMEOUT_MS,
  })
  if (req.onProgress) {
    const report = req.onProgress
    task.onProgressUpdate?.((update) => report(update.progress))
  }
  return task.then((res) => ({ status: res.statusCode, data: parse(res.data) }))
}
