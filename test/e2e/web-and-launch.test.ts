import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Frame, Page } from 'playwright-core'
import { startLmsSim, type LmsSim } from '@cafes/lms-sim'
import { launchChromium } from '../support/browser.js'
import { buildModules, zipPath } from '../support/build-modules.js'
import { CALL_NAMES, lastSetValues, waitForCall } from '../support/lms.js'

let browser: Browser
let sim: LmsSim
let outDir: string

beforeAll(async () => {
  outDir = await buildModules(['examples/demo-quiz', 'test/fixtures/with-config'], ['scorm12', 'scorm2004', 'web'])
  sim = await startLmsSim()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

async function firstFrame(page: Page, pageId: string): Promise<Frame> {
  const frame = (await (await page.waitForSelector('iframe')).contentFrame())!
  await frame.waitForSelector(`main[data-cafes-page="${pageId}"]`)
  return frame
}

describe('web target: no LMS, progress kept in the browser', () => {
  it('plays, remembers answers across a reload, and shows no LMS warning', async () => {
    const url = await sim.servePackage(zipPath(outDir, 'demo-quiz', '1.2.0', 'web'))
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(url)
    await page.waitForSelector('main[data-cafes-page="index"]')
    expect(await page.locator('[data-cafes-status]:not([hidden])').count()).toBe(0)
    await page.locator('[data-cafes="next"]').click()
    await page.locator('[data-cafes="next"]').click()
    await page.waitForSelector('main[data-cafes-page="quiz"]')
    const question = page.locator('fieldset[data-cafes-question="q-definition"]')
    await question.locator('input[value="c"]').check()
    await question.locator('[data-cafes="submit"]').click()
    await page.waitForSelector('fieldset[data-cafes-question="q-definition"][data-cafes-result="incorrect"]')
    await page.reload()
    await page.waitForSelector('main[data-cafes-page="quiz"]')
    expect(await page.locator('fieldset[data-cafes-question="q-definition"]').getAttribute('data-cafes-result')).toBe('incorrect')
    expect(await page.locator('fieldset[data-cafes-question="q-definition"] input[value="c"]').isChecked()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('applies the organisation name, logo and colours of cafes.config.yaml', async () => {
    const url = await sim.servePackage(zipPath(outDir, 'branded', '2.0.0', 'web'))
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForSelector('main[data-cafes-page="index"]')
    expect(await page.locator('body').innerText()).toContain('Groupe Exemple')
    const logo = page.locator('img[src$=".svg"]').first()
    expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true)
    const primary = await page.evaluate(() => {
      const probe = document.querySelector('#cafes-app') ?? document.documentElement
      return getComputedStyle(probe).getPropertyValue('--cafes-primary').trim()
    })
    expect(primary.toLowerCase()).toBe('#5b2a86')
    await context.close()
  })
})

describe.each(['scorm12', 'scorm2004'] as const)('%s launch environments', (edition) => {
  const names = CALL_NAMES[edition]
  let packageId: string

  beforeAll(async () => {
    packageId = (await sim.importPackage(zipPath(outDir, 'demo-quiz', '1.2.0', edition))).id
  })

  it('finds the API through window.opener when the LMS opens the module in a new window', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(sim.launchUrl(packageId, { learner: 'opener', viaOpener: true }))
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.evaluate(() => (window as unknown as { __lmsOpen(): void }).__lmsOpen()),
    ])
    await popup.waitForSelector('main[data-cafes-page="index"]')
    await popup.locator('[data-cafes="next"]').click()
    await popup.waitForSelector('main[data-cafes-page="transparence"]')
    await popup.close({ runBeforeUnload: true })
    const session = await waitForCall(sim, packageId, names.finish, 'opener')
    expect(session.calls[0]!.method).toBe(names.initialize)
    expect(lastSetValues(session).get(edition === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location')).toBe('transparence')
    await context.close()
  })

  it('keeps what was committed when the tab dies without a goodbye, and resumes from it', async () => {
    let context = await browser.newContext()
    let page = await context.newPage()
    await page.goto(sim.launchUrl(packageId, { learner: 'crash' }))
    let frame = await firstFrame(page, 'index')
    await frame.locator('[data-cafes="next"]').click()
    await frame.locator('[data-cafes="next"]').click()
    await frame.waitForSelector('main[data-cafes-page="quiz"]')
    const question = frame.locator('fieldset[data-cafes-question="q-definition"]')
    await question.locator('input[value="b"]').check()
    await question.locator('[data-cafes="submit"]').click()
    await frame.waitForSelector('fieldset[data-cafes-question="q-definition"][data-cafes-result]')
    // The answer must reach the LMS's store without any exit event.
    await expect.poll(() => (sim.attempt(packageId, 'crash')?.cmi as Record<string, any> | null)?.suspend_data ?? '', { timeout: 5000 }).not.toBe('')
    const committed = structuredClone(sim.attempt(packageId, 'crash')!.cmi)
    // Crash: the browser process goes away, no pagehide handler runs.
    await context.close({ reason: 'crash' })
    // The player set exit=suspend as soon as it started, so a session that never finished
    // still resumes (LMSs only resume suspended attempts).
    const stored = committed as Record<string, any>
    expect(edition === 'scorm12' ? stored.core.exit : stored.exit).toBe('suspend')
    context = await browser.newContext()
    page = await context.newPage()
    await page.goto(sim.launchUrl(packageId, { learner: 'crash' }))
    frame = await firstFrame(page, 'quiz')
    expect(await frame.locator('fieldset[data-cafes-question="q-definition"]').getAttribute('data-cafes-result')).toBe('correct')
    await context.close()
  })

  it('survives an LMS whose API starts throwing, and says so to the learner', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(sim.launchUrl(packageId, { learner: 'throwing', faults: { throwAfterCalls: 12 } }))
    const frame = await firstFrame(page, 'index')
    await frame.locator('[data-cafes="next"]').click()
    await frame.locator('[data-cafes="next"]').click()
    await frame.waitForSelector('main[data-cafes-page="quiz"]')
    const question = frame.locator('fieldset[data-cafes-question="q-definition"]')
    await question.locator('input[value="b"]').check()
    await question.locator('[data-cafes="submit"]').click()
    await frame.waitForSelector('[data-cafes-status="failing"]')
    // The learner keeps working: the answer is shown, nothing escaped as an uncaught error.
    expect(await question.getAttribute('data-cafes-result')).toBe('correct')
    expect(errors).toEqual([])
    await context.close()
  })
})
