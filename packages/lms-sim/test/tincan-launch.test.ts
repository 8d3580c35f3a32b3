import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLmsSim, type LmsSim } from '../src/index.js'
import { COURSE_IRI, importTincan, lrsFetch, xapiClient } from './helpers.js'

let sim: LmsSim
let packageId: string

beforeAll(async () => {
  sim = await startLmsSim()
  packageId = await importTincan(sim)
})

afterAll(async () => {
  await sim?.close()
})

function launch(options: Parameters<LmsSim['launchUrl']>[1] = {}): URL {
  return new URL(sim.launchUrl(packageId, options))
}

describe('Tin Can launch', () => {
  it('hands the content URL with endpoint, auth, actor, registration and activity_id', async () => {
    const url = launch({ learner: 'jo', learnerName: 'Jo Doe' })
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.origin}/content/${packageId}/index.html`)
    expect(url.searchParams.get('endpoint')).toBe(sim.lrs.endpoint)
    expect(url.searchParams.get('endpoint')).toMatch(/\/$/)
    expect(url.searchParams.get('auth')).toMatch(/^Basic [A-Za-z0-9+/]+=*$/)
    expect(JSON.parse(url.searchParams.get('actor')!)).toEqual({ objectType: 'Agent', name: 'Jo Doe', account: { homePage: sim.origin, name: 'jo' } })
    expect(url.searchParams.get('registration')).toBe(sim.registration(packageId, 'jo'))
    expect(url.searchParams.get('activity_id')).toBe(COURSE_IRI)
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/<title>AU<\/title>/)
  })

  it('issues a working credential per launch', async () => {
    const first = launch().searchParams.get('auth')!
    const second = launch().searchParams.get('auth')!
    expect(first).not.toBe(second)
    for (const auth of [first, second]) expect((await lrsFetch(sim, 'statements?limit=1', { auth })).status).toBe(200)
    const actor = JSON.parse(launch().searchParams.get('actor')!)
    const ids = await xapiClient(sim, first).sendStatement({
      statement: { actor, verb: { id: 'http://adlnet.gov/expapi/verbs/initialized' }, object: { objectType: 'Activity', id: COURSE_IRI } },
    })
    expect(ids.data).toHaveLength(1)
  })

  it('keeps the registration per package and learner unless asked for a new one', () => {
    const registration = launch({ learner: 'sam' }).searchParams.get('registration')!
    expect(registration).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(launch({ learner: 'sam' }).searchParams.get('registration')).toBe(registration)
    expect(launch({ learner: 'kim' }).searchParams.get('registration')).not.toBe(registration)
    const fresh = launch({ learner: 'sam', newRegistration: true }).searchParams.get('registration')
    expect(fresh).not.toBe(registration)
    expect(launch({ learner: 'sam' }).searchParams.get('registration')).toBe(fresh)
  })

  it('sends the 0.95 actor form on request', () => {
    const actor = JSON.parse(launch({ learner: 'lee', learnerName: 'Lee', actorForm: 'legacy' }).searchParams.get('actor')!)
    expect(actor).toEqual({ name: ['Lee'], account: [{ accountServiceHomePage: sim.origin, accountName: 'lee' }] })
  })

  it('lets a test edit the parameters', () => {
    const url = launch({
      editLaunch: (params) => {
        params.delete('auth')
        params.set('registration', 'not-a-uuid')
        params.set('extra', randomUUID())
      },
    })
    expect(url.searchParams.has('auth')).toBe(false)
    expect(url.searchParams.get('registration')).toBe('not-a-uuid')
    expect(url.searchParams.get('extra')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('keeps the query of the launch path', async () => {
    const withQuery = await importTincan(sim, 'index.html?lang=fr')
    const url = new URL(sim.launchUrl(withQuery))
    expect(url.searchParams.get('lang')).toBe('fr')
    expect(url.searchParams.get('activity_id')).toBe(COURSE_IRI)
  })
})
