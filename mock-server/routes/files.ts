/**
 * File upload and download, shared by every feature that takes photos or
 * attachments. Multipart is registered here, for these routes only: the
 * rest of the API reads small JSON bodies and should refuse anything else.
 */
import multipart from '@fastify/multipart'
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { AppError } from '@/core/errors'
import { MAX_FILE_BYTES } from '@/core/files'
import { FILE_FIELD } from '@/core/files-api'

import { viewerOfRequest } from '../http/auth'
import {
  bearerAuth,
  fileParams,
  fileUploadQuery,
  signedFileQuery,
} from '../http/repair-schemas'
import type { Context } from '../services/context'
import type { FileContent } from '../services/files'
import { readFile, readSignedFile, storeFile } from '../services/files'

function sendFile(reply: FastifyReply, file: FileContent): FastifyReply {
  return reply
    .header('content-type', file.type)
    .header('content-length', String(file.bytes.length))
    .header('etag', `"${file.sha256}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', 'inline')
    .send(file.bytes)
}

export const fileRoutes: FastifyPluginAsyncZod<{ ctx: Context }> = async (
  app,
  { ctx },
) => {
  await app.register(multipart, {
    // One file a request; a few form fields at most. Past the size limit
    // the stream is cut and marked truncated, which storeFile refuses
    // with FILE_TOO_LARGE rather than a bare 413.
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: false,
  })

  app.post(
    '/files',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['files'],
        summary: `上传一个文件（multipart 字段 ${FILE_FIELD}；JPG/PNG/WebP/PDF，按内容识别类型，≤ 5 MB）`,
        security: bearerAuth,
        querystring: fileUploadQuery,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const viewer = viewerOfRequest(request)
      const part = await request.file()
      if (!part || part.fieldname !== FILE_FIELD) {
        throw new AppError('FILE_MISSING')
      }
      const bytes = await part.toBuffer()
      const stored = storeFile(ctx, viewer, {
        estateId: request.query.estateId,
        bytes,
        truncated: part.file.truncated,
      })
      return reply.code(201).send(stored)
    },
  )

  app.get(
    '/files/:fileId',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['files'],
        summary: '下载文件（上传人或同一小区的人）',
        security: bearerAuth,
        params: fileParams,
      },
    },
    (request, reply) =>
      sendFile(
        reply,
        readFile(ctx, viewerOfRequest(request), request.params.fileId),
      ),
  )

  app.get(
    '/files/:fileId/content',
    {
      schema: {
        tags: ['files'],
        summary: '通过带签名、会过期的链接读取文件（供图片组件使用）',
        params: fileParams,
        querystring: signedFileQuery,
      },
    },
    (request, reply) =>
      sendFile(
        reply,
        readSignedFile(
          ctx,
          request.params.fileId,
          request.query.expires,
          request.query.sig,
        ),
      ),
  )
}
