/** The xAPI version every request announces. */
export const XAPI_VERSION = '1.0.3'

/** Long enough for a slow LRS, short enough that a stalled request does not hold the outbox for good. */
const DEFAULT_TIMEOUT_MS = 20_000

/** Where and how to reach the LRS: `endpoint` ends with '/', `auth` is the full Authorization header value (e.g. `Basic dXNlcjpwYXNz`). */
export interface LrsConnection {
  endpoint: string
  auth: string
}

/** status 0 = the request never got an HTTP answer (network error, timeout, CORS). body: parsed JSON when the response is JSON, else text, null when empty. */
export interface LrsResponse {
  status: number
  body: unknown
}

export interface LrsRequestOptions {
  query?: Record<string, string>
  /** Sent as JSON; no body when undefined. */
  body?: unknown
  /** Lets the request outlive the page (pagehide). */
  keepalive?: boolean
  timeoutMs?: number
  fetchImpl?: typeof fetch
}

/** One request to the LRS's `resource` (e.g. `statements`, `activities/state`). Never throws. */
export function lrsRequest(
  connection: LrsConnection,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  resource: string,
  options: LrsRequestOptions = {},
): Promise<LrsResponse> {
  const { query = {}, body, keepalive = false } = options
  // encodeURIComponent rather than URLSearchParams: some LRSs do not read '+' as a space.
  const search = Object.entries(query)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&')
  const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION }
  // A Tin Can launch without `auth` (an LRS that authenticates otherwise) sends none.
  if (connection.auth) headers['Authorization'] = connection.auth
  if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8'
  const url = connection.endpoint + resource + (search && `?${search}`)
  return exchange(url, { method, headers, keepalive, cache: 'no-store' }, body, options.fetchImpl, options.timeoutMs)
}

/** cmi5 §8.2: POST the fetch URL (no body) once; `{"auth-token": "..."}` → token; `{"error-code","error-text"}` or any failure → error message. Never throws. */
export async function fetchAuthToken(fetchUrl: string, fetchImpl?: typeof fetch): Promise<{ token: string } | { error: string }> {
  const { status, body } = await exchange(fetchUrl, { method: 'POST', cache: 'no-store' }, undefined, fetchImpl)
  if (status === 0) return { error: 'cmi5: the fetch URL could not be reached' }
  // LMSs do not all label the answer as JSON.
  const answer = typeof body === 'string' ? parseJson(body) : body
  const fields: Record<string, unknown> = answer !== null && typeof answer === 'object' ? (answer as Record<string, unknown>) : {}
  const token = fields['auth-token']
  if (status < 300 && typeof token === 'string' && token !== '') return { token }
  if (fields['error-code'] !== undefined) {
    return { error: `cmi5: the fetch URL refused a token: error ${String(fields['error-code'])} ${String(fields['error-text'] ?? '')}`.trimEnd() }
  }
  return { error: `cmi5: the fetch URL gave no auth-token: HTTP ${status}` }
}

/** One request with a time limit: whatever keeps it from an HTTP answer (even a body that cannot be serialized) is status 0. */
async function exchange(
  url: string,
  init: RequestInit,
  json: unknown,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<LrsResponse> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    if (json !== undefined) init.body = JSON.stringify(json)
    const response = await fetchImpl(url, { ...init, signal: controller.signal })
    const text = await response.text()
    const isJson = /json/i.test(response.headers.get('Content-Type') ?? '')
    return { status: response.status, body: text === '' ? null : isJson ? parseJson(text) : text }
  } catch {
    return { status: 0, body: null }
  } finally {
    clearTimeout(timer)
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
