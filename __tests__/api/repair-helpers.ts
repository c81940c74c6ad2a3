/**
 * Helpers of the repair case and file tests: a multipart body as
 * Taro.uploadFile sends it, the smallest real images, and a report.
 */
import type { FastifyInstance } from 'fastify'

import type { StoredFile } from '@/core/files-api'
import type { ReportRequest } from '@/core/repairs-api'

import { bearer, newIdempotencyKey } from './helpers'

/** The first bytes of a JPEG and a PNG: what the backend sniffs. */
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\u0000 a tiny test photo'),
  Buffer.from([0xff, 0xd9]),
])
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR a tiny test image'),
])

const BOUNDARY = '----linli-test-boundary'

export function multipart(
  parts: { field: string; filename: string; type: string; bytes: Buffer }[],
): { payload: Buffer; headers: Record<string, string> } {
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`,
    ),
    p.bytes,
    Buffer.from('\r\n'),
  ])
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  }
}

export function upload(
  app: FastifyInstance,
  token: string | null,
  bytes: Buffer,
  {
    estateId = 'chenxi',
    filename = 'photo.jpg',
    type = 'image/jpeg',
    field = 'file',
  } = {},
) {
  const body = multipart([{ field, filename, type, bytes }])
  return app.inject({
    method: 'POST',
    url: `/api/files?estateId=${estateId}`,
    headers: { ...body.headers, ...(token ? bearer(token) : {}) },
    payload: body.payload,
  })
}

export async function uploadPhoto(
  app: FastifyInstance,
  token: string,
  estateId = 'chenxi',
): Promise<StoredFile> {
  const response = await upload(app, token, JPEG, { estateId })
  expect(response.statusCode).toBe(201)
  return response.json<StoredFile>()
}

export const ROAD_REPORT: ReportRequest = {
  category: 'roads-paving',
  place: { kind: 'common-area', commonAreaId: 'chenxi-area-6' },
  description: '1号楼门前路面有一个坑，雨天积水',
  urgency: 'normal',
  photoIds: [],
}

export function postReport(
  app: FastifyInstance,
  token: string,
  body: object = ROAD_REPORT,
  key: string | null = newIdempotencyKey(),
  estateId = 'chenxi',
) {
  return app.inject({
    method: 'POST',
    url: `/api/estates/${estateId}/repair-cases`,
    headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) },
    payload: body,
  })
}

export function act(
  app: FastifyInstance,
  token: string,
  caseId: string,
  body: object,
) {
  return app.inject({
    method: 'POST',
    url: `/api/repair-cases/${caseId}/actions`,
    headers: bearer(token),
    payload: body,
  })
}
