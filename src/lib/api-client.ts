/**
 * The app's one door to the backend: adds the Bearer token, sends JSON,
 * and turns every failure into an AppError with a catalogue code, so that
 * screens only ever handle `AppError`.
 */
import { API_PREFIX } from '@/core/api-types'
import { AppError, isErrorCode, type FieldIssue } from '@/core/errors'
import { API_BASE, platformRequest, platformUpload } from '@/platform'

import { warn } from './log'

export interface SessionHooks {
  /** The current token, or null when signed out. */
  token: () => string | null
  /** Called when the backend says the session is gone. */
  onSessionLost: () => void
}

let hooks: SessionHooks = {
  token: () => null,
  onSessionLost: () => undefined,
}

/** The identity feature plugs the session in here when the app starts. */
export function setSessionHooks(next: SessionHooks): void {
  hooks = next
}

export interface RequestOptions {
  body?: unknown
  headers?: Record<string, string>
}

function issuesOf(value: unknown): FieldIssue[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.filter(
    (issue): issue is FieldIssue =>
      typeof issue === 'object' &&
      issue !== null &&
      typeof (issue as FieldIssue).field === 'string' &&
      typeof (issue as FieldIssue).message === 'string',
  )
}

/** Reads the catalogue code out of an error body, whatever its shape. */
function errorFrom(status: number, data: unknown): AppError {
  const error =
    typeof data === 'object' && data !== null && 'error' in data
      ? (data as { error: unknown }).error
      : null
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, issues } = error as { code: unknown; issues?: unknown }
    if (isErrorCode(code)) return new AppError(code, issuesOf(issues))
  }

  // A proxy or gateway answering instead of the backend has no code.
  warn(`unexpected answer with status ${status}`)
  return new AppError(status === 401 ? 'AUTH_REQUIRED' : 'INTERNAL')
}

export async function apiRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...options.headers,
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const token = hooks.token()
  if (token) headers.authorization = `Bearer ${token}`

  let response
  try {
    response = await platformRequest({
      method,
      url: `${API_BASE}${API_PREFIX}${path}`,
      headers,
      body: options.body,
    })
  } catch (cause) {
    warn('request failed before an answer', cause)
    throw new AppError('NETWORK_ERROR')
  }

  if (response.status >= 200 && response.status < 300) {
    return response.data as T
  }

  const error = errorFrom(response.status, response.data)
  if (error.code === 'SESSION_EXPIRED' || error.code === 'AUTH_REQUIRED') {
    hooks.onSessionLost()
  }
  throw error
}

/** Any thrown value as an AppError; anything unexpected is INTERNAL. */
export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause
  warn('unexpected error', cause)
  return new AppError('INTERNAL')
}

/**
 * Uploads one local file (a temp path or blob: URL) to `path` under the
 * API prefix, with the token, reporting progress in percent. Failures
 * become AppErrors exactly as for apiRequest.
 */
export async function uploadFile<T>(
  path: string,
  filePath: string,
  options: { onProgress?: (percent: number) => void } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  const token = hooks.token()
  if (token) headers.authorization = `Bearer ${token}`

  let response
  try {
    response = await platformUpload({
      url: `${API_BASE}${API_PREFIX}${path}`,
      filePath,
      headers,
      onProgress: options.onProgress,
    })
  } catch (cause) {
    warn('upload failed before an answer', cause)
    throw new AppError('NETWORK_ERROR')
  }
  if (response.status >= 200 && response.status < 300) {
    return response.data as T
  }
  const error = errorFrom(response.status, response.data)
  if (error.code === 'SESSION_EXPIRED' || error.code === 'AUTH_REQUIRED') {
    hooks.onSessionLost()
  }
  throw error
}

/** Where to show a stored file: its signed link, on the API's origin. */
export function fileUrl(file: { url: string }): string {
  return `${API_BASE}${file.url}`
}
