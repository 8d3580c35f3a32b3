import { describe, expect, it } from 'vitest'
import { agentKey, newUuid, parseAgent, parseCmi5Launch, parseTinCanLaunch } from './xapi-launch.js'

const actor = { objectType: 'Agent', name: 'Camille', account: { homePage: 'https://lms.example.com', name: 'c42' } }
const query = (params: Record<string, string>) => `?${new URLSearchParams(params)}`

describe('Tin Can launch', () => {
  it('reads endpoint, auth, actor, registration and activity_id, adding the final slash', () => {
    const parsed = parseTinCanLaunch(query({
      endpoint: 'https://lrs.example.com/xapi', auth: 'Basic dXNlcjpwYXNz', actor: JSON.stringify(actor),
      registration: '760E3480-BA55-4991-94B0-01820DBD23A2', activity_id: 'https://example.org/cafes/demo', grouping: 'https://lms.example.com/c/1',
    }))
    expect(parsed).toEqual({
      launch: {
        endpoint: 'https://lrs.example.com/xapi/', auth: 'Basic dXNlcjpwYXNz', actor,
        registration: '760e3480-ba55-4991-94b0-01820dbd23a2', activityId: 'https://example.org/cafes/demo', grouping: ['https://lms.example.com/c/1'],
      },
    })
  })

  it('accepts the legacy 0.95 actor with arrays, keeping one identifier', () => {
    const legacy = { name: ['Camille'], mbox: ['mailto:camille@example.com'], account: [{ accountServiceHomePage: 'https://lms', accountName: 'c42' }] }
    expect(parseAgent(JSON.stringify(legacy))).toEqual({ objectType: 'Agent', name: 'Camille', mbox: 'mailto:camille@example.com' })
    const accountOnly = { name: ['Camille'], account: [{ accountServiceHomePage: 'https://lms', accountName: 'c42' }] }
    expect(parseAgent(JSON.stringify(accountOnly))).toEqual({ objectType: 'Agent', name: 'Camille', account: { homePage: 'https://lms', name: 'c42' } })
  })

  it.each([
    [{}, /`endpoint` is missing/],
    [{ endpoint: 'ftp://lrs', actor: JSON.stringify(actor) }, /`endpoint` is invalid/],
    [{ endpoint: 'https://lrs/' }, /`actor` is missing/],
    [{ endpoint: 'https://lrs/', actor: '{not json' }, /`actor` is invalid/],
    [{ endpoint: 'https://lrs/', actor: '{"name":"no identifier"}' }, /`actor` is invalid/],
    [{ endpoint: 'https://lrs/', actor: JSON.stringify(actor), registration: 'x' }, /`registration` is invalid.*UUID/],
    [{ endpoint: 'https://lrs/', actor: JSON.stringify(actor), activity_id: 'relative' }, /`activity_id` is invalid/],
  ])('explains a missing or malformed parameter: %j', (params, message) => {
    const parsed = parseTinCanLaunch(query(params as Record<string, string>))
    expect('error' in parsed && parsed.error).toMatch(message)
    expect('error' in parsed && parsed.error).toMatch(/Launch this module from your LMS/)
  })
})

describe('cmi5 launch', () => {
  const good = {
    endpoint: 'https://lms.example.com/lrs', fetch: 'https://lms.example.com/fetch?t=1', actor: JSON.stringify(actor),
    registration: '760e3480-ba55-4991-94b0-01820dbd23a2', activityId: 'https://lms.example.com/a/1',
  }

  it('reads the five parameters; the fetch URL is kept as given', () => {
    expect(parseCmi5Launch(query(good))).toEqual({
      launch: { ...good, endpoint: 'https://lms.example.com/lrs/', actor },
    })
  })

  it.each(['endpoint', 'fetch', 'actor', 'registration', 'activityId'])('refuses a launch without %s', (name) => {
    const params: Record<string, string> = { ...good }
    delete params[name]
    const parsed = parseCmi5Launch(query(params))
    expect('error' in parsed && parsed.error).toContain(`\`${name}\` is missing`)
  })

  it('needs an account actor', () => {
    const parsed = parseCmi5Launch(query({ ...good, actor: JSON.stringify({ mbox: 'mailto:a@b.c' }) }))
    expect('error' in parsed && parsed.error).toMatch(/`actor` is invalid.*account/)
  })
})

describe('identifiers', () => {
  it('keys a learner by account or mailbox', () => {
    expect(agentKey(actor)).toBe('https://lms.example.com|c42')
    expect(agentKey({ mbox: 'mailto:a@b.c' })).toBe('mailto:a@b.c')
  })

  it('makes version 4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newUuid()))
    expect(ids.size).toBe(100)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newUuid((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000')
  })
})
