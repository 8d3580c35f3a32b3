import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Statement, StatementsResponse } from '@xapi/xapi'
import { startLmsSim, type LmsSim } from '../src/index.js'
import { lrsFetch, refusals, xapiClient } from './helpers.js'

let sim: LmsSim
let auth: string

const agent = { objectType: 'Agent' as const, mbox: 'mailto:jo@example.com' }
const other = { objectType: 'Agent' as const, account: { homePage: 'https://lms.example.com', name: 'other' } }

function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    actor: agent,
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: 'https://example.com/activities/a' },
    timestamp: new Date().toISOString(),
    ...overrides,
  }
}

beforeAll(async () => {
  sim = await startLmsSim()
  auth = sim.lrs.issueAuth()
})

afterAll(async () => {
  await sim?.close()
})

afterEach(() => {
  sim.lrs.faults = {}
})

describe('LRS headers', () => {
  it('serves about without version or credentials, on its own origin', async () => {
    expect(sim.lrs.origin).not.toBe(sim.origin)
    expect(sim.lrs.endpoint).toBe(`${sim.lrsOrigin}/xapi/`)
    const response = await lrsFetch(sim, 'about', { version: null })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ version: ['1.0.3'] })
  })

  it('answers 400 without X-Experience-API-Version, or with another major version', async () => {
    const missing = await lrsFetch(sim, 'statements', { auth, version: null })
    expect(missing.status).toBe(400)
    expect(await missing.text()).toMatch(/X-Experience-API-Version/)
    expect((await lrsFetch(sim, 'statements', { auth, version: '2.0.0' })).status).toBe(400)
    expect((await lrsFetch(sim, 'statements', { auth, version: '1.0.1' })).status).toBe(200)
  })

  it('answers 401 without a credential it issued', async () => {
    expect((await lrsFetch(sim, 'statements', { auth: null })).status).toBe(401)
    const forged = `Basic ${Buffer.from('someone:secret').toString('base64')}`
    expect((await lrsFetch(sim, 'statements', { auth: forged })).status).toBe(401)
    const logged = sim.lrs.requests.filter((request) => request.status === 401)
    expect(logged.map((request) => request.reason)).toEqual(['missing Authorization header', 'Authorization is not a credential this LRS issued'])
  })

  it('rejects parameters it does not know', async () => {
    const response = await lrsFetch(sim, 'statements?cachebuster=1', { auth })
    expect(response.status).toBe(400)
  })
})

