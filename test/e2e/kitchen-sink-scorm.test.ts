import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { startLmsSim, type LmsSim, type SimSession } from '@cafes/lms-sim'
import { launchChromium } from '../support/browser.js'
import { buildModules, zipPath } from '../support/build-modules.js'
import { CALL_NAMES, lastSetValues, setCalls, waitForCall } from '../support/lms.js'

/**
 * Every question type of the kitchen-sink, played in scorm-again for both editions: the exact
 * interaction strings the LMS records, a quiz retried after a failed attempt, a session left
 * mid-way and resumed, and the final pass.
 */

let browser: Browser
let sim: LmsSim
let outDir: string

beforeAll(async () => {
  outDir = await buildModules(['examples/kitchen-sink'], ['scorm12', 'scorm2004'])
  sim = await startLmsSim()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

async function open(url: string): Promise<{ context: BrowserContext; page: Page; frame: Frame }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
  const page = await context.newPage()
  await page.goto(url)
  const frame = (await (await page.waitForSelector('iframe')).contentFrame())!
  await frame.waitForSelector('main[data-cafes-page]')
  return { context, page, frame }
}

const question = (frame: Frame, id: string) => frame.locator(`fieldset[data-cafes-question="${id}"]`)

async function submit(frame: Frame, id: string): Promise<string> {
  await question(frame, id).locator('[data-cafes="submit"]').click()
  await frame.waitForSelector(`fieldset[data-cafes-question="${id}"][data-cafes-result]`)
  return (await question(frame, id).getAttribute('data-cafes-result'))!
}

async function next(frame: Frame, pageId: string): Promise<void> {
  await frame.locator('[data-cafes="next"]').click()
  await frame.waitForSelector(`main[data-cafes-page="${pageId}"]`)
}

/** Puts a sequencing question's steps in the given order with the keyboard-friendly buttons. */
async function order(frame: Frame, id: string, wanted: string[]): Promise<void> {
  for (const [position, step] of wanted.entries()) {
    for (;;) {
      const current = await question(frame, id).locator('li[data-cafes-step]').evaluateAll((items) => items.map((item) => item.getAttribute('data-cafes-step')))
      if (current.indexOf(step) <= position) break
      await question(frame, id).locator(`li[data-cafes-step="${step}"] [data-cafes="up"]`).click()
    }
  }
}

function interactions(session: SimSession): Map<string, string>[] {
  const records: Map<string, string>[] = []
  for (const [element, value] of setCalls(session)) {
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element)
    if (!match) continue
    const index = Number(match[1])
    records[index] ??= new Map()
    records[index]!.set(match[2]!, value)
  }
  return records
}

/** The fields of one interaction that do not depend on time. */
function fields(record: Map<string, string> | undefined): Record<string, string> {
  return Object.fromEntries([...(record ?? new Map<string, string>())].filter(([field]) => !/^(time|timestamp|latency|description)$/.test(field)))
}

