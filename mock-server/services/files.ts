/**
 * Uploaded files, kept as BLOBs in the store: photos of repair cases and
 * site checks, attachments of notices. The type is read from the content
 * (magic bytes), never taken from the name or the declared type, and a
 * file belongs to the estate it was uploaded for.
 *
 * A file is fetched either with the Bearer token (GET /api/files/:id) or
 * through a signed link that expires (`signedFileUrl`): an <Image> cannot
 * send an Authorization header, so whoever may see a file gets a link to
 * it with the answer that names it.
 */
import {
  createHash,
  createHmac,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto'

import { API_PREFIX } from '@/core/api-types'
import { AppError } from '@/core/errors'
import type { FileType } from '@/core/files'
import { FILE_TYPES, MAX_FILE_BYTES, sniffFileType } from '@/core/files'
import type { StoredFile } from '@/core/files-api'

import { sql } from '../store/database'
import type { Context } from './context'
import { HOUR, iso } from './context'
import type { Viewer } from './identity'

/** How long a signed link works: long enough to read a case at leisure. */
export const FILE_LINK_TTL = 2 * HOUR

interface FileRow {
  id: string
  estate_id: string
  uploader_id: string
  mime: FileType
  size: number
  sha256: string
  created_at: number
}

const FILE_COLUMNS =
  'id, estate_id, uploader_id, mime, size, sha256, created_at'

export interface NewFile {
  estateId: string
  bytes: Buffer
  /** The upload was cut off at the size limit. */
  truncated: boolean
  allowed?: readonly FileType[]
}

export function storeFile(
  ctx: Context,
  viewer: Viewer,
  file: NewFile,
): StoredFile {
  if (!viewer.estateIds.includes(file.estateId)) {
    throw new AppError('OTHER_ESTATE')
  }
  if (file.truncated || file.bytes.length > MAX_FILE_BYTES) {
    throw new AppError('FILE_TOO_LARGE')
  }
  if (file.bytes.length === 0) throw new AppError('FILE_MISSING')
  const type = sniffFileType(file.bytes)
  if (!type || !(file.allowed ?? FILE_TYPES).includes(type)) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED')
  }

  const row: FileRow = {
    id: randomUUID(),
    estate_id: file.estateId,
    uploader_id: viewer.personId,
    mime: type,
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    created_at: ctx.now(),
  }
  sql(
    ctx.db,
    `INSERT INTO files (id, estate_id, uploader_id, mime, size, sha256, data, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    row.estate_id,
    row.uploader_id,
    row.mime,
    row.size,
    row.sha256,
    file.bytes,
    row.created_at,
  )
  return fileView(ctx, row)
}

function signature(ctx: Context, fileId: string, expires: number): string {
  return createHmac('sha256', ctx.secret)
    .update(`file:${fileId}:${expires}`)
    .digest('base64url')
}

function signedFileUrl(ctx: Context, fileId: string): string {
  // Rounded to the hour, so the same file keeps the same link for a while
  // and the app's image cache can reuse it.
  const expires = (Math.floor(ctx.now() / HOUR) + 1) * HOUR + FILE_LINK_TTL
  const sig = signature(ctx, fileId, expires)
  return `${API_PREFIX}/files/${fileId}/content?expires=${expires}&sig=${sig}`
}

function fileView(ctx: Context, row: FileRow): StoredFile {
  return {
    id: row.id,
    type: row.mime,
    size: row.size,
    sha256: row.sha256,
    uploadedAt: iso(row.created_at),
    url: signedFileUrl(ctx, row.id),
  }
}

function fileRow(ctx: Context, fileId: string): FileRow | undefined {
  return sql(ctx.db, `SELECT ${FILE_COLUMNS} FROM files WHERE id = ?`).get(
    fileId,
  ) as FileRow | undefined
}

/** Views of files already checked to be visible, in the given order. */
export function fileViews(ctx: Context, fileIds: readonly string[]) {
  return fileIds.flatMap((id) => {
    const row = fileRow(ctx, id)
    return row ? [fileView(ctx, row)] : []
  })
}

/**
 * Files a person just uploaded, to attach to something of one estate:
 * each must exist, be theirs, be of that estate and be of an allowed
 * type. Refuses the whole list otherwise.
 */
export function ownFiles(
  ctx: Context,
  personId: string,
  estateId: string,
  fileIds: readonly string[],
  allowed: readonly FileType[],
): FileRow[] {
  if (new Set(fileIds).size !== fileIds.length) {
    throw new AppError('PHOTO_INVALID')
  }
  return fileIds.map((id) => {
    const row = fileRow(ctx, id)
    if (
      !row ||
      row.uploader_id !== personId ||
      row.estate_id !== estateId ||
      !allowed.includes(row.mime)
    ) {
      throw new AppError('PHOTO_INVALID')
    }
    return row
  })
}

export interface FileContent {
  type: FileType
  sha256: string
  bytes: Buffer
}

function content(ctx: Context, row: FileRow): FileContent {
  const { data } = sql(ctx.db, 'SELECT data FROM files WHERE id = ?').get(
    row.id,
  ) as { data: Buffer }
  return { type: row.mime, sha256: row.sha256, bytes: data }
}

/** With a Bearer token: the uploader and people of the file's estate. */
export function readFile(
  ctx: Context,
  viewer: Viewer,
  fileId: string,
): FileContent {
  const row = fileRow(ctx, fileId)
  if (!row) throw new AppError('FILE_NOT_FOUND')
  if (
    row.uploader_id !== viewer.personId &&
    !viewer.estateIds.includes(row.estate_id)
  ) {
    throw new AppError('FILE_NOT_FOUND')
  }
  return content(ctx, row)
}

/** With a signed link from an answer that named the file. */
export function readSignedFile(
  ctx: Context,
  fileId: string,
  expires: number,
  sig: string,
): FileContent {
  const expected = Buffer.from(signature(ctx, fileId, expires))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError('FILE_NOT_FOUND')
  }
  if (ctx.now() > expires) throw new AppError('FILE_LINK_EXPIRED')
  const row = fileRow(ctx, fileId)
  if (!row) throw new AppError('FILE_NOT_FOUND')
  return content(ctx, row)
}