describe('statements', () => {
  it('stores statements from @xapi/xapi and reads them back with filters', async () => {
    const xapi = xapiClient(sim, auth)
    const registration = randomUUID()
    const first = statement({ context: { registration } }) as unknown as Statement
    const second = statement({ actor: other, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, context: { registration } }) as unknown as Statement
    const third = statement({ object: { id: 'https://example.com/activities/b' } }) as unknown as Statement
    const ids = (await xapi.sendStatements({ statements: [first, second] })).data
    expect(ids).toEqual([first.id, second.id])
    expect((await xapi.sendStatement({ statement: third })).data).toEqual([third.id])

    const stored = sim.lrs.statements().find((candidate) => candidate.id === first.id)!
    expect(stored.stored).toMatch(/Z$/)
    expect(stored.authority?.account?.homePage).toBe(sim.origin)
    expect(stored.version).toBe('1.0.0')

    const byRegistration = (await xapi.getStatements({ registration })).data
    expect(byRegistration.statements.map((found) => found.id)).toEqual([second.id, first.id])
    expect(byRegistration.more).toBe('')
    const byAgent = (await xapi.getStatements({ agent: other })).data
    expect(byAgent.statements.map((found) => found.id)).toEqual([second.id])
    const byVerb = (await xapi.getStatements({ verb: 'http://adlnet.gov/expapi/verbs/answered', registration })).data
    expect(byVerb.statements).toHaveLength(1)
    const byActivity = (await xapi.getStatements({ activity: 'https://example.com/activities/b' })).data
    expect(byActivity.statements.map((found) => found.id)).toEqual([third.id])
    const ascending = (await xapi.getStatements({ registration, ascending: true })).data
    expect(ascending.statements.map((found) => found.id)).toEqual([first.id, second.id])
    await new Promise((resolve) => setTimeout(resolve, 5))
    const later = statement({ context: { registration } }) as unknown as Statement
    await xapi.sendStatement({ statement: later })
    const since = (await xapi.getStatements({ since: sim.lrs.statements().find((found) => found.id === second.id)!.stored!, registration })).data
    expect(since.statements.map((found) => found.id)).toEqual([later.id])
    const until = (await xapi.getStatements({ until: stored.stored!, registration })).data
    expect(until.statements.map((found) => found.id)).toContain(first.id)
    expect(until.statements.map((found) => found.id)).not.toContain(later.id)
    const single = (await xapi.getStatement({ statementId: first.id! })).data
    expect(single.id).toBe(first.id)
  })

  it('pages with more', async () => {
    const xapi = xapiClient(sim, auth)
    const registration = randomUUID()
    await xapi.sendStatements({ statements: [1, 2, 3].map(() => statement({ context: { registration } })) as unknown as Statement[] })
    const page = (await xapi.getStatements({ registration, limit: 2 })).data
    expect(page.statements).toHaveLength(2)
    expect(page.more).toMatch(/^\/xapi\/statements\/more\//)
    const rest = (await xapi.getMoreStatements({ more: page.more! })).data as StatementsResponse
    expect(rest.statements).toHaveLength(1)
    expect(rest.more).toBe('')
  })

  it('answers 400 with the validation messages', async () => {
    const invalid = statement({ actor: { name: 'no identifier' }, result: { score: { scaled: 1.5 } } })
    const response = await lrsFetch(sim, 'statements', { method: 'POST', auth, body: invalid })
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text).toMatch(/NoIfiWarning at statement.actor/)
    expect(text).toMatch(/statement.result.score.scaled/)
    expect(sim.lrs.statements().some((stored) => stored.id === invalid['id'])).toBe(false)
  })

  it('answers 400 for a batch with two equal ids, storing nothing', async () => {
    const one = statement()
    const response = await lrsFetch(sim, 'statements', { method: 'POST', auth, body: [one, { ...one }] })
    expect(response.status).toBe(400)
    expect(sim.lrs.statements().some((stored) => stored.id === one['id'])).toBe(false)
  })

  it('accepts an identical resend (keys in another order) without storing it twice', async () => {
    const one = statement({ context: { registration: randomUUID(), extensions: { 'https://example.com/x': { b: 1, a: 2 } } } })
    expect((await lrsFetch(sim, 'statements', { method: 'POST', auth, body: one })).status).toBe(200)
    const reordered = Object.fromEntries(Object.entries(one).reverse())
    const again = await lrsFetch(sim, 'statements', { method: 'POST', auth, body: [reordered] })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual([one['id']])
    expect(sim.lrs.statements().filter((stored) => stored.id === one['id'])).toHaveLength(1)
  })

  it('answers 409 for a known id with other content', async () => {
    const one = statement()
    await lrsFetch(sim, 'statements', { method: 'POST', auth, body: one })
    const changed = { ...one, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } }
    const response = await lrsFetch(sim, 'statements', { method: 'POST', auth, body: changed })
    expect(response.status).toBe(409)
    expect(refusals(sim)).toMatch(/already stored with different content/)
  })

  it('generates missing ids', async () => {
    const { id: _id, ...anonymous } = statement()
    const response = await lrsFetch(sim, 'statements', { method: 'POST', auth, body: anonymous })
    const [id] = (await response.json()) as string[]
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(sim.lrs.statements().some((stored) => stored.id === id)).toBe(true)
  })

  it('takes PUT ?statementId= with the same id rules', async () => {
    const one = statement()
    const put = await lrsFetch(sim, `statements?statementId=${String(one['id'])}`, { method: 'PUT', auth, body: one })
    expect(put.status).toBe(204)
    expect((await lrsFetch(sim, `statements?statementId=${String(one['id'])}`, { method: 'PUT', auth, body: one })).status).toBe(204)
    const mismatch = await lrsFetch(sim, `statements?statementId=${randomUUID()}`, { method: 'PUT', auth, body: one })
    expect(mismatch.status).toBe(400)
    const get = await lrsFetch(sim, `statements?statementId=${String(one['id'])}`, { auth })
    expect(((await get.json()) as { id: string }).id).toBe(one['id'])
    expect((await lrsFetch(sim, `statements?statementId=${randomUUID()}`, { auth })).status).toBe(404)
  })

  it('voids: the voided statement leaves queries and is read with voidedStatementId', async () => {
    const registration = randomUUID()
    const target = statement({ context: { registration } })
    await lrsFetch(sim, 'statements', { method: 'POST', auth, body: target })
    const voiding = statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target['id'] } })
    expect((await lrsFetch(sim, 'statements', { method: 'POST', auth, body: voiding })).status).toBe(200)
    const listed = (await (await lrsFetch(sim, `statements?registration=${registration}`, { auth })).json()) as { statements: unknown[] }
    expect(listed.statements).toHaveLength(0)
    expect((await lrsFetch(sim, `statements?statementId=${String(target['id'])}`, { auth })).status).toBe(404)
    expect((await lrsFetch(sim, `statements?voidedStatementId=${String(target['id'])}`, { auth })).status).toBe(200)
  })
})

