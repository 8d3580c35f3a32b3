import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import yauzl from 'yauzl'
import type { ReleaseIndex } from '../../build/release/release-index.js'
import { launchChromium } from '../support/browser.js'
import { formatViolations, runAxe } from '../e2e/learner.js'
import { runRelease, type ReleaseRun } from './run-release.js'

/** 2023-11-14 22:13:20 UTC: already the 15th in Kiritimati (UTC+14). */
const SOURCE_DATE_EPOCH = '1700000000'
const EPOCH_DOS_DATE = ((2023 - 1980) << 9) | (11 << 5) | 14
const EPOCH_DOS_TIME = (22 << 11) | (13 << 5) | (20 / 2)
const TARGETS = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web', 'facilitator']
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

const first = { dir: '', run: undefined as unknown as ReleaseRun }
const second = { dir: '', run: undefined as unknown as ReleaseRun }

beforeAll(async () => {
  first.dir = join(mkdtempSync(join(tmpdir(), 'cafes-release-utc-')), 'dist')
  second.dir = join(mkdtempSync(join(tmpdir(), 'cafes-release-kiritimati-')), 'dist')
  // Side by side: two releases at once must not disturb each other either.
  ;[first.run, second.run] = await Promise.all([
    runRelease(['--modules', 'examples', '--out', first.dir, '--json'], { TZ: 'UTC', SOURCE_DATE_EPOCH }),
    runRelease(['--modules', 'examples', '--out', second.dir], { TZ: 'Pacific/Kiritimati', SOURCE_DATE_EPOCH }),
  ])
}, 240_000)

function index(): ReleaseIndex {
  return JSON.parse(readFileSync(join(first.dir, 'index.json'), 'utf8')) as ReleaseIndex
}

/** Every entry's DOS date and time, from the central directory. */
function entryDates(zip: string): Promise<{ name: string; date: number; time: number }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error)
      const dates: { name: string; date: number; time: number }[] = []
      file.on('entry', (entry: yauzl.Entry) => {
        dates.push({ name: entry.fileName, date: entry.lastModFileDate, time: entry.lastModFileTime })
        file.readEntry()
      })
      file.once('end', () => resolve(dates))
      file.once('error', reject)
      file.readEntry()
    })
  })
}

describe('pnpm release', () => {
  it('releases every example for every target, and says so', () => {
    expect(first.run.stderr).toBe('')
    expect(first.run.status).toBe(0)
    expect(second.run.status, second.run.stderr).toBe(0)
    expect(second.run.stdout).toMatch(/^Released 3 modules \(18 zips\) in [\d.]+ s on \d+ workers?: .*SHA256SUMS, .*index\.json, .*index\.html\.$/m)
    const json = JSON.parse(first.run.stdout) as { status: string; workers: number; memory: { mainMaxRssBytes: number; workerMaxRssBytes: number[] } }
    expect(json.status).toBe('released')
    expect(json.workers).toBeGreaterThanOrEqual(1)
    expect(json.memory.workerMaxRssBytes).toHaveLength(json.workers)
    for (const bytes of [json.memory.mainMaxRssBytes, ...json.memory.workerMaxRssBytes]) expect(bytes).toBeGreaterThan(10_000_000)
  })

  it('writes the same bytes in two time zones and two folders, with SOURCE_DATE_EPOCH', () => {
    const names = readdirSync(first.dir).sort()
    expect(names).toEqual(readdirSync(second.dir).sort())
    expect(names.filter((name) => name.endsWith('.zip'))).toHaveLength(18)
    expect(names.filter((name) => !name.endsWith('.zip'))).toEqual(['SHA256SUMS', 'index.html', 'index.json'])
    for (const name of names) expect(readFileSync(join(first.dir, name)).equals(readFileSync(join(second.dir, name))), name).toBe(true)
  })

  it('dates every zip entry at SOURCE_DATE_EPOCH, in UTC', async () => {
    const zips = readdirSync(second.dir).filter((name) => name.endsWith('.zip'))
    for (const zip of zips) {
      const dates = await entryDates(join(second.dir, zip))
      expect(dates.length, zip).toBeGreaterThan(0)
      for (const entry of dates) expect([entry.date, entry.time], `${zip}: ${entry.name}`).toEqual([EPOCH_DOS_DATE, EPOCH_DOS_TIME])
    }
  })

  it('indexes each module with its front matter, and each zip with its name, size, file count and SHA-256', async () => {
    const { modules } = index()
    expect(modules.map((module) => module.id)).toEqual(['demo-quiz', 'kitchen-sink', 'texte-seul'])
    const texte = modules.find((module) => module.id === 'texte-seul')!
    expect(texte).toMatchObject({
      title: 'Une IA responsable, en quelques mots',
      version: '1.0.0',
      language: 'fr',
      duration: 2,
      objectives: ["Savoir ce que recouvre l'expression « IA responsable »"],
    })
    for (const module of modules) {
      expect(module.targets.map((entry) => entry.target)).toEqual(TARGETS)
      for (const entry of module.targets) {
        expect(entry.file).toBe(`${module.id}-${module.version}-${entry.target}.zip`)
        const data = readFileSync(join(first.dir, entry.file))
        expect(entry.size).toBe(data.length)
        expect(entry.sha256).toBe(createHash('sha256').update(data).digest('hex'))
        expect(entry.fileCount).toBe((await entryDates(join(first.dir, entry.file))).length)
      }
    }
  })

  it('writes SHA256SUMS sorted by name, in the format sha256sum -c checks', () => {
    const text = readFileSync(join(first.dir, 'SHA256SUMS'), 'utf8')
    const lines = text.trimEnd().split('\n')
    expect(lines).toHaveLength(18)
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{64} {2}[a-z0-9.-]+\.zip$/)
    const names = lines.map((line) => line.slice(66))
    expect(names).toEqual([...names].sort())
    const sums = index().modules.flatMap((module) => module.targets.map((entry) => `${entry.sha256}  ${entry.file}`))
    expect([...lines].sort()).toEqual(sums.sort())
    const checked = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: first.dir, encoding: 'utf8' })
    expect(checked.trimEnd().split('\n').filter((line) => line.endsWith(': OK'))).toHaveLength(18)
  })

  it('writes an HTML catalogue linking every zip with its checksum', () => {
    const html = readFileSync(join(first.dir, 'index.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/)
    expect(html).toContain('<h2 id="module-kitchen-sink">L&#39;IA responsable au travail</h2>')
    for (const module of index().modules) {
      for (const entry of module.targets) {
        expect(html).toContain(`<a href="${entry.file}">${entry.file}</a>`)
        expect(html).toContain(`<code>${entry.sha256}</code>`)
      }
    }
    expect(html).not.toMatch(/<script|https?:\/\//)
  })

  describe('index.html in Chromium', () => {
    let browser: Browser
    beforeAll(async () => {
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
    })

    it('passes axe-core (WCAG 2.1 AA, RGAA 4), on a desktop and at phone width', async () => {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 600 }]) {
        const page = await browser.newPage({ viewport })
        await page.goto(pathToFileURL(join(first.dir, 'index.html')).href)
        expect(await page.locator('table').count()).toBe(3)
        expect(await page.locator('a[href$=".zip"]').count()).toBe(18)
        const violations = await runAxe(page, AXE_PATH)
        expect(violations, formatViolations(`index.html at ${viewport.width}px`, violations)).toEqual([])
        // Nothing wider than the screen: the checksums wrap.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
        await page.close()
      }
    })
  })
})
