import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Frame } from 'playwright-core'
import { isScored, type Course, type CourseBlock } from '@cafes/core'
import { startLmsSim, type LmsSim } from '@cafes/lms-sim'
import { launchChromium } from '../support/browser.js'
import { ROOT, buildModulesWithReport } from '../support/build-modules.js'
import { lastSetValues, waitForCall } from '../support/lms.js'
import { answerByPointer, challengeSelector, courseOf, mediaSelector, playScenarioByPointer, rightResponse } from './learner.js'

/**
 * The catalogue itself: every module in `modules/` played in Chromium, in the simulated LMS
 * (SCORM 2004), page by page to completion through its quizzes — the LMS must record a
 * completed, passed attempt.
 */

const MODULES = readdirSync(join(ROOT, 'modules'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'modules', entry.name, 'module.md')))
  .map((entry) => entry.name)
  .sort()

let browser: Browser
let sim: LmsSim
const zips = new Map<string, string>()

beforeAll(async () => {
  const { report } = await buildModulesWithReport(MODULES.map((name) => `modules/${name}`), ['scorm2004'])
  for (const entry of report.packages) if (entry.zip) zips.set(entry.module, resolve(ROOT, entry.zip))
  sim = await startLmsSim()
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

/** Does on a page what a diligent learner does: every question right, scenarios to their best ending, défis done, media read. */
async function playBlock(frame: Frame, block: CourseBlock): Promise<void> {
  switch (block.kind) {
    case 'quiz':
      for (const question of block.questions) {
        const result = await answerByPointer(frame, question, rightResponse(question))
        expect(result, `${block.quiz} / ${question.id}`).toBe(isScored(question) ? 'correct' : 'neutral')
      }
      break
    case 'scenario':
      await playScenarioByPointer(frame, block)
      break
    case 'challenge': {
      const section = frame.locator(challengeSelector(block))
      if (block.quiz) {
        for (const question of block.quiz.questions) await answerByPointer(frame, question, rightResponse(question))
      } else {
        for (const item of await section.locator('input[data-cafes-item]').all()) await item.check()
        await section.locator('[data-cafes="done"]').click()
      }
      await section.locator('.cafes-done').waitFor()
      break
    }
    case 'media':
      if (block.required) {
        const section = frame.locator(mediaSelector(block))
        await section.locator('[data-cafes="transcript"]').click()
        await section.locator('[data-cafes="transcript-read"]').click()
      }
      break
    default:
      break
  }
}

describe('the catalogue', () => {
  it('has modules', () => {
    expect(MODULES.length).toBeGreaterThan(0)
  })

  it.each(MODULES)('%s: played to completion through its quizzes, recorded as completed and passed', async (name) => {
    // A module's folder is named after its id.
    const zip = zips.get(name)
    expect(zip, `a scorm2004 zip for ${name}`).toBeDefined()
    const { id } = await sim.importPackage(zip!)
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(sim.launchUrl(id, { learner: `catalogue-${name}` }))
    const frame = (await (await page.waitForSelector('iframe')).contentFrame())!
    await frame.waitForSelector('main[data-cafes-page]')
    const course: Course = await courseOf(frame)
    for (const [index, coursePage] of course.pages.entries()) {
      await frame.waitForSelector(`main[data-cafes-page="${coursePage.id}"]`)
      for (const block of coursePage.blocks) await playBlock(frame, block)
      await frame.locator(index < course.pages.length - 1 ? '[data-cafes="next"]' : '[data-cafes="finish"]').click()
    }
    const session = await waitForCall(sim, id, 'Terminate', `catalogue-${name}`)
    const values = lastSetValues(session)
    expect(values.get('cmi.completion_status'), name).toBe('completed')
    expect(values.get('cmi.success_status'), name).toBe('passed')
    expect(errors).toEqual([])
    await context.close()
  }, 180_000)
})
