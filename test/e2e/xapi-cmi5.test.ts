import XAPI, { type Statement, type StatementsResponse } from '@xapi/xapi'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startLmsSim, type LmsSim } from '@cafes/lms-sim'
import { launchChromium } from '../support/browser.js'
import { buildModules, zipPath } from '../support/build-modules.js'

/**
 * The xAPI and cmi5 packages played in Chromium against lms-sim's LRS (another origin, the
 * spec enforced on every request) and its cmi5 LMS; what was stored is read back with
 * @xapi/xapi, the oracle.
 */

let browser: Browser
let sim: LmsSim
let oracle: XAPI
let packages: { xapi: string; cmi5: string }

const VERB = (verb: string) => `http://adlnet.gov/expapi/verbs/${verb}`
const verbOf = (statement: Statement) => statement.verb.id.split('/').at(-1)!

beforeAll(async () => {
  const outDir = await buildModules(['examples/demo-quiz'], ['xapi', 'cmi5'])
  sim = await startLmsSim()
  browser = await launchChromium()
  oracle = new XAPI({ endpoint: sim.lrs.endpoint, auth: sim.lrs.issueAuth(), version: '1.0.3' })
  packages = {
    xapi: (await sim.importPackage(zipPath(outDir, 'demo-quiz', '1.2.0', 'xapi'))).id,
    cmi5: (await sim.importPackage(zipPath(outDir, 'demo-quiz', '1.2.0', 'cmi5'))).id,
  }
})

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

afterEach(() => {
  sim.lrs.faults = {}
})

/** Every statement of a registration, oldest first, as the LRS returns them. */
async function storedStatements(registration: string): Promise<Statement[]> {
  const statements: Statement[] = []
  let response: StatementsResponse = (await oracle.getStatements({ registration, ascending: true, limit: 500 })).data
  statements.push(...response.statements)
  while (response.more) {
    response = (await oracle.getMoreStatements({ more: response.more })).data as StatementsResponse
    statements.push(...response.statements)
  }
  return statements
}

let requestsBefore = 0
beforeEach(() => {
  requestsBefore = sim.lrs.requests.length
})

/** This test's refusals by the LRS (4xx but the 404 of a state never written): none is expected. */
function refusals(): string[] {
  return sim.lrs.requests
    .slice(requestsBefore)
    .filter((request) => request.status >= 400 && request.status < 500 && !(request.method === 'GET' && request.status === 404))
    .map((request) => `${request.method} ${request.path} → ${request.status} ${request.reason ?? ''}`)
}

async function open(url: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  return { context, page, errors }
}

async function answer(page: Page, questionId: string, choices: string[]): Promise<void> {
  const fieldset = page.locator(`fieldset[data-cafes-question="${questionId}"]`)
  for (const choice of choices) await fieldset.locator(`input[value="${choice}"]`).check()
  await fieldset.locator('[data-cafes="submit"]').click()
  await page.waitForSelector(`fieldset[data-cafes-question="${questionId}"][data-cafes-result]`)
}

/** index → transparence → quiz, both questions right. */
async function playToTheEnd(page: Page): Promise<void> {
  await page.waitForSelector('main[data-cafes-page="index"]')
  await page.locator('[data-cafes="next"]').click()
  await page.waitForSelector('main[data-cafes-page="transparence"]')
  await page.locator('[data-cafes="next"]').click()
  await page.waitForSelector('main[data-cafes-page="quiz"]')
  await answer(page, 'q-definition', ['b'])
  await answer(page, 'q-signaux', ['a', 'b', 'd'])
}

/** Waits until the LRS holds `count` statements for the registration (delivery is asynchronous). */
async function waitForStatements(registration: string, count: number, timeout = 15_000): Promise<Statement[]> {
  await expect.poll(async () => (await storedStatements(registration)).length, { timeout }).toBeGreaterThanOrEqual(count)
  return storedStatements(registration)
}

function expectUniqueIds(statements: Statement[]): void {
  const ids = statements.map((statement) => statement.id)
  expect(new Set(ids).size, 'every statement once').toBe(ids.length)
}

