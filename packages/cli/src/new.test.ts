import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lint } from '@cafes/lint'
import { describe, expect, it } from 'vitest'
import { moduleId } from './commands/new.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

function cafes(args: string[], userDir: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: userDir },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const userFolder = () => mkdtempSync(join(tmpdir(), 'cafes-new-'))

describe('cafes new (spawned)', () => {
  it('creates a module that builds for every target and lints with no diagnostic', async () => {
    const dir = userFolder()
    const created = cafes(['new', 'modules/Éthique de l’IA'], dir)
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('(module id `ethique-de-l-ia`)')
    const moduleDir = join(dir, 'modules', 'Éthique de l’IA')
    expect(readdirSync(moduleDir).sort()).toEqual(['01-quiz.md', '02-en-pratique.md', '03-pour-aller-plus-loin.md', 'assets', 'module.md'])
    // No staging folder is left beside it.
    expect(readdirSync(join(dir, 'modules'))).toEqual(['Éthique de l’IA'])
    const moduleMd = readFileSync(join(moduleDir, 'module.md'), 'utf8')
    expect(moduleMd).toMatch(/^---\nid: ethique-de-l-ia\ntitle: Éthique de l’IA\nlanguage: fr\n/)
    for (const key of ['version', 'description', 'duration', 'objectives', 'passMark', 'completion']) {
      expect(moduleMd).toMatch(new RegExp(`^${key}:`, 'm'))
    }

    const built = cafes(['build', 'modules', '--target', 'scorm12,scorm2004,xapi,cmi5,web', '--json'], dir)
    expect(built.stderr).toBe('')
    expect(built.code).toBe(0)
    const report = JSON.parse(built.stdout) as { diagnostics: unknown[]; packages: { zip?: string }[] }
    expect(report.diagnostics).toEqual([])
    expect(report.packages.map((entry) => entry.zip)).toEqual(
      ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'].map((target) => `out/ethique-de-l-ia-1.0.0-${target}.zip`),
    )

    const linted = await lint({ paths: ['modules'], cwd: dir })
    expect(linted.diagnostics).toEqual([])
    expect(linted.modules.map((module) => module.id)).toEqual(['ethique-de-l-ia'])
  }, 180_000)

  it('shows one of each common block', () => {
    const scaffold = fileURLToPath(new URL('./scaffold/', import.meta.url))
    const text = readdirSync(scaffold)
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(join(scaffold, name), 'utf8'))
      .join('\n')
    for (const block of ['::::quiz{', ':::question{#', 'multiple}', 'type=true-false', '::::scenario{', '::::defi{', '::::tabs{', '::::cards', ':::facilitator{', ':::tip[']) {
      expect(text, block).toContain(block)
    }
    expect(text).toMatch(/^ {2}> /m)
    expect(text).toMatch(/!\[[^\]]+\]\(assets\/relecture\.svg\)/)
  })

  it('creates the module in an existing empty folder', () => {
    const dir = userFolder()
    mkdirSync(join(dir, 'vide'))
    const { code, stdout } = cafes(['new', 'vide'], dir)
    expect(code).toBe(0)
    expect(stdout).toContain('(module id `vide`)')
    expect(statSync(join(dir, 'vide', 'module.md')).isFile()).toBe(true)
  }, 60_000)

  it('refuses a folder that is not empty, and changes nothing in it', () => {
    const dir = userFolder()
    mkdirSync(join(dir, 'plein'))
    writeFileSync(join(dir, 'plein', 'notes.txt'), 'à garder')
    const { code, stdout, stderr } = cafes(['new', 'plein'], dir)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      'plein: error: This folder already exists and is not empty; `cafes new` never overwrites files [new-folder-not-empty]\n' +
        '  hint: Choose a new folder name, e.g. `cafes new modules/mon-module`, or empty the folder first.\n',
    )
    expect(readdirSync(join(dir, 'plein'))).toEqual(['notes.txt'])
    expect(readdirSync(dir)).toEqual(['plein'])
  }, 60_000)

  it('refuses a name that is a file', () => {
    const dir = userFolder()
    writeFileSync(join(dir, 'module'), '')
    const { code, stderr } = cafes(['new', 'module'], dir)
    expect(code).toBe(1)
    expect(stderr).toMatch(/^module: error: A file already has this name; .+ \[new-folder-not-empty\]$/m)
  }, 60_000)

  it('refuses a folder name that gives no id, with a hint', () => {
    const dir = userFolder()
    const { code, stderr } = cafes(['new', '日本語'], dir)
    expect(code).toBe(1)
    expect(stderr).toMatch(/^日本語: error: `日本語` gives no module id: .+ \[new-invalid-id\]\n {2}hint: Name the folder with letters or digits/)
    expect(readdirSync(dir)).toEqual([])
  }, 60_000)

  it.each([
    [[], /no folder to create/],
    [['a', 'b'], /one folder at a time, not 2/],
    [['a', '--target', 'web'], /unknown option '--target'/],
  ])('exits 2 on the usage error %j', (args, message) => {
    const { code, stderr } = cafes(['new', ...args], userFolder())
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  }, 60_000)
})

describe('moduleId', () => {
  it.each([
    ['transparence', 'transparence'],
    ['Mon Module', 'mon-module'],
    ['Éthique_&_IA', 'ethique-ia'],
    ['cœur--2025', 'coeur-2025'],
    ['-x-', 'x'],
    ['日本語', ''],
  ])('%s → %s', (name, id) => {
    expect(moduleId(name)).toBe(id)
  })
})
