import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Frame, Keyboard, Page } from 'playwright-core'
import { type CourseBlock, isScored } from '@cafes/core'
import { startLmsSim, type LmsSim } from '@cafes/lms-sim'
import { launchChromium } from '../support/browser.js'
import { buildModulesWithReport } from '../support/build-modules.js'
import { lastSetValues, setCalls, waitForCall } from '../support/lms.js'
import {
  type Surface, answerByKeyboard, challengeSelector, courseOf, focusProblem, kitchenSinkWithBlocks, mediaSelector, playScenarioByKeyboard,
  questionsOf, rightResponse, tabTo, tabsSelector, wrongResponse,
} from './learner.js'
import { ROOT } from '../support/build-modules.js'

/**
 * The whole kitchen-sink module with the keyboard alone (`page.keyboard` only: Tab, Shift+Tab,
 * Space, Enter, arrows, typing; no click, no `focus()`): every question type answered right,
 * a sequence reordered with its buttons, matching paired with the selects, a quiz failed and
 * retried, pages turned, the menu opened and closed, the module finished; a scenario played with a
 * step back, a mini-défi ticked, its timer started, paused and extended, a transcript opened and
 * marked read, tabs walked with the arrows, an accordion opened. At every stop the focus is visible.
 */
const MODULE = kitchenSinkWithBlocks(ROOT)

let browser: Browser
let sim: LmsSim
const zips = new Map<string, string>()

