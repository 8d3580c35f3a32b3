import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { readZip, startLmsSim, type LmsSim } from '@cafes/lms-sim'
import { build, type BuildReport } from '@cafes/packager'
import { launchChromium } from '../support/browser.js'
import { ROOT } from '../support/build-modules.js'
import { formatViolations, runAxe } from './learner.js'

/**
 * The facilitator edition (`cafes build --facilitator`): the session guide of the
 * kitchen-sink module and of a fixture with facilitator notes on every page, opened in
 * Chromium: axe-core (WCAG 2.0/2.1 A and AA, RGAA 4) finds nothing, the print stylesheet
 * applies, and it prints to an A4 PDF of several pages. The learner packages built beside it
 * carry no note.
 */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const MODULES = ['examples/kitchen-sink', 'test/fixtures/facilitator']
const NOTES = ['NOTE-SECRETE-ACCUEIL', 'NOTE-SECRETE-QUIZ', 'NOTE-SECRETE-FIN']

let browser: Browser
let sim: LmsSim
let report: BuildReport

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'cafes-e2e-facilitator-'))
  report = await build({
    paths: MODULES.map((path) => resolve(ROOT, path)),
    targets: ['scorm12', 'scorm2004', 'web'],
    outDir,
    cwd: ROOT,
    facilitator: true,
  })
  const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  if (errors.length > 0) throw new Error(`build failed:\n${errors.map((error) => `${error.file}:${error.line}: ${error.message}`).join('\n')}`)
  sim = await startLmsSim()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

function guideZip(module: string): string {
  const entry = report.packages.find((candidate) => candidate.module === module && candidate.edition === 'facilitator')
  if (!entry?.zip) throw new Error(`no facilitator edition of ${module}`)
  return resolve(ROOT, entry.zip)
}

async function openGuide(module: string) {
  // The guide forbids every script; axe's injection is one.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  // Every file the guide asks for is in the package (the browser's own favicon request aside).
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`)
  })
  await page.goto(await sim.servePackage(guideZip(module)))
  await page.waitForSelector('main')
  return { context, page, errors }
}

describe('facilitator edition in Chromium', () => {
  it.each([['kitchen-sink'], ['facilitator-fixture']])('%s: axe-core finds no violation, on screen and in print', async (module) => {
    const { context, page, errors } = await openGuide(module)
    try {
      const screen = await runAxe(page, AXE_PATH)
      expect(formatViolations(`${module} guide (screen)`, screen)).toBe('')
      await page.emulateMedia({ media: 'print' })
      const print = await runAxe(page, AXE_PATH)
      expect(formatViolations(`${module} guide (print)`, print)).toBe('')
      // Every image of the guide loaded from the package (nothing lazy, nothing missing).
      const images = await page.locator('img').evaluateAll((elements) => elements.map((image) => (image as HTMLImageElement).naturalWidth > 0))
      expect(images.every(Boolean)).toBe(true)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('shows every page, the notes with their timings, and the right answers', async () => {
    const { context, page } = await openGuide('facilitator-fixture')
    try {
      expect(await page.locator('html').getAttribute('lang')).toBe('fr')
      expect(await page.locator('h1').textContent()).toBe("Le café de l'animation")
      expect(await page.locator('section.guide-page > h2').allTextContents()).toEqual(['Page 1 Le café de l\'animation', 'Page 2 Vérifier', 'Page 3 Conclure'])
      expect(await page.locator('.guide-note h3').allTextContents()).toEqual(Array(3).fill("Notes pour l'animation"))
      const text = (await page.locator('main').textContent()) ?? ''
      for (const note of NOTES) expect(text).toContain(note)
      expect(await page.locator('.guide-timings tfoot tr').allTextContents()).toEqual(['Total des pages20 min24 min', 'Durée suggérée de la séance30 min40 min'])
      expect(await page.locator('.guide-facts').textContent()).toContain('En présentiel : 30 min, À distance : 40 min')
      expect(await page.locator('.guide-choice-right').textContent()).toContain('On peut expliquer ses propositions.')
      expect(await page.locator('script').count()).toBe(0)
    } finally {
      await context.close()
    }
  })

  it.each([['kitchen-sink'], ['facilitator-fixture']])('%s: prints to an A4 PDF of several pages, a module page per sheet', async (module) => {
    const { context, page } = await openGuide(module)
    try {
      await page.emulateMedia({ media: 'print' })
      const breaks = await page.locator('section.guide-page').evaluateAll((sections) => sections.map((section) => getComputedStyle(section).breakBefore))
      expect(breaks.length).toBeGreaterThan(1)
      expect(new Set(breaks)).toEqual(new Set(['page']))
      expect(parseFloat(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize))).toBeCloseTo((11 * 96) / 72, 2)
      const external = page.locator('a[href^="http"]').first()
      if ((await external.count()) > 0) {
        expect(await external.evaluate((link) => getComputedStyle(link, '::after').content)).toContain('http')
      }
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
      expect(pages.length).toBeGreaterThan(1)
      const sectionCount = breaks.length
      expect(pages.length).toBeGreaterThanOrEqual(sectionCount + 1)
    } finally {
      await context.close()
    }
  })
})

describe('learner packages built beside it', () => {
  it('carry no facilitator note, in any edition', async () => {
    const learner = report.packages.filter((entry) => entry.module === 'facilitator-fixture' && entry.edition === undefined)
    expect(learner.map((entry) => entry.target)).toEqual(['scorm12', 'scorm2004', 'web'])
    for (const entry of learner) {
      for (const file of await readZip(resolve(ROOT, entry.zip!))) {
        const text = file.data.toString('utf8')
        for (const note of [...NOTES, "Notes pour l'animation"]) expect(text, `${entry.zip} ${file.name}`).not.toContain(note)
      }
    }
    const guide = await readZip(guideZip('facilitator-fixture'))
    const html = guide.find((file) => file.name === 'index.html')!.data.toString('utf8')
    for (const note of NOTES) expect(html).toContain(note)
  })
})
