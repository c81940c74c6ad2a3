/**
 * The one error handler. Known errors become their catalogue entry
 * (src/core/errors.ts); schema failures become VALIDATION_FAILED with one
 * issue per field; requests the parser could not read become
 * MALFORMED_REQUEST; anything else is logged (with no request body and no
 * personal data) and answered as INTERNAL.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

import type { FieldIssue } from '@/core/errors'
import { AppError } from '@/core/errors'

function fieldOf(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.')
  return path === '' ? (context ?? 'body') : path
}

function send(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.code(error.status).send(error.toBody())
}

export function handleError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof AppError) return send(reply, error)

  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: FieldIssue[] = error.validation.map((v) => ({
      field: fieldOf(error.validationContext, v.instancePath),
      message: v.message ?? '格式不正确',
    }))
    return send(reply, new AppError('VALIDATION_FAILED', issues))
  }

  // A text far past any field's limit: say so, rather than "malformed".
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(reply, new AppError('BODY_TOO_LARGE'))
  }

  // Fastify's own 4xx: unreadable JSON, wrong content type.
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return send(reply, new AppError('MALFORMED_REQUEST'))
  }

  request.log.error(
    { err: { name: error.name, code: error.code, stack: error.stack } },
    'unexpected error',
  )
  return send(reply, new AppError('INTERNAL'))
}

export function handleNotFound(
  _request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  return send(reply, new AppError('NOT_FOUND'))
}