beforeAll(async () => {
  const { report } = await buildModulesWithReport([MODULE], ['scorm2004', 'web'])
  for (const pkg of report.packages) if (pkg.zip) zips.set(pkg.target, pkg.zip)
  sim = await startLmsSim()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

async function expectFocusVisible(surface: Surface, where: string): Promise<void> {
  expect(await focusProblem(surface), where).toBeNull()
}

/** The blocks of issue 4 with the keyboard: Tab, Enter, Space, arrows. */
async function playBlocksByKeyboard(surface: Surface, keyboard: Keyboard, blocks: CourseBlock[]): Promise<void> {
  for (const block of blocks) {
    if (block.kind === 'scenario') await playScenarioByKeyboard(surface, keyboard, block)
    if (block.kind === 'challenge') {
      const section = challengeSelector(block)
      for (const item of block.checklist) {
        await tabTo(surface, keyboard, `${section} input[data-cafes-item="${item.id}"]`)
        await keyboard.press('Space')
        expect(await surface.locator(`${section} input[data-cafes-item="${item.id}"]`).isChecked()).toBe(true)
      }
      if (block.timeLimit !== undefined) {
        await tabTo(surface, keyboard, `${section} [data-cafes="timer"]`)
        await keyboard.press('Enter')
        expect(await surface.textContent(`${section} [data-cafes="timer"]`)).toBe('Pause')
        await keyboard.press('Enter')
        expect(await surface.textContent(`${section} [data-cafes="timer"]`)).toBe('Démarrer')
        await tabTo(surface, keyboard, `${section} [data-cafes="extend"]`)
        await keyboard.press('Enter')
        expect(await surface.textContent(`${section} .cafes-timer-live`)).toMatch(/^Une minute de plus/)
      }
      if (block.quiz) {
        for (const question of block.quiz.questions) await answerByKeyboard(surface, keyboard, question, rightResponse(question))
      } else {
        await tabTo(surface, keyboard, `${section} [data-cafes="done"]`)
        await keyboard.press('Enter')
      }
      await surface.waitForSelector(`${section} .cafes-done:not(:empty)`)
    }
    if (block.kind === 'media') {
      const section = mediaSelector(block)
      await tabTo(surface, keyboard, `${section} [data-cafes="rate"]`)
      await keyboard.press('ArrowDown')
      expect(await surface.locator(`${section} ${block.media}`).evaluate((element: HTMLMediaElement) => element.playbackRate)).toBe(1.25)
      if ((await surface.locator(`${section} [data-cafes="transcript"]`).count()) === 0) continue
      await tabTo(surface, keyboard, `${section} [data-cafes="transcript"]`)
      await keyboard.press('Enter')
      expect(await surface.getAttribute(`${section} [data-cafes="transcript"]`, 'aria-expanded')).toBe('true')
      await tabTo(surface, keyboard, `${section} [data-cafes="transcript-read"]`)
      await keyboard.press('Enter')
      expect(await surface.textContent(`${section} .cafes-done`)).toMatch(/^✓/)
      await expectFocusVisible(surface, `status of ${block.id}`)
    }
    if (block.kind === 'tabs') {
      const tabs = `${tabsSelector(block)} [role="tab"]`
      await tabTo(surface, keyboard, `${tabs}[aria-selected="true"]`)
      await keyboard.press('ArrowRight')
      expect(await surface.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true')
      await expectFocusVisible(surface, `second tab of ${block.id}`)
      await keyboard.press('Home')
    }
    if (block.kind === 'accordion') {
      await tabTo(surface, keyboard, `[data-cafes-accordion="${block.id}"] summary`)
      await keyboard.press('Enter')
      expect(await surface.locator(`[data-cafes-accordion="${block.id}"] details`).first().getAttribute('open')).toBe('')
    }
  }
}

/** Plays every page; returns each question's result. */
async function playByKeyboard(page: Page, surface: Surface): Promise<Map<string, string>> {
  const keyboard = page.keyboard
  const course = await courseOf(surface)
  const results = new Map<string, string>()
  expect(course.pages.length, 'the kitchen-sink has several pages').toBeGreaterThan(1)

  for (const [index, coursePage] of course.pages.entries()) {
    await surface.waitForSelector(`main[data-cafes-page="${coursePage.id}"]`)
    if (index > 0) {
      // A page change puts the focus on the new page's title, visibly.
      expect(await surface.evaluate(() => document.activeElement?.tagName)).toBe('H1')
      await expectFocusVisible(surface, `title of ${coursePage.id}`)
    }
    if (index === 1) {
      // The menu: open with Enter, walk it, close with Escape; the focus returns to its button.
      await tabTo(surface, keyboard, '[data-cafes="menu"]')
      await keyboard.press('Enter')
      expect(await surface.locator('#cafes-menu').isVisible()).toBe(true)
      await keyboard.press('Tab')
      await expectFocusVisible(surface, 'first menu entry')
      expect(await surface.evaluate(() => document.activeElement?.closest('nav')?.id)).toBe('cafes-menu')
      await keyboard.press('Escape')
      expect(await surface.locator('#cafes-menu').isVisible()).toBe(false)
      expect(await surface.evaluate(() => document.activeElement?.getAttribute('data-cafes'))).toBe('menu')
    }
    for (const block of coursePage.blocks) {
      if (block.kind !== 'quiz') continue
      const quiz = course.quizzes.find((candidate) => candidate.id === block.quiz)!
      if (quiz.attempts > 1 && block.questions.some(isScored)) {
        // A quiz with attempts to spare: fail it, then "Recommencer le quiz" with Enter.
        for (const question of block.questions) await answerByKeyboard(surface, keyboard, question, wrongResponse(question))
        expect(await surface.textContent(`[data-cafes-quiz-result="${quiz.id}"]`)).toContain(`Tentative 1 sur ${quiz.attempts}`)
        await tabTo(surface, keyboard, '[data-cafes="retry"]')
        await keyboard.press('Enter')
        await surface.waitForSelector(`[data-cafes-question="${block.questions[0]!.id}"]:not([data-cafes-result])`)
        expect(await surface.evaluate(() => document.activeElement?.closest('[data-cafes-question]')?.getAttribute('data-cafes-question'))).toBe(block.questions[0]!.id)
        await expectFocusVisible(surface, `first control of ${quiz.id} after a retry`)
      }
      for (const question of block.questions) {
        const result = await answerByKeyboard(surface, keyboard, question, rightResponse(question))
        results.set(question.id, result)
        expect(result, `${question.type} question ${question.id}`).toBe(isScored(question) ? 'correct' : 'neutral')
      }
    }
    await playBlocksByKeyboard(surface, keyboard, coursePage.blocks)
    for (const block of coursePage.blocks) {
      if (block.kind !== 'quiz' || !block.questions.some(isScored)) continue
      expect(await surface.textContent(`[data-cafes-quiz-result="${block.quiz}"]`)).toMatch(/100 % — réussi/)
    }
    if (index < course.pages.length - 1) {
      await tabTo(surface, keyboard, '[data-cafes="next"]')
      await keyboard.press('Enter')
    }
  }

  // Back one page with Shift+Tab to "Précédent", and forward again.
  const last = course.pages.length - 1
  await tabTo(surface, keyboard, '[data-cafes="previous"]')
  await keyboard.press('Enter')
  await surface.waitForSelector(`main[data-cafes-page="${course.pages[last - 1]!.id}"]`)
  await tabTo(surface, keyboard, '[data-cafes="next"]')
  await keyboard.press('Enter')
  await surface.waitForSelector(`main[data-cafes-page="${course.pages[last]!.id}"]`)

  await tabTo(surface, keyboard, '[data-cafes="finish"]')
  await keyboard.press('Enter')
  await surface.getByText('Vous pouvez fermer cette fenêtre').waitFor()
  return results
}

describe('keyboard only through the kitchen-sink', () => {
  it('web edition: every question type, the pages, the menu, the end', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 700 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(await sim.servePackage(zips.get('web')!))
    await page.waitForSelector('main[data-cafes-page]')
    const results = await playByKeyboard(page, page)
    const course = await courseOf(page)
    const types = new Set(course.pages.flatMap((_, index) => questionsOf(course, index).map((question) => question.type)))
    expect([...types].sort()).toEqual(['fill-in', 'likert', 'matching', 'multiple', 'numeric', 'reflection', 'sequencing', 'single', 'true-false'])
    expect(results.size).toBeGreaterThanOrEqual(9)
    expect(errors).toEqual([])
    await context.close()
  }, 180_000)

  it('SCORM 2004 in the LMS, at phone width: the LMS records a passed, completed attempt', async () => {
    const { id } = await sim.importPackage(zips.get('scorm2004')!)
    const context = await browser.newContext({ viewport: { width: 320, height: 500 } })
    const page = await context.newPage()
    await page.goto(sim.launchUrl(id, { learner: 'keyboard' }))
    const frame: Frame = (await (await page.waitForSelector('iframe')).contentFrame())!
    await frame.waitForSelector('main[data-cafes-page]')
    const results = await playByKeyboard(page, frame)
    const session = await waitForCall(sim, id, 'Terminate', 'keyboard')
    const values = lastSetValues(session)
    expect(values.get('cmi.success_status')).toBe('passed')
    expect(values.get('cmi.completion_status')).toBe('completed')
    expect(values.get('cmi.score.scaled')).toBe('1')
    const recorded = new Set(setCalls(session).filter(([element]) => /^cmi\.interactions\.\d+\.id$/.test(element)).map(([, value]) => value))
    // Every question, and each scenario's path (one interaction per scenario).
    const scenarios = (await courseOf(frame)).pages.flatMap((coursePage) => coursePage.blocks.flatMap((block) => (block.kind === 'scenario' ? [block.id] : [])))
    expect([...recorded].sort()).toEqual([...results.keys(), ...scenarios].sort())
    await context.close()
  }, 180_000)
})
