import Taro from '@tarojs/taro'

export interface PlatformRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: unknown
}

export interface PlatformResponse {
  status: number
  data: unknown
}

// Long enough for a slow train connection, short enough that a person is
// not left looking at a spinner.
const REQUEST_TIMEOUT_MS = 15000

/**
 * One HTTP exchange over Taro.request. Any HTTP status resolves; only a
 * request that never got an answer (offline, timeout, refused) rejects,
 * so the API client can tell a network failure from a server's refusal.
 */
export async function platformRequest(
  req: PlatformRequest,
): Promise<PlatformResponse> {
  const res = await Taro.request<unknown>({
    url: req.url,
    method: req.method,
    header: req.headers,
    data: req.body,
    dataType: 'json',
    timeout: REQUEST_TIMEOUT_MS,
  })
  return { status: res.statusCode, data: res.data }
}
