/**
 * A stand-in for the network boundary: the platform request function.
 * Each test lists the answers it wants, keyed by "METHOD /api/path";
 * everything the app sends is recorded to assert on.
 */
import type {
  PlatformRequest,
  PlatformResponse,
} from '../../src/platform/request'
import { ERRORS, type ErrorCode } from '../../src/core/errors'

export type Answer =
  | PlatformResponse
  | 'network-error'
  | ((req: PlatformRequest) => PlatformResponse | 'network-error')

export interface FakeApi {
  calls: PlatformRequest[]
  callsTo: (key: string) => PlatformRequest[]
  /** Queues answers for a route; the last one repeats. */
  on: (key: string, ...answers: Answer[]) => void
}

export function ok(data: unknown, status = 200): PlatformResponse {
  return { status, data }
}

export function fail(code: ErrorCode): PlatformResponse {
  const { status, message, action } = ERRORS[code]
  return { status, data: { error: { code, message, action } } }
}

function keyOf(req: PlatformRequest): string {
  return `${req.method} ${req.url.split('?')[0]}`
}

export function installFakeApi(request: jest.Mock): FakeApi {
  const routes = new Map<string, Answer[]>()
  const calls: PlatformRequest[] = []

  request.mockImplementation(async (req: PlatformRequest) => {
    calls.push(req)
    const queue = routes.get(keyOf(req))
    if (!queue || queue.length === 0) {
      throw new Error(`no fake answer for ${keyOf(req)}`)
    }
    const next = queue.length > 1 ? queue.shift() : queue[0]
    const answer = typeof next === 'function' ? next(req) : next
    if (answer === 'network-error' || answer === undefined) {
      throw new Error('request:fail net::ERR_INTERNET_DISCONNECTED')
    }
    return answer
  })

  return {
    calls,
    callsTo: (key) => calls.filter((c) => keyOf(c) === key),
    on: (key, ...answers) => routes.set(key, answers),
  }
}
