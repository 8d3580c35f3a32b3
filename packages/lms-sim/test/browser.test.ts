import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../../test/support/browser.js'
import { CMI5, startLmsSim, type LmsSim } from '../src/index.js'
import { importCmi5, refusals } from './helpers.js'

let sim: LmsSim
let browser: Browser
let page: Page

beforeAll(async () => {
  sim = await startLmsSim()
  browser = await launchChromium()
  page = await browser.newPage()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

/** What content on the LMS origin does, cross-origin to the LRS, as the player will. */
async function inPage<T>(body: string): Promise<T> {
  return page.evaluate(body) as Promise<T>
}

describe('in Chromium, content on the LMS origin', () => {
  it('fetches its token, reads LaunchData and sends statements cross-origin', async () => {
    const packageId = await importCmi5(sim)
    await page.goto(sim.launchUrl(packageId))
    const result = await inPage<{ launchMode: string; statuses: number[]; keepalive: number }>(`(async () => {
      const params = new URLSearchParams(location.search)
      const token = (await (await fetch(params.get('fetch'), { method: 'POST' })).json())['auth-token']
      const headers = { Authorization: 'Basic ' + token, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }
      const endpoint = params.get('endpoint')
      const actor = JSON.parse(params.get('actor'))
      const registration = params.get('registration')
      const activityId = params.get('activityId')
      const state = new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId: 'LMS.LaunchData' })
      const launchData = await (await fetch(endpoint + 'activities/state?' + state, { headers })).json()
      const template = launchData.contextTemplate
      const statement = (verb, extra) => ({
        id: crypto.randomUUID(), timestamp: new Date().toISOString(), actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/' + verb }, object: { objectType: 'Activity', id: activityId },
        context: { registration, contextActivities: { ...template.contextActivities, category: [{ id: '${CMI5.categories.cmi5}' }] }, extensions: template.extensions },
        ...extra,
      })
      const statuses = []
      statuses.push((await fetch(endpoint + 'statements', { method: 'POST', headers, body: JSON.stringify(statement('initialized')) })).status)
      statuses.push((await fetch(endpoint + 'statements', { method: 'POST', headers, body: JSON.stringify(statement('initialized')) })).status)
      const keepalive = (await fetch(endpoint + 'statements', { method: 'POST', headers, keepalive: true, body: JSON.stringify(statement('terminated', { result: { duration: 'PT1S' } })) })).status
      return { launchMode: launchData.launchMode, statuses, keepalive }
    })()`)
    expect(result, refusals(sim)).toEqual({ launchMode: 'Normal', statuses: [200, 403], keepalive: 200 })
    expect(sim.cmi5Session(packageId)?.status).toBe('terminated')
    expect(sim.lrs.requests.some((request) => request.method === 'OPTIONS' && request.status === 204)).toBe(true)
  })

  it('sees a network error when the LRS is down, and the status of faults otherwise', async () => {
    const request = `fetch('${sim.lrs.endpoint}about', { headers: { 'X-Experience-API-Version': '1.0.3' } }).then((response) => response.status, (error) => error.name)`
    sim.lrs.faults.down = true
    expect(await inPage<string>(request)).toBe('TypeError')
    sim.lrs.faults = { failNext: 1 }
    expect(await inPage<number>(request)).toBe(500)
    expect(await inPage<number>(request)).toBe(200)
  })
})
