/**
 * Images and PDFs attached to notices. The files themselves live in the
 * shared upload facility (services/files.ts: POST /api/files checks the
 * type by magic bytes and the size against src/core/files.ts, whose
 * FILE_TYPES include application/pdf); a notice only keeps which files,
 * in which order, under which name.
 */
import { AppError } from '@/core/errors'
import { FILE_TYPES } from '@/core/files'
import type { NewAttachment, NoticeAttachment } from '@/core/notices-api'
import { cleanTitle } from '@/core/notices'

import { sql } from '../store/database'
import type { Context } from './context'
import { fileViews, ownFiles } from './files'
import type { Viewer } from './identity'

/**
 * Attaches files the poster uploaded for this estate. The upload
 * facility refuses someone else's file, another estate's or a wrong type
 * with its photo code; a notice's poster is told about attachments.
 */
export function saveAttachments(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  noticeId: string,
  attachments: readonly NewAttachment[],
): void {
  if (attachments.length === 0) return
  try {
    ownFiles(
      ctx,
      viewer.personId,
      estateId,
      attachments.map((a) => a.fileId),
      FILE_TYPES,
    )
  } catch (error) {
    if (error instanceof AppError && error.code === 'PHOTO_INVALID') {
      throw new AppError('NOTICE_ATTACHMENT_INVALID')
    }
    throw error
  }
  const insert = sql(
    ctx.db,
    'INSERT INTO notice_attachments (notice_id, seq, file_id, name) VALUES (?, ?, ?, ?)',
  )
  attachments.forEach((a, index) => {
    const name = cleanTitle(a.name) || `附件 ${index + 1}`
    insert.run(noticeId, index + 1, a.fileId, name)
  })
}

/** A notice's attachments with links the app can open without a token. */
export function noticeAttachments(
  ctx: Context,
  noticeId: string,
): NoticeAttachment[] {
  const rows = sql(
    ctx.db,
    'SELECT file_id, name FROM notice_attachments WHERE notice_id = ? ORDER BY seq',
  ).all(noticeId) as { file_id: string; name: string }[]
  if (rows.length === 0) return []
  const views = new Map(
    fileViews(
      ctx,
      rows.map((r) => r.file_id),
    ).map((v) => [v.id, v]),
  )
  return rows.flatMap((r) => {
    const file = views.get(r.file_id)
    if (!file) return []
    return [
      {
        fileId: file.id,
        kind: file.type === 'application/pdf' ? 'pdf' : 'image',
        name: r.name,
        mime: file.type,
        size: file.size,
        url: file.url,
      },
    ]
  })
}
