import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import type { CourseBlock } from '@cafes/core'
import { startLmsSim, type LmsSim } from '@cafes/lms-sim'
import { launchChromium } from '../support/browser.js'
import { buildModulesWithReport } from '../support/build-modules.js'
import {
  type Surface, answerByPointer, challengeSelector, courseOf, formatViolations, kitchenSinkWithBlocks, mediaSelector, playScenarioByPointer,
  questionsOf, runAxe, tabsSelector, wrongResponse,
} from './learner.js'
import { ROOT } from '../support/build-modules.js'

/**
 * axe-core (WCAG 2.0/2.1 A and AA, RGAA 4) on every page of the kitchen-sink module — every
 * question type and every block of issue 4 — before and after answering each question (feedback,
 * right answers and the quiz's retry button on screen), with a scenario after a choice and at its
 * ending, a mini-défi running and out of time, a media transcript open and read, the second tab
 * and the accordion open; on a desktop and at phone width, in the web edition and in SCORM 2004
 * inside the simulated LMS; and on demo-quiz. Zero violations, printed readably.
 */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const MODULES = [kitchenSinkWithBlocks(ROOT), 'examples/demo-quiz']
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 320, height: 500 } } as const

let browser: Browser
let sim: LmsSim
const zips = new Map<string, string>()

