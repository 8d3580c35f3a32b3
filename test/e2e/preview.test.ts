import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, FrameLocator, Page } from 'playwright-core'
import { startPreview, type Preview } from '@cafes/preview'
import { launchChromium } from '../support/browser.js'
import { ROOT } from '../support/build-modules.js'

/**
 * `cafes preview` as an author uses it, in Chromium: the demo module (a copy: examples/ is
 * never edited) inside the simulated LMS, the panel showing what the LMS received, a save
 * reloading the page with the change, an error shown over the module and gone once fixed.
 */

let browser: Browser
const folders: string[] = []
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function copyDemo(): { cwd: string; moduleDir: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'cafes-e2e-preview-'))
  folders.push(cwd)
  const moduleDir = join(cwd, 'demo-quiz')
  cpSync(join(ROOT, 'examples', 'demo-quiz'), moduleDir, { recursive: true })
  return { cwd, moduleDir }
}

async function openPreview(preview: Preview): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(preview.url)
  await page.waitForSelector('body[data-frame="launched"]')
  return page
}

/** axe-core on the preview's own page (the module in the frame has its own audit: accessibility.test.ts). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async () => {
    type Violation = { id: string; help: string; nodes: { target: unknown[] }[] }
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe
    const result = await axe.run(
      { exclude: [['#module-frame']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'RGAAv4'] }, iframes: false },
    )
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)
  })
}

async function answer(content: FrameLocator, questionId: string, choices: string[]): Promise<void> {
  const fieldset = content.locator(`fieldset[data-cafes-question="${questionId}"]`)
  for (const choice of choices) await fieldset.locator(`input[value="${choice}"]`).check()
  await fieldset.locator('[data-cafes="submit"]').click()
  await content.locator(`fieldset[data-cafes-question="${questionId}"][data-cafes-result]`).waitFor()
}

async function toQuiz(content: FrameLocator): Promise<void> {
  await content.locator('main[data-cafes-page="index"]').waitFor()
  await content.locator('[data-cafes="next"]').click()
  await content.locator('main[data-cafes-page="transparence"]').waitFor()
  await content.locator('[data-cafes="next"]').click()
  await content.locator('main[data-cafes-page="quiz"]').waitFor()
}

describe('cafes preview, SCORM 1.2', () => {
  let preview: Preview
  let moduleDir: string

  beforeAll(async () => {
    const folder = copyDemo()
    moduleDir = folder.moduleDir
    preview = await startPreview({ modulePath: 'demo-quiz', cwd: folder.cwd, target: 'scorm12', port: 0 })
  })

  afterAll(async () => {
    await preview?.close()
  })

  it('shows what the LMS received, reloads on save, and shows errors until they are fixed', async () => {
    const page = await openPreview(preview)
    // The module sits in the LMS page (scorm-again's API), which sits in the preview's frame.
    const content = page.frameLocator('#module-frame').frameLocator('iframe')
    await toQuiz(content)
    await answer(content, 'q-definition', ['b'])

    await expect.poll(() => page.locator('#lms-status').textContent()).toBe('incomplete')
    await expect.poll(() => page.locator('#lms-location').textContent()).toBe('quiz')
    const row = page.locator('#interactions tr[data-interaction-id="q-definition"] td')
    await expect.poll(() => row.allTextContents()).toEqual(['q-definition', 'choice', 'b', 'correct'])
    expect(await page.locator('#lms-suspend-data').textContent()).toMatch(/^\d+ \/ 4096 characters \(\d+ %\)$/)
    expect(await page.locator('#lms-score').textContent()).toBe('—')

    // A save: the page relaunches the new build, and the learner resumes where they were.
    const quizFile = join(moduleDir, '02-quiz.md')
    const original = readFileSync(quizFile, 'utf8')
    let rebuilt = preview.rebuilt()
    writeFileSync(quizFile, original.replace('# Quiz', '# Quiz revu'))
    const build = (await rebuilt).build
    await page.waitForSelector(`body[data-build="${build}"][data-frame="launched"]`)
    await expect.poll(() => content.locator('main[data-cafes-page="quiz"] h1').textContent()).toBe('Quiz revu')
    await expect.poll(() => content.locator('fieldset[data-cafes-question="q-definition"]').getAttribute('data-cafes-result')).toBe('correct')

    await answer(content, 'q-signaux', ['a', 'b', 'd'])
    await expect.poll(() => page.locator('#lms-status').textContent()).toBe('passed')
    await expect.poll(() => page.locator('#lms-score').textContent()).toBe('100 (0–100)')
    await expect.poll(() => page.locator('#interactions tr[data-interaction-id="q-signaux"] td').allTextContents()).toEqual(['q-signaux', 'choice', 'a,b,d', 'correct'])

    // An error: shown over the module with its place, the line marked, and the hint.
    const broken = `${original}\n:::bogus\nTexte\n:::\n`
    const line = broken.split('\n').indexOf(':::bogus') + 1
    rebuilt = preview.rebuilt()
    writeFileSync(quizFile, broken)
    expect((await rebuilt).ok).toBe(false)
    const overlay = page.locator('#error-overlay')
    await overlay.waitFor({ state: 'visible' })
    expect(await overlay.locator('h3').textContent()).toBe(`demo-quiz/02-quiz.md:${line}:1`)
    expect(await overlay.locator('pre .marked').textContent()).toMatch(new RegExp(`^> ${line} \\| :::bogus$`))
    expect(await overlay.locator('pre .caret').textContent()).toMatch(/\| \^$/)
    expect(await overlay.locator('.hint').textContent()).toMatch(/^Hint: Known directives/)
    expect(await page.locator('body').getAttribute('data-state')).toBe('error')
    expect(await axeViolations(page)).toEqual([])

    // Fixed: the overlay goes and the page reloads with the build that works.
    rebuilt = preview.rebuilt()
    writeFileSync(quizFile, original)
    const fixed = await rebuilt
    expect(fixed.ok).toBe(true)
    await overlay.waitFor({ state: 'hidden' })
    await page.waitForSelector(`body[data-build="${fixed.build}"][data-frame="launched"]`)
    await expect.poll(() => content.locator('main[data-cafes-page="quiz"] h1').textContent()).toBe('Quiz')
    await page.close()
  }, 180_000)

  it('starts a new attempt on reset', async () => {
    const page = await openPreview(preview)
    await expect.poll(() => page.locator('#lms-status').textContent()).not.toBe('—')
    await page.locator('#reset').click()
    await expect.poll(() => page.locator('#learner').textContent()).toBe('learner-2')
    const content = page.frameLocator('#module-frame').frameLocator('iframe')
    await content.locator('main[data-cafes-page="index"]').waitFor()
    await expect.poll(() => page.locator('#interactions tr').count()).toBe(0)
    await page.close()
  })
})

describe('cafes preview, xAPI', () => {
  let preview: Preview

  beforeAll(async () => {
    const folder = copyDemo()
    preview = await startPreview({ modulePath: 'demo-quiz', cwd: folder.cwd, target: 'xapi', port: 0 })
  })

  afterAll(async () => {
    await preview?.close()
  })

  it('lists every statement the LRS stored, each expandable to its JSON', async () => {
    const page = await openPreview(preview)
    // The Tin Can launch opens the content itself in the frame; it talks to the LRS.
    const content = page.frameLocator('#module-frame')
    await toQuiz(content)
    await answer(content, 'q-definition', ['b'])

    const statements = page.locator('#statements li')
    await expect.poll(async () => (await statements.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.verb)))).toEqual([
      'initialized', 'experienced', 'experienced', 'experienced', 'answered',
    ])
    const answered = page.locator('#statements li[data-verb="answered"]')
    expect(await answered.locator('summary').textContent()).toMatch(/^answered .+ — success, response "b"/)
    await answered.locator('summary').click()
    const json = JSON.parse((await answered.locator('pre').textContent())!) as { verb: { id: string }; result: { response: string } }
    expect(json.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered')
    expect(json.result.response).toBe('b')
    await expect.poll(() => page.locator('#interactions tr[data-interaction-id="q-definition"] td').allTextContents()).toEqual(['q-definition', 'choice', 'b', 'correct'])
    expect(await page.locator('#statements-section').isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})