describe('activities/state', () => {
  const activityId = 'https://example.com/activities/state'

  it('replaces with PUT, merges with POST, 404s when absent, deletes', async () => {
    const xapi = xapiClient(sim, auth)
    const key = { agent, activityId, stateId: 'bookmark' }
    await expect(xapi.getState(key)).rejects.toMatchObject({ response: { status: 404 } })
    await xapi.setState({ ...key, state: { location: 'p1', score: 1 } })
    await xapi.createState({ ...key, state: { location: 'p2', visited: ['p1'] } })
    expect((await xapi.getState(key)).data).toEqual({ location: 'p2', score: 1, visited: ['p1'] })
    expect(sim.lrs.stateDocument(key)).toEqual({ location: 'p2', score: 1, visited: ['p1'] })
    await xapi.setState({ ...key, state: { location: 'p3' } })
    expect((await xapi.getState(key)).data).toEqual({ location: 'p3' })
    expect((await xapi.getStates({ agent, activityId })).data).toEqual(['bookmark'])
    await xapi.deleteState(key)
    await expect(xapi.getState(key)).rejects.toMatchObject({ response: { status: 404 } })
  })

  it('answers 400 for a POST merge with a non-JSON side', async () => {
    const query = `activities/state?activityId=${encodeURIComponent(activityId)}&agent=${encodeURIComponent(JSON.stringify(agent))}&stateId=text`
    expect((await lrsFetch(sim, query, { method: 'PUT', auth, body: 'plain text', contentType: 'text/plain' })).status).toBe(204)
    expect((await lrsFetch(sim, query, { method: 'POST', auth, body: { a: 1 } })).status).toBe(400)
    const get = await lrsFetch(sim, query, { auth })
    expect(await get.text()).toBe('plain text')
    expect(get.headers.get('content-type')).toBe('text/plain')
  })

  it('scopes documents by registration', async () => {
    const xapi = xapiClient(sim, auth)
    const registration = randomUUID()
    await xapi.setState({ agent, activityId, stateId: 'scoped', registration, state: { in: 'registration' } })
    expect((await xapi.getState({ agent, activityId, stateId: 'scoped', registration })).data).toEqual({ in: 'registration' })
    await expect(xapi.getState({ agent, activityId, stateId: 'scoped' })).rejects.toMatchObject({ response: { status: 404 } })
    await expect(xapi.getState({ agent, activityId, stateId: 'scoped', registration: randomUUID() })).rejects.toMatchObject({ response: { status: 404 } })
  })

  it('answers 400 for an agent that is not JSON or has not exactly one identifier, or missing parameters', async () => {
    const base = `activities/state?activityId=${encodeURIComponent(activityId)}&stateId=x&agent=`
    const twoIfis = { mbox: 'mailto:a@example.com', account: { homePage: 'https://x.example.com', name: 'a' } }
    for (const bad of ['{nope', JSON.stringify(twoIfis), JSON.stringify({ name: 'nobody' })]) {
      expect((await lrsFetch(sim, base + encodeURIComponent(bad), { auth })).status).toBe(400)
    }
    expect((await lrsFetch(sim, `activities/state?activityId=${encodeURIComponent(activityId)}&stateId=x`, { auth })).status).toBe(400)
    const noStateId = `activities/state?activityId=${encodeURIComponent(activityId)}&agent=${encodeURIComponent(JSON.stringify(agent))}`
    expect((await lrsFetch(sim, noStateId, { method: 'PUT', auth, body: { a: 1 } })).status).toBe(400)
  })
})

