import { afterEach, describe, expect, it, vi } from 'vitest'
import { XAPI_VERSION, fetchAuthToken, lrsRequest } from './lrs-client.js'

const connection = { endpoint: 'https://lrs.example.com/xapi/', auth: 'Basic dXNlcjpwYXNz' }

interface Call {
  url: string
  init: RequestInit
}

/** A fetch that records its calls and answers with `answer` (a thrown error is a network failure). */
function fakeFetch(answer: () => Response | Promise<Response>): { fetchImpl: typeof fetch; calls: Call[] } {
  const calls: Call[] = []
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return answer()
  }) as unknown as typeof fetch
  return { fetchImpl, calls }
}

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } })

afterEach(() => {
  vi.useRealTimers()
})

describe('lrsRequest', () => {
  it('POSTs a JSON body with the version, authorization and content type headers', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(['id-1']))
    const response = await lrsRequest(connection, 'POST', 'statements', { body: [{ id: 'id-1' }], fetchImpl })
    expect(response).toEqual({ status: 200, body: ['id-1'] })
    expect(calls).toHaveLength(1)
    const [{ url, init }] = calls as [Call]
    expect(url).toBe('https://lrs.example.com/xapi/statements')
    expect(init.method).toBe('POST')
    expect(init.headers).toEqual({
      'X-Experience-API-Version': '1.0.3',
      Authorization: 'Basic dXNlcjpwYXNz',
      'Content-Type': 'application/json; charset=utf-8',
    })
    expect(init.body).toBe('[{"id":"id-1"}]')
    expect(init.cache).toBe('no-store')
    expect(init.keepalive).toBe(false)
    expect(init.signal).toBeInstanceOf(AbortSignal)
    expect(XAPI_VERSION).toBe('1.0.3')
  })

  it('encodes query values, agent JSON included, and sends no body or content type without one', async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Response('plain words', { status: 200, headers: { 'Content-Type': 'text/plain' } }))
    const agent = JSON.stringify({ account: { homePage: 'https://lms.example.com', name: 'learner 1&2' } })
    const response = await lrsRequest(connection, 'GET', 'activities/state', {
      query: { activityId: 'https://example.com/course?v=1', agent, stateId: 'cafes' },
      fetchImpl,
    })
    expect(response).toEqual({ status: 200, body: 'plain words' })
    expect(calls[0]?.url).toBe(
      'https://lrs.example.com/xapi/activities/state?activityId=https%3A%2F%2Fexample.com%2Fcourse%3Fv%3D1' +
        '&agent=%7B%22account%22%3A%7B%22homePage%22%3A%22https%3A%2F%2Flms.example.com%22%2C%22name%22%3A%22learner%201%262%22%7D%7D' +
        '&stateId=cafes',
    )
    expect(calls[0]?.init.method).toBe('GET')
    expect(calls[0]?.init.body).toBeUndefined()
    expect(calls[0]?.init.headers).toEqual({ 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic dXNlcjpwYXNz' })
  })

  it('passes keepalive on, and gives the status and body of an HTTP error; an empty body is null', async () => {
    const refused = fakeFetch(() => json({ message: 'bad statement' }, 400))
    expect(await lrsRequest(connection, 'PUT', 'activities/state', { body: { a: 1 }, keepalive: true, fetchImpl: refused.fetchImpl })).toEqual({
      status: 400,
      body: { message: 'bad statement' },
    })
    expect(refused.calls[0]?.init.keepalive).toBe(true)
    const empty = fakeFetch(() => new Response(null, { status: 204 }))
    expect(await lrsRequest(connection, 'DELETE', 'activities/state', { fetchImpl: empty.fetchImpl })).toEqual({ status: 204, body: null })
  })

  it('keeps JSON that does not parse as text', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('{oops', { status: 200, headers: { 'Content-Type': 'application/json' } }))
    expect(await lrsRequest(connection, 'GET', 'about', { fetchImpl })).toEqual({ status: 200, body: '{oops' })
  })

  it('gives status 0 on a network failure', async () => {
    const { fetchImpl } = fakeFetch(() => {
      throw new TypeError('Failed to fetch')
    })
    expect(await lrsRequest(connection, 'POST', 'statements', { body: [], fetchImpl })).toEqual({ status: 0, body: null })
  })

  it('aborts after 20 s by default and gives status 0', async () => {
    vi.useFakeTimers()
    let signal: AbortSignal | undefined
    const fetchImpl = ((_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined
      return new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    }) as unknown as typeof fetch
    let settled: unknown = 'pending'
    void lrsRequest(connection, 'GET', 'about', { fetchImpl }).then((response) => (settled = response))
    await vi.advanceTimersByTimeAsync(19_999)
    expect(settled).toBe('pending')
    expect(signal?.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(signal?.aborted).toBe(true)
    expect(settled).toEqual({ status: 0, body: null })
  })

  it('honours a shorter timeout', async () => {
    vi.useFakeTimers()
    const fetchImpl = ((_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof fetch
    const pending = lrsRequest(connection, 'GET', 'about', { fetchImpl, timeoutMs: 500 })
    await vi.advanceTimersByTimeAsync(500)
    expect(await pending).toEqual({ status: 0, body: null })
  })
})

describe('fetchAuthToken', () => {
  const fetchUrl = 'https://lms.example.com/cmi5/fetch?session=abc'

  it('POSTs the fetch URL without a body and returns the token', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json({ 'auth-token': 'dG9rZW4=' }))
    expect(await fetchAuthToken(fetchUrl, fetchImpl)).toEqual({ token: 'dG9rZW4=' })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe(fetchUrl)
    expect(calls[0]?.init.method).toBe('POST')
    expect(calls[0]?.init.body).toBeUndefined()
    expect(calls[0]?.init.cache).toBe('no-store')
  })

  it('reads a token the LMS did not label as JSON', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('{"auth-token":"abc"}', { status: 200, headers: { 'Content-Type': 'text/plain' } }))
    expect(await fetchAuthToken(fetchUrl, fetchImpl)).toEqual({ token: 'abc' })
  })

  it('reports the cmi5 error code and text', async () => {
    const { fetchImpl } = fakeFetch(() => json({ 'error-code': '1', 'error-text': 'Already in use' }))
    expect(await fetchAuthToken(fetchUrl, fetchImpl)).toEqual({ error: 'cmi5: the fetch URL refused a token: error 1 Already in use' })
  })

  it('reports an answer that is not JSON', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('<html>Server error</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }))
    expect(await fetchAuthToken(fetchUrl, fetchImpl)).toEqual({ error: 'cmi5: the fetch URL gave no auth-token: HTTP 500' })
  })

  it('reports a network failure', async () => {
    const { fetchImpl } = fakeFetch(() => {
      throw new TypeError('Failed to fetch')
    })
    expect(await fetchAuthToken(fetchUrl, fetchImpl)).toEqual({ error: 'cmi5: the fetch URL could not be reached' })
  })
})
