import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/build-modules.js'
import { runRelease } from './run-release.js'

function temporaryDir(): string {
  return mkdtempSync(join(tmpdir(), 'cafes-release-'))
}

/** A copy of `examples/texte-seul` (the smallest example) at `dir`, with front-matter lines replaced. */
function textOnlyModule(dir: string, replace: Record<string, string> = {}): void {
  cpSync(join(ROOT, 'examples', 'texte-seul'), dir, { recursive: true })
  let source = readFileSync(join(dir, 'module.md'), 'utf8')
  for (const [from, to] of Object.entries(replace)) source = source.replace(from, to)
  writeFileSync(join(dir, 'module.md'), source)
}

/** Every file under `dir` with its bytes, hidden ones included. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((name) => {
        const path = join(dir, name)
        return [name, statSync(path).isDirectory() ? '<dir>' : readFileSync(path).toString('base64')]
      }),
  )
}

describe('pnpm release with an empty catalogue', () => {
  it('says there is no module, writes an empty index and exits 0', async () => {
    const modules = join(temporaryDir(), 'modules')
    mkdirSync(modules)
    const out = join(temporaryDir(), 'dist')
    const run = await runRelease(['--modules', modules, '--out', out])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^No module in .*\/modules\/ yet \(a module is a folder holding module\.md\): wrote an empty catalogue, .*SHA256SUMS, .*index\.json, .*index\.html\.\n$/)
    expect(readdirSync(out).sort()).toEqual(['SHA256SUMS', 'index.html', 'index.json'])
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))).toEqual({ modules: [] })
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toBe('')
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<p>Le catalogue ne contient encore aucun module.</p>')
  })

  it('reads modules/ and writes dist/ by default, from where pnpm was run', async () => {
    // A folder laid out like the repository, so the test does not depend on the catalogue.
    const root = temporaryDir()
    mkdirSync(join(root, 'modules'))
    const run = await runRelease(['--json'], { INIT_CWD: root })
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'released', index: { modules: [] }, workers: 0 })
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['SHA256SUMS', 'index.html', 'index.json'])
  })
})

describe('pnpm release usage errors (exit 2, nothing written)', () => {
  it('rejects unknown options and stray arguments', async () => {
    const unknown = await runRelease(['--target', 'web'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/^pnpm release: Unknown option '--target'\nRun `pnpm release --help` for its options\.\n$/)
    const stray = await runRelease(['examples'])
    expect(stray.status).toBe(2)
    expect(stray.stderr).toMatch(/unexpected argument 'examples'; name the folder with --modules/)
  })

  it('prints its help', async () => {
    const help = await runRelease(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Usage: pnpm release \[--modules <dir>\] \[--out <dir>\] \[--json\]/)
  })

  it('rejects a --modules that is not a folder', async () => {
    const out = join(temporaryDir(), 'dist')
    const run = await runRelease(['--modules', join(temporaryDir(), 'nowhere'), '--out', out])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^pnpm release: --modules: .*\/nowhere\/ is not a folder\n$/)
    expect(existsSync(out)).toBe(false)
  })

  it('rejects a SOURCE_DATE_EPOCH that is not a number of seconds', async () => {
    const out = join(temporaryDir(), 'dist')
    const run = await runRelease(['--modules', 'examples', '--out', out], { SOURCE_DATE_EPOCH: '2024-01-01' })
    expect(run.status).toBe(2)
    expect(run.stderr).toBe("pnpm release: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not '2024-01-01'\n")
    expect(existsSync(out)).toBe(false)
  })

  it('refuses an --out folder holding files no release wrote, and leaves them', async () => {
    const out = temporaryDir()
    writeFileSync(join(out, 'notes.txt'), 'mine')
    writeFileSync(join(out, 'other.zip'), 'not ours')
    const run = await runRelease(['--modules', 'examples', '--out', out])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/holds files no release wrote \(notes\.txt, other\.zip\); a release replaces the whole folder/)
    expect(snapshot(out)).toEqual({ 'notes.txt': Buffer.from('mine').toString('base64'), 'other.zip': Buffer.from('not ours').toString('base64') })
  })
})

describe('pnpm release over an earlier release', () => {
  it('fails on a broken module and on a duplicate id, printing each error, and leaves the earlier release as it was', async () => {
    const modules = temporaryDir()
    const out = join(temporaryDir(), 'dist')
    // The earlier release: an empty catalogue.
    expect((await runRelease(['--modules', modules, '--out', out])).status).toBe(0)
    const before = snapshot(out)

    textOnlyModule(join(modules, 'a', 'texte-seul'))
    textOnlyModule(join(modules, 'b', 'texte-seul'))
    textOnlyModule(join(modules, 'casse'), { 'id: texte-seul': 'id: Pas Un Slug' })
    const run = await runRelease(['--modules', modules, '--out', out])
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^.*\/casse\/module\.md:2:5: error: `id` must be a slug .* \[frontmatter-invalid-value\]$/m)
    expect(run.stderr).toMatch(/^.*\/b\/texte-seul\/module\.md:2:\d+: error: Another module of the catalogue, `.*\/a\/texte-seul\/module\.md`, has the id `texte-seul`.* \[release-duplicate-module-id\]$/m)
    expect(run.stderr).toMatch(/Release failed \(2 errors\): .*\/dist\/ was left as it was\.\n$/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(snapshot(out)).toEqual(before)
  }, 180_000)

  it('replaces the earlier release whole: a new version\'s zips in, the old ones out', async () => {
    const modules = temporaryDir()
    const out = join(temporaryDir(), 'dist')
    textOnlyModule(join(modules, 'texte-seul'))
    expect((await runRelease(['--modules', modules, '--out', out])).status).toBe(0)
    expect(readdirSync(out)).toContain('texte-seul-1.0.0-scorm12.zip')

    textOnlyModule(join(modules, 'texte-seul'), { 'version: 1.0.0': 'version: 1.1.0' })
    const run = await runRelease(['--modules', modules, '--out', out])
    expect(run.status, run.stderr).toBe(0)
    const names = readdirSync(out).sort()
    expect(names).toEqual([
      'SHA256SUMS',
      'index.html',
      'index.json',
      ...['cmi5', 'facilitator', 'scorm12', 'scorm2004', 'web', 'xapi'].map((target) => `texte-seul-1.1.0-${target}.zip`),
    ])
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).not.toContain('1.0.0')
  }, 180_000)
})