describe('agents/profile', () => {
  it('stores profiles and enforces the concurrency headers on PUT over an existing one', async () => {
    const query = `agents/profile?agent=${encodeURIComponent(JSON.stringify(other))}&profileId=prefs`
    expect((await lrsFetch(sim, query, { auth })).status).toBe(404)
    expect((await lrsFetch(sim, query, { method: 'PUT', auth, body: { a: 1 } })).status).toBe(204)
    const get = await lrsFetch(sim, query, { auth })
    expect(await get.json()).toEqual({ a: 1 })
    const etag = get.headers.get('etag')!
    expect((await lrsFetch(sim, query, { method: 'PUT', auth, body: { a: 2 } })).status).toBe(409)
    expect((await lrsFetch(sim, query, { method: 'PUT', auth, body: { a: 2 }, headers: { 'If-Match': '"stale"' } })).status).toBe(412)
    expect((await lrsFetch(sim, query, { method: 'PUT', auth, body: { a: 2 }, headers: { 'If-Match': etag } })).status).toBe(204)
    expect((await lrsFetch(sim, query, { method: 'POST', auth, body: { b: 3 } })).status).toBe(204)
    expect(sim.lrs.agentProfile({ agent: other, profileId: 'prefs' })).toEqual({ a: 2, b: 3 })
    expect((await lrsFetch(sim, query, { method: 'DELETE', auth })).status).toBe(204)
    expect((await lrsFetch(sim, query, { auth })).status).toBe(404)
  })
})

describe('CORS', () => {
  it('answers preflights', async () => {
    const response = await fetch(`${sim.lrs.endpoint}statements`, {
      method: 'OPTIONS',
      headers: { Origin: sim.origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type,x-experience-api-version' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(sim.origin)
    expect(response.headers.get('access-control-allow-methods')).toMatch(/PUT/)
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match')
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0)
  })

  it('sets the CORS headers on errors too', async () => {
    const response = await fetch(`${sim.lrs.endpoint}statements`, { headers: { Origin: sim.origin } })
    expect(response.status).toBe(400)
    expect(response.headers.get('access-control-allow-origin')).toBe(sim.origin)
    expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag/)
    expect(response.headers.get('x-experience-api-version')).toBe('1.0.3')
  })
})

describe('faults', () => {
  it('down: destroys every connection, preflights included', async () => {
    sim.lrs.faults.down = true
    await expect(lrsFetch(sim, 'about')).rejects.toThrow()
    await expect(fetch(`${sim.lrs.endpoint}statements`, { method: 'OPTIONS' })).rejects.toThrow()
    expect(sim.lrs.requests.at(-1)).toMatchObject({ method: 'OPTIONS', status: 0 })
    sim.lrs.faults.down = false
    expect((await lrsFetch(sim, 'about')).status).toBe(200)
  })

  it('status: answers every non-OPTIONS request with it, storing nothing', async () => {
    sim.lrs.faults = { status: 503 }
    const one = statement()
    expect((await lrsFetch(sim, 'statements', { method: 'POST', auth, body: one })).status).toBe(503)
    expect((await fetch(`${sim.lrs.endpoint}statements`, { method: 'OPTIONS' })).status).toBe(204)
    expect(sim.lrs.statements().some((stored) => stored.id === one['id'])).toBe(false)
    expect(sim.lrs.requests.find((request) => request.status === 503)?.reason).toBe('fault: status 503')
  })

  it('failNext: fails that many requests with 500, then recovers', async () => {
    sim.lrs.faults.failNext = 2
    expect((await lrsFetch(sim, 'about')).status).toBe(500)
    expect((await lrsFetch(sim, 'about')).status).toBe(500)
    expect((await lrsFetch(sim, 'about')).status).toBe(200)
  })

  it('delayMs: answers late', async () => {
    sim.lrs.faults.delayMs = 200
    const start = Date.now()
    expect((await lrsFetch(sim, 'about')).status).toBe(200)
    expect(Date.now() - start).toBeGreaterThanOrEqual(190)
  })
})