beforeAll(async () => {
  const { report } = await buildModulesWithReport(MODULES, ['scorm2004', 'web'])
  for (const pkg of report.packages) if (pkg.zip) zips.set(`${pkg.module}/${pkg.target}`, pkg.zip)
  sim = await startLmsSim()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

function zipOf(module: string, target: 'web' | 'scorm2004'): string {
  const zip = zips.get(`${module}/${target}`)
  if (!zip) throw new Error(`no ${target} zip for ${module}: ${[...zips.keys()].join(', ')}`)
  return zip
}

/** Opens a package; the launch pages forbid inline scripts, which axe's injection is. */
async function launch(module: string, target: 'web' | 'scorm2004', viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; surface: Surface }> {
  const context = await browser.newContext({ viewport, bypassCSP: true })
  const page = await context.newPage()
  // A fake clock, so that a mini-défi's time can run out at once.
  await page.clock.install()
  if (target === 'web') {
    await page.goto(await sim.servePackage(zipOf(module, 'web')))
    await page.waitForSelector('main[data-cafes-page]')
    return { context, page, surface: page }
  }
  const { id } = await sim.importPackage(zipOf(module, 'scorm2004'))
  await page.goto(sim.launchUrl(id, { learner: `axe-${module}-${viewport.width}` }))
  const frame: Frame = (await (await page.waitForSelector('iframe')).contentFrame())!
  await frame.waitForSelector('main[data-cafes-page]')
  return { context, page, surface: frame }
}

/** Every page, before and after answering each question (wrong where it can be), the menu open, the end screen. */
async function auditModule(module: string, target: 'web' | 'scorm2004', width: keyof typeof VIEWPORTS): Promise<{ report: string; audits: number; places: string[] }> {
  const { context, page, surface } = await launch(module, target, VIEWPORTS[width])
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const course = await courseOf(surface)
  const problems: string[] = []
  let audits = 0
  const places: string[] = []
  const audit = async (where: string): Promise<void> => {
    audits++
    places.push(where)
    const violations = await runAxe(surface, AXE_PATH)
    if (violations.length > 0) problems.push(formatViolations(`${module} ${target} ${width} ${where}`, violations))
  }

  await surface.locator('[data-cafes="menu"]').click()
  await audit('menu open')
  await surface.locator('[data-cafes="menu"]').click()
  for (const [index, coursePage] of course.pages.entries()) {
    await surface.waitForSelector(`main[data-cafes-page="${coursePage.id}"]`)
    await audit(`page ${coursePage.id}`)
    const questions = questionsOf(course, index)
    for (const question of questions) await answerByPointer(surface, question, wrongResponse(question))
    if (questions.length > 0) await audit(`page ${coursePage.id}, answered`)
    if (await playBlocks(page, surface, coursePage.blocks, audit)) await audit(`page ${coursePage.id}, blocks played`)
    // A failed quiz with attempts left: retry, fail again, and the held-back right answers appear.
    for (let attempt = 2; (await surface.locator('[data-cafes="retry"]').count()) > 0; attempt++) {
      await surface.locator('[data-cafes="retry"]').first().click()
      for (const question of questions) {
        if ((await surface.locator(`fieldset[data-cafes-question="${question.id}"][data-cafes-result]`).count()) === 0) {
          await answerByPointer(surface, question, wrongResponse(question))
        }
      }
      await audit(`page ${coursePage.id}, attempt ${attempt} answered`)
    }
    if (index < course.pages.length - 1) await surface.locator('[data-cafes="next"]').click()
  }
  await surface.locator('[data-cafes="finish"]').click()
  await surface.waitForSelector('main:not([data-cafes-page])')
  await audit('end screen')
  await context.close()
  if (errors.length > 0) problems.push(`page errors: ${errors.join('; ')}`)
  return { report: problems.join('\n\n'), audits, places }
}

/** Puts the blocks of a page in their interesting states (auditing midway states); true when there were any. */
async function playBlocks(page: Page, surface: Surface, blocks: CourseBlock[], audit: (where: string) => Promise<void>): Promise<boolean> {
  let played = false
  for (const block of blocks) {
    if (block.kind === 'scenario') await playScenarioByPointer(surface, block, audit)
    else if (block.kind === 'challenge') {
      const section = surface.locator(challengeSelector(block))
      const first = block.checklist[0]
      if (first) await section.locator(`input[data-cafes-item="${first.id}"]`).check()
      if (block.timeLimit !== undefined) {
        await section.locator('[data-cafes="timer"]').click()
        await page.clock.runFor(5_000)
        await audit(`mini-défi ${block.id}, running`)
        await page.clock.runFor((block.timeLimit + 1) * 1000)
        await surface.waitForSelector(`${challengeSelector(block)}[data-cafes-time-up]`)
      }
    } else if (block.kind === 'media') {
      const section = surface.locator(mediaSelector(block))
      if ((await section.locator('[data-cafes="transcript"]').count()) > 0) {
        await section.locator('[data-cafes="transcript"]').click()
        await section.locator('[data-cafes="transcript-read"]').click()
      }
    } else if (block.kind === 'tabs' && block.panels.length > 1) {
      await surface.locator(`${tabsSelector(block)} [role="tab"]`).nth(1).click()
    } else if (block.kind === 'accordion') {
      await surface.locator(`[data-cafes-accordion="${block.id}"] summary`).first().click()
    } else continue
    played = true
  }
  return played
}

it('axe is live with these tags: it flags what it should in the player', async () => {
  const { context, surface } = await launch('demo-quiz', 'web', VIEWPORTS.desktop)
  await surface.evaluate(() => {
    const main = document.querySelector('main')!
    main.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"><p style="color:#bbb">pâle</p>')
  })
  const violations = (await runAxe(surface, AXE_PATH)).map((violation) => violation.id).sort()
  expect(violations).toEqual(['color-contrast', 'image-alt', 'label'])
  await context.close()
}, 60_000)

describe.each(['web', 'scorm2004'] as const)('axe-core, %s', (target) => {
  it.each(['desktop', 'phone'] as const)('kitchen-sink at %s width: 0 violations on every page, before and after answering', async (width) => {
    const { report, audits, places } = await auditModule('kitchen-sink', target, width)
    expect(report).toBe('')
    expect(audits).toBeGreaterThan(4)
    for (const state of ['after a choice', 'running', 'blocks played']) expect(places.join('\n')).toContain(state)
  }, 180_000)

  it.each(['desktop', 'phone'] as const)('demo-quiz at %s width: 0 violations', async (width) => {
    const { report } = await auditModule('demo-quiz', target, width)
    expect(report).toBe('')
  }, 120_000)
})
