import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { CATALOGUE_COMMAND, catalogueReadme, loadCatalogue, README_FILE, type Catalogue } from '../../build/catalogue/catalogue.js'
import { FACILITATOR_SUFFIX, INDEX_FILE, writeCatalogueSite } from '../../build/catalogue/site.js'
import { formatViolations, runAxe } from '../e2e/learner.js'
import { launchChromium } from '../support/browser.js'

/**
 * The catalogue of `modules/`: its committed README.md must be what `build/catalogue.ts` writes
 * today, every module folder must be in `catalogue.yaml`, and the catalogue page must list
 * every module with working links to its web and facilitator editions.
 */

const ROOT = resolve(import.meta.dirname, '../..')
const MODULES = join(ROOT, 'modules')
const FOLDERS = readdirSync(MODULES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(MODULES, entry.name, 'module.md')))
  .map((entry) => entry.name)
  .sort()

const SEVEN_COMMITMENTS = ['dignite', 'robustesse', 'gouvernance-des-donnees', 'transparence', 'equite', 'developpement-durable', 'responsabilite']

let catalogue: Catalogue

beforeAll(async () => {
  catalogue = await loadCatalogue(MODULES, { cwd: ROOT })
}, 120_000)

describe('modules/README.md', () => {
  it('is what the catalogue script writes from the modules today', () => {
    const committed = readFileSync(join(MODULES, README_FILE), 'utf8')
    expect(committed, `modules/README.md is stale: run \`${CATALOGUE_COMMAND}\` and commit the result`).toBe(catalogueReadme(catalogue))
  })

  it('lists every module folder, each one in catalogue.yaml, among the seven commitments', () => {
    expect(FOLDERS.length).toBeGreaterThan(0)
    expect(catalogue.modules.map((module) => module.folder).sort()).toEqual(FOLDERS)
    for (const module of catalogue.modules) {
      expect(module.listed, `${module.id} is missing from modules/catalogue.yaml`).toBe(true)
      for (const commitment of module.commitments) expect(SEVEN_COMMITMENTS).toContain(commitment.id)
    }
    expect(catalogue.commitments.map((commitment) => commitment.id)).toEqual(SEVEN_COMMITMENTS)
  })

  it('is checked by `build/catalogue.ts --check`', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'build/catalogue.ts', '--check'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: ROOT } })
    expect(run.stderr).not.toMatch(/not up to date/)
    expect(run.status).toBe(0)
  }, 60_000)
})

describe('the catalogue order', () => {
  it('follows catalogue.yaml, lists unlisted modules last, and skips listed modules that do not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cafes-catalogue-'))
    const write = (id: string, title: string): void => {
      mkdirSync(join(dir, id))
      writeFileSync(join(dir, id, 'module.md'), `---\nid: ${id}\ntitle: "${title}"\nduration: 5\nobjectives:\n  - Comprendre ${title}\n---\n\n# ${title}\n\nUne page.\n`)
    }
    write('alpha', 'Alpha | et *bêta*')
    write('zeta', 'Zêta')
    write('omega', 'Oméga')
    writeFileSync(
      join(dir, 'catalogue.yaml'),
      'commitments:\n  - { id: equite, title: Équité, summary: une IA équitable }\nmodules:\n  - { id: zeta, commitments: [equite] }\n  - { id: absent, commitments: [] }\n  - { id: alpha, commitments: [] }\n',
    )
    const small = await loadCatalogue(dir, { cwd: dir })
    expect(small.modules.map((module) => [module.id, module.listed, module.commitments.map((commitment) => commitment.id)])).toEqual([
      ['zeta', true, ['equite']],
      ['alpha', true, []],
      ['omega', false, []],
    ])
    expect(small.notes.join('\n')).toMatch(/absent/)
    expect(small.notes.join('\n')).toMatch(/omega/)
    const readme = catalogueReadme(small)
    // Front matter text stays text: no table cell broken by a `|`, no emphasis.
    expect(readme).toContain('[Alpha \\| et \\*bêta\\*](alpha/)')
    expect(readme.indexOf('## 1. Zêta')).toBeLessThan(readme.indexOf('## 2. Alpha'))
    expect(readme.indexOf('## 2. Alpha')).toBeLessThan(readme.indexOf('## 3. Oméga'))
  })

  it('refuses a commitment that catalogue.yaml does not define', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cafes-catalogue-'))
    writeFileSync(join(dir, 'catalogue.yaml'), 'commitments: []\nmodules:\n  - { id: alpha, commitments: [inconnu] }\n')
    await expect(loadCatalogue(dir, { cwd: dir })).rejects.toThrow(/unknown commitment "inconnu"/)
  })
})

describe('the catalogue page (--html)', () => {
  let site: string
  let html: string

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'cafes-catalogue-site-'))
    await writeCatalogueSite(catalogue, site, { cwd: ROOT })
    html = readFileSync(join(site, INDEX_FILE), 'utf8')
  }, 180_000)

  it('is a French page without script', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/)
    expect(html).not.toMatch(/<script/i)
    expect(html.match(/<h1[ >]/g)).toHaveLength(1)
  })

  it('lists every module, in the catalogue order', () => {
    const positions = catalogue.modules.map((module) => html.indexOf(`<h2 id="module-${module.id}"`))
    for (const [index, module] of catalogue.modules.entries()) {
      expect(positions[index], module.id).toBeGreaterThan(-1)
      expect(html).toContain(escapeHtml(module.title))
    }
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(catalogue.modules.map((module) => module.id).sort()).toEqual(FOLDERS)
  })

  it("links each module's web edition and facilitator edition, unpacked", () => {
    for (const module of catalogue.modules) {
      expect(html, module.id).toContain(`href="${module.id}/${INDEX_FILE}"`)
      expect(html, module.id).toContain(`href="${module.id}${FACILITATOR_SUFFIX}/${INDEX_FILE}"`)
      expect(readFileSync(join(site, module.id, INDEX_FILE), 'utf8'), module.id).toContain('<html')
      expect(readFileSync(join(site, `${module.id}${FACILITATOR_SUFFIX}`, INDEX_FILE), 'utf8'), module.id).toContain('<html')
    }
  })

  it('has no broken link', () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]))
    const hrefs = [...html.matchAll(/ href="([^"]+)"/g)].map((match) => unescapeHtml(match[1]!))
    expect(hrefs.length).toBeGreaterThan(catalogue.modules.length * 4)
    for (const href of hrefs) {
      if (href.startsWith('#')) {
        expect(ids.has(href.slice(1)), href).toBe(true)
        continue
      }
      expect(href, 'links stay inside the catalogue folder').not.toMatch(/^[a-z]+:|^\/|(^|\/)\.\.(\/|$)/)
      const file = join(site, ...href.split('/').map(decodeURIComponent))
      expect(existsSync(file) && statSync(file).isFile(), href).toBe(true)
    }
  })

  it('passes axe-core (WCAG 2.1 A and AA), on a desktop and at phone width', async () => {
    const browser = await launchChromium()
    try {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 500 }]) {
        // The page's policy forbids scripts, which axe's injection is.
        const context = await browser.newContext({ viewport, bypassCSP: true })
        const page = await context.newPage()
        await page.goto(pathToFileURL(join(site, INDEX_FILE)).href)
        const violations = await runAxe(page, createRequire(import.meta.url).resolve('axe-core/axe.min.js'))
        expect(violations, formatViolations(`catalogue page at ${viewport.width} px`, violations)).toEqual([])
        await context.close()
      }
    } finally {
      await browser.close()
    }
  }, 60_000)
})

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&')
}