describe('xapi (Tin Can) package', () => {
  it('reports the whole session to the LRS: pages, answers with definitions, completion, success, score', async () => {
    const { context, page, errors } = await open(sim.launchUrl(packages.xapi, { learner: 'tc-full', learnerName: 'Camille Martin' }))
    await playToTheEnd(page)
    await page.locator('[data-cafes="finish"]').click()
    const registration = sim.registration(packages.xapi, 'tc-full')!
    const statements = await waitForStatements(registration, 9)
    expect(statements.map(verbOf)).toEqual([
      'initialized', 'experienced', 'experienced', 'experienced', 'answered', 'answered', 'completed', 'passed', 'terminated',
    ])
    expectUniqueIds(statements)
    const course = 'https://cafes.invalid/xapi/demo-quiz'
    for (const statement of statements) {
      expect(statement.actor).toMatchObject({ name: 'Camille Martin', account: { name: 'tc-full' } })
      expect(statement.context?.registration).toBe(registration)
    }
    const answered = statements.filter((statement) => verbOf(statement) === 'answered')
    expect(answered[1]!.object).toMatchObject({
      id: `${course}/questions/q-signaux`,
      definition: { interactionType: 'choice', correctResponsesPattern: ['a[,]b[,]d'], type: 'http://adlnet.gov/expapi/activities/cmi.interaction' },
    })
    expect(answered[1]!.result).toMatchObject({ response: 'a[,]b[,]d', success: true })
    expect(answered[1]!.context?.contextActivities?.parent).toEqual([expect.objectContaining({ id: `${course}/quizzes/quiz-transparence` })])
    const passed = statements.find((statement) => verbOf(statement) === 'passed')!
    expect((passed.object as { id: string }).id).toBe(course)
    expect(passed.result).toMatchObject({ success: true, score: { raw: 100, min: 0, max: 100, scaled: 1 } })
    expect(passed.result?.duration).toMatch(/^PT[\d.HMS]+$/)
    expect(refusals()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the bookmark and state in the State API and resumes from them', async () => {
    let { context, page } = await open(sim.launchUrl(packages.xapi, { learner: 'tc-resume' }))
    await page.waitForSelector('main[data-cafes-page="index"]')
    await page.locator('[data-cafes="next"]').click()
    await page.locator('[data-cafes="next"]').click()
    await page.waitForSelector('main[data-cafes-page="quiz"]')
    await answer(page, 'q-definition', ['b'])
    await page.goto('about:blank')
    await context.close()
    const registration = sim.registration(packages.xapi, 'tc-resume')!
    const first = await waitForStatements(registration, 7)
    expect(first.map(verbOf).slice(-2)).toEqual(['suspended', 'terminated'])

    ;({ context, page } = await open(sim.launchUrl(packages.xapi, { learner: 'tc-resume' })))
    await page.waitForSelector('main[data-cafes-page="quiz"]')
    expect(await page.locator('fieldset[data-cafes-question="q-definition"]').getAttribute('data-cafes-result')).toBe('correct')
    const second = await waitForStatements(registration, first.length + 2)
    expect(second.slice(first.length).map(verbOf).slice(0, 2)).toEqual(['initialized', 'resumed'])
    await context.close()
    expect(refusals()).toEqual([])
  })

  it('reads the legacy (0.95) actor form', async () => {
    const { context, page } = await open(sim.launchUrl(packages.xapi, { learner: 'tc-legacy', learnerName: 'Jo', actorForm: 'legacy' }))
    await page.waitForSelector('main[data-cafes-page="index"]')
    const statements = await waitForStatements(sim.registration(packages.xapi, 'tc-legacy')!, 2)
    expect(statements[0]!.actor).toEqual({ objectType: 'Agent', name: 'Jo', account: { homePage: sim.origin, name: 'tc-legacy' } })
    await context.close()
  })

  it.each([
    ['without an endpoint', (params: URLSearchParams) => params.delete('endpoint'), /`endpoint` is missing/],
    ['with a broken actor', (params: URLSearchParams) => params.set('actor', '{"name":'), /`actor` is invalid/],
  ])('says progress is not saved, and still plays, when launched %s', async (_, edit, message) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const console: string[] = []
    page.on('console', (entry) => console.push(entry.text()))
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(sim.launchUrl(packages.xapi, { learner: 'tc-broken', editLaunch: edit }))
    await page.waitForSelector('[data-cafes-status="detached"]')
    expect(await page.locator('.cafes-status').textContent()).toContain("votre progression n'est pas enregistrée")
    await page.locator('[data-cafes="next"]').click()
    await page.waitForSelector('main[data-cafes-page="transparence"]')
    expect(console.join('\n')).toMatch(message)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('cmi5 package', () => {
  it('follows the launch sequence and the statement rules, then returns to the LMS', async () => {
    const { context, page, errors } = await open(sim.launchUrl(packages.cmi5, { learner: 'c5-full' }))
    await playToTheEnd(page)
    await page.locator('[data-cafes="finish"]').click()
    await page.waitForURL(/\/lms\/returned/)
    const session = sim.cmi5Session(packages.cmi5, 'c5-full')!
    expect(session.status).toBe('terminated')
    expect(session.fetched).toBe(true)
    expect(session.verbs.filter((verb) => verb !== 'launched')).toEqual([
      'initialized', 'experienced', 'experienced', 'experienced', 'answered', 'answered', 'completed', 'passed', 'terminated',
    ])
    expect(session.satisfied).toBe(true)
    const statements = (await storedStatements(session.registration)).filter((statement) => verbOf(statement) !== 'launched')
    const passed = statements.find((statement) => verbOf(statement) === 'passed')!
    expect((passed.object as { id: string }).id).toBe(session.activityId)
    expect(passed.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.8)
    expectUniqueIds(statements)
    expect(refusals()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('Browse: initialized and terminated only, nothing graded', async () => {
    const { context, page } = await open(sim.launchUrl(packages.cmi5, { learner: 'c5-browse', mode: 'browse' }))
    await playToTheEnd(page)
    await page.locator('[data-cafes="finish"]').click()
    await page.waitForURL(/\/lms\/returned/)
    expect(sim.cmi5Session(packages.cmi5, 'c5-browse')!.verbs.filter((verb) => verb !== 'launched')).toEqual(['initialized', 'terminated'])
    expect(refusals()).toEqual([])
    await context.close()
  })

  it('speaks the language of the learner preferences', async () => {
    const { context, page } = await open(sim.launchUrl(packages.cmi5, { learner: 'c5-english', languagePreference: 'en-US,fr-FR' }))
    await page.waitForSelector('main[data-cafes-page="index"]')
    expect(await page.locator('[data-cafes="next"]').textContent()).toContain('Next')
    await context.close()
  })

  it('passes and fails by the LMS mastery score', async () => {
    const { context, page } = await open(sim.launchUrl(packages.cmi5, { learner: 'c5-mastery', masteryScore: 0.5 }))
    await page.waitForSelector('main[data-cafes-page="index"]')
    await page.locator('[data-cafes="next"]').click()
    await page.locator('[data-cafes="next"]').click()
    // 1 of 3 weighted points wrong: 67, under the module's 80, over the LMS's 0.5.
    await answer(page, 'q-definition', ['a'])
    await answer(page, 'q-signaux', ['a', 'b', 'd'])
    await expect.poll(() => sim.cmi5Session(packages.cmi5, 'c5-mastery')!.verbs).toContain('passed')
    expect(refusals()).toEqual([])
    await context.close()
  })
})

describe('delivery that loses nothing', () => {
  it('an LRS down for part of the session: the learner is told, then everything arrives once', async () => {
    const { context, page, errors } = await open(sim.launchUrl(packages.xapi, { learner: 'down' }))
    await page.waitForSelector('main[data-cafes-page="index"]')
    const registration = sim.registration(packages.xapi, 'down')!
    await waitForStatements(registration, 2)
    sim.lrs.faults = { down: true }
    await page.locator('[data-cafes="next"]').click()
    await page.locator('[data-cafes="next"]').click()
    await answer(page, 'q-definition', ['b'])
    await page.waitForSelector('[data-cafes-status="failing"]')
    sim.lrs.faults = {}
    await answer(page, 'q-signaux', ['a', 'b', 'd'])
    await page.waitForSelector('.cafes-status:not([data-cafes-status])', { state: 'attached', timeout: 40_000 })
    const statements = await waitForStatements(registration, 8, 40_000)
    expect(statements.map(verbOf)).toEqual(['initialized', 'experienced', 'experienced', 'experienced', 'answered', 'answered', 'completed', 'passed'])
    expectUniqueIds(statements)
    expect(errors).toEqual([])
    await context.close()
  })

  it('500s and slow answers: retried until stored, each statement once', async () => {
    const { context, page } = await open(sim.launchUrl(packages.xapi, { learner: 'flaky' }))
    sim.lrs.faults = { failNext: 3, delayMs: 400 }
    await playToTheEnd(page)
    const registration = sim.registration(packages.xapi, 'flaky')!
    const statements = await waitForStatements(registration, 8, 40_000)
    expect(statements.map(verbOf)).toEqual(['initialized', 'experienced', 'experienced', 'experienced', 'answered', 'answered', 'completed', 'passed'])
    expectUniqueIds(statements)
    expect(sim.lrs.requests.some((request) => request.status === 500)).toBe(true)
    await context.close()
  })

  it('a tab closed mid-quiz while the LRS is down: the relaunch delivers what was kept, exactly once, and resumes', async () => {
    // One browser profile, two tabs in turn: what the first kept in localStorage is there for the second.
    const { context, page } = await open(sim.launchUrl(packages.xapi, { learner: 'closed' }))
    await page.waitForSelector('main[data-cafes-page="index"]')
    const registration = sim.registration(packages.xapi, 'closed')!
    await waitForStatements(registration, 2)
    sim.lrs.faults = { down: true }
    await page.locator('[data-cafes="next"]').click()
    await page.locator('[data-cafes="next"]').click()
    await answer(page, 'q-definition', ['b'])
    await page.close({ runBeforeUnload: true })
    sim.lrs.faults = {}

    const relaunched = await context.newPage()
    await relaunched.goto(sim.launchUrl(packages.xapi, { learner: 'closed' }))
    // The state this browser kept wins over the LRS's older copy.
    await relaunched.waitForSelector('main[data-cafes-page="quiz"]')
    expect(await relaunched.locator('fieldset[data-cafes-question="q-definition"]').getAttribute('data-cafes-result')).toBe('correct')
    const statements = await waitForStatements(registration, 9, 40_000)
    expect(statements.map(verbOf)).toEqual([
      'initialized', 'experienced', 'experienced', 'experienced', 'answered', 'suspended', 'terminated', 'initialized', 'resumed',
    ])
    expectUniqueIds(statements)
    expect(refusals()).toEqual([])
    await context.close()
  })

  it('cmi5: a tab closed mid-quiz sends suspended and terminated with keepalive; the relaunch resumes', async () => {
    let { context, page } = await open(sim.launchUrl(packages.cmi5, { learner: 'c5-closed' }))
    await page.waitForSelector('main[data-cafes-page="index"]')
    await page.locator('[data-cafes="next"]').click()
    await page.locator('[data-cafes="next"]').click()
    await answer(page, 'q-definition', ['b'])
    await page.goto('about:blank')
    await expect.poll(() => sim.cmi5Session(packages.cmi5, 'c5-closed')!.status).toBe('terminated')
    await context.close()

    ;({ context, page } = await open(sim.launchUrl(packages.cmi5, { learner: 'c5-closed' })))
    await page.waitForSelector('main[data-cafes-page="quiz"]')
    expect(await page.locator('fieldset[data-cafes-question="q-definition"]').getAttribute('data-cafes-result')).toBe('correct')
    const sessions = sim.cmi5Sessions(packages.cmi5, 'c5-closed')
    expect(sessions[0]!.verbs.slice(-2)).toEqual(['suspended', 'terminated'])
    await expect.poll(() => sim.cmi5Session(packages.cmi5, 'c5-closed')!.verbs).toEqual(['initialized', 'resumed'])
    expect(refusals()).toEqual([])
    await context.close()
  })
})