describe.each(['scorm12', 'scorm2004'] as const)('%s: every question type of the kitchen-sink', (edition) => {
  const is12 = edition === 'scorm12'
  const names = CALL_NAMES[edition]
  const response = is12 ? 'student_response' : 'learner_response'
  const wrong = is12 ? 'wrong' : 'incorrect'
  const list = (...ids: string[]) => ids.join(is12 ? ',' : '[,]')

  it('records each answer in the edition format, through a retry, a resume and the final pass', async () => {
    const packageId = (await sim.importPackage(zipPath(outDir, 'kitchen-sink', '1.0.0', edition))).id

    // Session 1: the opinion poll, a failed attempt at the transparency quiz, its retry, then the tab closes.
    let { context, page, frame } = await open(sim.launchUrl(packageId))
    await question(frame, 'q-aisance-avant').locator('input[value="c"]').check()
    expect(await submit(frame, 'q-aisance-avant')).toBe('neutral')
    await next(frame, 'transparence')
    await question(frame, 'q-assistant-client').locator('input[value="true"]').check()
    expect(await submit(frame, 'q-assistant-client')).toBe('incorrect')
    await question(frame, 'q-definition').locator('input[value="a"]').check()
    expect(await submit(frame, 'q-definition')).toBe('incorrect')
    await frame.locator('[data-cafes="retry"]').click()
    await question(frame, 'q-assistant-client').locator('input[value="false"]').check()
    expect(await submit(frame, 'q-assistant-client')).toBe('correct')
    await question(frame, 'q-definition').locator('input[value="b"]').check()
    expect(await submit(frame, 'q-definition')).toBe('correct')
    await page.goto('about:blank')
    await context.close()

    let session = await waitForCall(sim, packageId, names.finish)
    const first = interactions(session).map(fields)
    expect(first).toEqual([
      { id: 'q-aisance-avant', type: 'likert', [response]: 'c', result: 'neutral', weighting: '0' },
      { id: 'q-assistant-client', type: 'true-false', [response]: is12 ? 't' : 'true', 'correct_responses.0.pattern': is12 ? 'f' : 'false', result: wrong, weighting: '1' },
      { id: 'q-definition', type: 'choice', [response]: 'a', 'correct_responses.0.pattern': 'b', result: wrong, weighting: '1' },
      { id: 'q-assistant-client', type: 'true-false', [response]: is12 ? 'f' : 'false', 'correct_responses.0.pattern': is12 ? 'f' : 'false', result: 'correct', weighting: '1' },
      { id: 'q-definition', type: 'choice', [response]: 'b', 'correct_responses.0.pattern': 'b', result: 'correct', weighting: '1' },
    ])
    // Still unfinished: no score yet, and the state fits the edition's limit.
    const values = lastSetValues(session)
    expect([...values.keys()].filter((element) => element.includes('score'))).toEqual([])
    expect(values.get('cmi.suspend_data')!.length).toBeLessThanOrEqual(is12 ? 4096 : 64000)

    // Session 2: resumed on the transparency page with the retried answers; every other type, then finish.
    ;({ context, page, frame } = await open(sim.launchUrl(packageId)))
    await frame.waitForSelector('main[data-cafes-page="transparence"]')
    expect(await question(frame, 'q-definition').getAttribute('data-cafes-result')).toBe('correct')
    await next(frame, 'donnees')
    await question(frame, 'q-autorite').locator('input[type="text"]').fill('cnil')
    expect(await submit(frame, 'q-autorite')).toBe('correct')
    await question(frame, 'q-annee-rgpd').locator('input[type="text"]').fill('2018')
    expect(await submit(frame, 'q-annee-rgpd')).toBe('correct')
    await question(frame, 'q-partage').locator('input[value="c"]').check()
    await question(frame, 'q-partage').locator('input[value="a"]').check()
    expect(await submit(frame, 'q-partage')).toBe('correct')
    await next(frame, 'engagements')
    for (const [source, target] of [['1', 'a'], ['2', 'b'], ['3', 'c'], ['4', 'd']]) {
      await question(frame, 'q-engagements').locator(`select[data-cafes-source="${source}"]`).selectOption(target!)
    }
    expect(await submit(frame, 'q-engagements')).toBe('correct')
    await order(frame, 'q-etapes', ['a', 'b', 'c', 'd'])
    expect(await submit(frame, 'q-etapes')).toBe('correct')
    await next(frame, 'en-pratique')
    const scenario = frame.locator('section[data-cafes-scenario="scenario-compte-rendu"]')
    await scenario.locator('button[data-cafes-choice="a"]').click()
    await frame.waitForSelector('[data-cafes-node="outil-valide"]')
    await scenario.locator('button[data-cafes-choice="a"]').click()
    await frame.waitForSelector('[data-cafes-ending="success"]')
    // The episode is required for completion: reading its transcript counts.
    const episode = frame.locator('section[data-cafes-media="episode-1"]')
    await episode.locator('[data-cafes="transcript"]').click()
    await episode.locator('[data-cafes="transcript-read"]').click()
    await next(frame, 'et-vous')
    await question(frame, 'q-ma-tache').locator('textarea').fill('Relire chaque synthèse.\nEt citer mes sources.')
    expect(await submit(frame, 'q-ma-tache')).toBe('neutral')
    await question(frame, 'q-aisance-apres').locator('input[value="d"]').check()
    expect(await submit(frame, 'q-aisance-apres')).toBe('neutral')
    await frame.locator('[data-cafes="finish"]').click()
    session = await waitForCall(sim, packageId, names.finish)

    // This 1.2 LMS starts each session with an empty journal; a resumed 2004 attempt keeps its records.
    const second = interactions(session).slice(is12 ? 0 : 5).map(fields)
    expect(second).toEqual([
      {
        id: 'q-autorite', type: 'fill-in', [response]: 'cnil', result: 'correct', weighting: '1',
        ...(is12
          ? { 'correct_responses.0.pattern': 'CNIL' }
          : { 'correct_responses.0.pattern': '{case_matters=false}CNIL', 'correct_responses.1.pattern': '{case_matters=false}la CNIL' }),
      },
      { id: 'q-annee-rgpd', type: 'numeric', [response]: '2018', 'correct_responses.0.pattern': is12 ? '2018' : '2018[:]2018', result: 'correct', weighting: '1' },
      { id: 'q-partage', type: 'choice', [response]: list('a', 'c'), 'correct_responses.0.pattern': list('a', 'c'), result: 'correct', weighting: '2' },
      {
        id: 'q-engagements', type: 'matching', weighting: '2', result: 'correct',
        [response]: is12 ? '1.a,2.b,3.c,4.d' : '1[.]a[,]2[.]b[,]3[.]c[,]4[.]d',
        'correct_responses.0.pattern': is12 ? '1.a,2.b,3.c,4.d' : '1[.]a[,]2[.]b[,]3[.]c[,]4[.]d',
      },
      { id: 'q-etapes', type: 'sequencing', [response]: list('a', 'b', 'c', 'd'), 'correct_responses.0.pattern': list('a', 'b', 'c', 'd'), result: 'correct', weighting: '1' },
      // The scenario's path, once it reaches an ending: 1.2 `performance`, 2004 `other`.
      { id: 'scenario-compte-rendu', type: is12 ? 'performance' : 'other', [response]: 'debut,outil-valide,relecture', result: 'correct', weighting: '2' },
      { id: 'q-ma-tache', type: is12 ? 'fill-in' : 'long-fill-in', [response]: 'Relire chaque synthèse. Et citer mes sources.', result: 'neutral', weighting: '0' },
      { id: 'q-aisance-apres', type: 'likert', [response]: 'd', result: 'neutral', weighting: '0' },
    ])
    if (!is12) {
      const descriptions = interactions(session).map((record) => record.get('description') ?? '')
      expect(descriptions.every((description) => description.startsWith('{lang=fr}') && description.length <= 250 + '{lang=fr}'.length)).toBe(true)
    }
    const final = lastSetValues(session)
    expect(final.get(is12 ? 'cmi.core.score.raw' : 'cmi.score.raw')).toBe('100')
    expect(final.get(is12 ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('passed')
    if (!is12) expect(final.get('cmi.completion_status')).toBe('completed')
    const failed = session.calls.filter((call) => call.errorCode !== '0' && !/GetLastError|GetErrorString|GetDiagnostic/.test(call.method) && !(call.method === 'GetValue' && call.errorCode === '403'))
    expect(failed).toEqual([])
  })
})
