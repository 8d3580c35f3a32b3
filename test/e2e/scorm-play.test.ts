import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { startLmsSim, type LmsSim, type SimSession } from '@cafes/lms-sim'
import { launchChromium } from '../support/browser.js'
import { buildModules, zipPath } from '../support/build-modules.js'
import {
  CALL_NAMES, CMI_TIME, CMI_TIMESPAN, ISO_DURATION, SCORM2004_TIMESTAMP, lastSetValues, setCalls, waitForCall,
} from '../support/lms.js'

const EDITIONS = ['scorm12', 'scorm2004'] as const
type Edition = (typeof EDITIONS)[number]

let browser: Browser
let sim: LmsSim
let outDir: string
/** Every URL any page asked for, across all tests. */
const requests: string[] = []

beforeAll(async () => {
  outDir = await buildModules(['examples/demo-quiz', 'test/fixtures/script-injection'], ['scorm12', 'scorm2004'])
  sim = await startLmsSim()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

async function open(url: string, viewport = { width: 1024, height: 700 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport })
  context.on('request', (request) => requests.push(request.url()))
  const page = await context.newPage()
  await page.goto(url)
  return { context, page }
}

async function contentFrame(page: Page, pageId: string): Promise<Frame> {
  const handle = await page.waitForSelector('iframe')
  const frame = (await handle.contentFrame())!
  await frame.waitForSelector(`main[data-cafes-page="${pageId}"]`)
  return frame
}

async function answer(frame: Frame, questionId: string, choices: string[]): Promise<string> {
  const fieldset = frame.locator(`fieldset[data-cafes-question="${questionId}"]`)
  for (const choice of choices) await fieldset.locator(`input[value="${choice}"]`).check()
  await fieldset.locator('[data-cafes="submit"]').click()
  await frame.waitForSelector(`fieldset[data-cafes-question="${questionId}"][data-cafes-result]`)
  return (await fieldset.getAttribute('data-cafes-result'))!
}

/** Leaves the page as a learner closing the tab would: the player must finish from pagehide. */
async function leave(context: BrowserContext, page: Page): Promise<void> {
  await page.goto('about:blank')
  await context.close()
}

function interactionWrites(session: SimSession, index: number): Map<string, string> {
  const prefix = `cmi.interactions.${index}.`
  return new Map(setCalls(session).filter(([element]) => element.startsWith(prefix)).map(([element, value]) => [element.slice(prefix.length), value]))
}

function expectNothingAfterFinish(session: SimSession): void {
  const finish = CALL_NAMES[session.edition].finish
  const index = session.calls.findIndex((call) => call.method === finish)
  expect(index, 'Finish was called').toBeGreaterThanOrEqual(0)
  expect(session.calls.slice(index + 1).map((call) => call.method)).toEqual([])
  expect(session.calls.filter((call) => call.method === finish)).toHaveLength(1)
}

/**
 * No call the LMS refused. Reading an element never set is not a refusal (2004 answers 403,
 * "not initialized"), and the error functions only report on the call before them.
 */
function expectEveryCallSucceeded(session: SimSession): void {
  const errorFunctions = /GetLastError|GetErrorString|GetDiagnostic/
  const failed = session.calls.filter(
    (call) => !errorFunctions.test(call.method) && call.errorCode !== '0' && !(call.method === 'GetValue' && call.errorCode === '403'),
  )
  expect(failed, JSON.stringify(failed)).toEqual([])
}

describe.each(EDITIONS)('%s: the demo module in scorm-again', (edition: Edition) => {
  let packageId: string
  const names = CALL_NAMES[edition]
  const is12 = edition === 'scorm12'

  beforeAll(async () => {
    packageId = (await sim.importPackage(zipPath(outDir, 'demo-quiz', '1.2.0', edition))).id
  })

  it('records a first session left mid-way, then resumes it and reports the failure once', async () => {
    // Session 1: read two pages, answer one question right, close the tab.
    let { context, page } = await open(sim.launchUrl(packageId))
    let frame = await contentFrame(page, 'index')
    await frame.locator('[data-cafes="next"]').click()
    await frame.waitForSelector('main[data-cafes-page="transparence"]')
    await frame.locator('[data-cafes="next"]').click()
    await frame.waitForSelector('main[data-cafes-page="quiz"]')
    expect(await answer(frame, 'q-definition', ['b'])).toBe('correct')
    await leave(context, page)

    let session = await waitForCall(sim, packageId, names.finish)
    expectEveryCallSucceeded(session)
    expectNothingAfterFinish(session)
    expect(session.calls[0]!.method).toBe(names.initialize)
    let values = lastSetValues(session)
    const status = is12 ? 'cmi.core.lesson_status' : 'cmi.completion_status'
    // B10: incomplete at first launch, committed at once.
    const firstSet = setCalls(session).findIndex(([element]) => element === status)
    expect(setCalls(session)[firstSet]![1]).toBe('incomplete')
    expect(session.calls.findIndex((call) => call.method === names.commit)).toBeGreaterThan(0)
    expect(values.get(status)).toBe('incomplete')
    expect(values.get(is12 ? 'cmi.core.lesson_location' : 'cmi.location')).toBe('quiz')
    const suspendData = values.get('cmi.suspend_data')!
    expect(suspendData.length).toBeGreaterThan(0)
    expect(suspendData.length).toBeLessThanOrEqual(is12 ? 4096 : 64000)
    expect(values.get(is12 ? 'cmi.core.exit' : 'cmi.exit')).toBe('suspend')
    expect(values.get(is12 ? 'cmi.core.session_time' : 'cmi.session_time')).toMatch(is12 ? CMI_TIMESPAN : ISO_DURATION)
    // No score before the final report (B11).
    expect([...values.keys()].filter((element) => element.includes('score'))).toEqual([])
    // The answer, as an interaction in this edition's format.
    const interaction = interactionWrites(session, 0)
    expect(interaction.get('id')).toBe('q-definition')
    expect(interaction.get('type')).toBe('choice')
    expect(interaction.get(is12 ? 'student_response' : 'learner_response')).toBe('b')
    expect(interaction.get('correct_responses.0.pattern')).toBe('b')
    expect(interaction.get('result')).toBe('correct')
    expect(interaction.get('weighting')).toBe('1')
    if (is12) {
      expect(interaction.get('time')).toMatch(CMI_TIME)
      expect(interaction.get('latency')).toMatch(CMI_TIMESPAN)
    } else {
      expect(interaction.get('timestamp')).toMatch(SCORM2004_TIMESTAMP)
      expect(interaction.get('latency')).toMatch(ISO_DURATION)
      expect(interaction.get('description')).toContain('transparence')
    }
    // What the LMS stored, as it will hand it back.
    const stored = sim.attempt(packageId)!.cmi as Record<string, any>
    expect(stored.suspend_data).toBe(suspendData)

    // Session 2: the LMS says resume; the player opens on the quiz with the first answer kept.
    ;({ context, page } = await open(sim.launchUrl(packageId)))
    frame = await contentFrame(page, 'quiz')
    const kept = frame.locator('fieldset[data-cafes-question="q-definition"]')
    await expect.poll(() => kept.getAttribute('data-cafes-result')).toBe('correct')
    expect(await kept.locator('input[value="b"]').isChecked()).toBe(true)
    expect(await kept.locator('input[value="b"]').isDisabled()).toBe(true)
    expect(await answer(frame, 'q-signaux', ['a'])).toBe('incorrect')
    await frame.waitForSelector('[data-cafes-quiz-result="quiz-transparence"]')
    await frame.locator('[data-cafes="finish"]').click()
    session = await waitForCall(sim, packageId, names.finish)
    expectEveryCallSucceeded(session)
    expectNothingAfterFinish(session)
    values = lastSetValues(session)
    // The second answer goes at the LMS's next index: a resumed 2004 attempt keeps its
    // interactions (index 1); this 1.2 LMS starts each session with an empty journal (index 0).
    const second = interactionWrites(session, is12 ? 0 : 1)
    expect(second.get('id')).toBe('q-signaux')
    expect(second.get(is12 ? 'student_response' : 'learner_response')).toBe('a')
    expect(second.get('correct_responses.0.pattern')).toBe(is12 ? 'a,b,d' : 'a[,]b[,]d')
    expect(second.get('result')).toBe(is12 ? 'wrong' : 'incorrect')
    expect(second.get('weighting')).toBe('2')
    // 1 right of weight 1, 1 wrong of weight 2: 33 %, under the pass mark of 80. The rule
    // "pages and passed" is not met: failed, not completed (B12), reported once.
    const writes = setCalls(session)
    const finalWrites = writes
      .slice(writes.findIndex(([element]) => element.includes('score')))
      .filter(([element]) => element.includes('score') || element === status || element === 'cmi.success_status')
    if (is12) {
      expect(finalWrites).toEqual([
        ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', '33'], ['cmi.core.lesson_status', 'failed'],
      ])
    } else {
      expect(finalWrites).toEqual([
        ['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.score.raw', '33'], ['cmi.score.scaled', '0.33'],
        ['cmi.completion_status', 'incomplete'], ['cmi.success_status', 'failed'],
      ])
    }
    expect(values.get(is12 ? 'cmi.core.exit' : 'cmi.exit')).toBe(is12 ? '' : 'normal')
    // Nothing of the other edition (B13).
    expect([...values.keys()].filter((element) => (is12 ? !element.startsWith('cmi.core.') && /completion_status|success_status|scaled|learner/.test(element) : element.startsWith('cmi.core.')))).toEqual([])
    await context.close()
  })

  it('reports a pass with the full score, on a phone-size screen', async () => {
    const { context, page } = await open(sim.launchUrl(packageId, { learner: 'learner-2' }), { width: 320, height: 568 })
    const frame = await contentFrame(page, 'index')
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    for (const pageId of ['transparence', 'quiz']) {
      await frame.locator('[data-cafes="next"]').click()
      await frame.waitForSelector(`main[data-cafes-page="${pageId}"]`)
    }
    expect(await answer(frame, 'q-definition', ['b'])).toBe('correct')
    expect(await answer(frame, 'q-signaux', ['a', 'b', 'd'])).toBe('correct')
    await frame.locator('[data-cafes="finish"]').click()
    const session = await waitForCall(sim, packageId, names.finish, 'learner-2')
    expectEveryCallSucceeded(session)
    expectNothingAfterFinish(session)
    const values = lastSetValues(session)
    expect(values.get(is12 ? 'cmi.core.score.raw' : 'cmi.score.raw')).toBe('100')
    if (is12) expect(values.get('cmi.core.lesson_status')).toBe('passed')
    else {
      expect(values.get('cmi.score.scaled')).toBe('1')
      expect(values.get('cmi.completion_status')).toBe('completed')
      expect(values.get('cmi.success_status')).toBe('passed')
    }
    const stored = sim.attempt(packageId, 'learner-2')!.cmi as Record<string, any>
    expect(is12 ? stored.core.lesson_status : stored.success_status).toBe('passed')
    await context.close()
  })

  it('changes no status or score in a review launch', async () => {
    const { context, page } = await open(sim.launchUrl(packageId, { learner: 'learner-3', mode: 'review', credit: 'no-credit' }))
    const frame = await contentFrame(page, 'index')
    await frame.locator('[data-cafes="next"]').click()
    await frame.waitForSelector('main[data-cafes-page="transparence"]')
    await leave(context, page)
    const session = await waitForCall(sim, packageId, names.finish, 'learner-3')
    const written = [...lastSetValues(session).keys()]
    expect(written.filter((element) => /status|score/.test(element))).toEqual([])
  })

  it('keeps the learner informed when the LMS stops saving', async () => {
    const { context, page } = await open(sim.launchUrl(packageId, { learner: 'learner-4', faults: { failCommits: true } }))
    const frame = await contentFrame(page, 'index')
    await frame.locator('[data-cafes="next"]').click()
    await frame.waitForSelector('[data-cafes-status="failing"]')
    await context.close()
  })

  it('does not run a script written in Markdown', async () => {
    const fixtureId = (await sim.importPackage(zipPath(outDir, 'script-injection', '1.0.0', edition))).id
    const { context, page } = await open(sim.launchUrl(fixtureId))
    const frame = await contentFrame(page, 'index')
    expect(await frame.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined()
    expect(await frame.locator('script:not([src]):not([type="application/json"])').count()).toBe(0)
    expect(await frame.locator('main').innerHTML()).not.toMatch(/onerror|javascript:|<script/i)
    await context.close()
  })
})

describe('network', () => {
  it('no request left the LMS origin', () => {
    expect(requests.length).toBeGreaterThan(0)
    const foreign = requests.filter((url) => !url.startsWith(`${sim.origin}/`) && url !== 'about:blank')
    expect(foreign).toEqual([])
  })
})
