import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { VERSION } from './cli.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const BIN = 'packages/cli/src/bin.ts'

/** Runs the CLI as `pnpm cafes` does: from the repository root, with the user's folder in INIT_CWD. */
function cafes(args: string[], userDir = ROOT) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: userDir },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function userFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cafes-cli-'))
  mkdirSync(join(dir, 'modules', 'good'), { recursive: true })
  writeFileSync(join(dir, 'modules', 'good', 'module.md'), '---\nid: good\ntitle: Bon module\n---\n\n# Bienvenue\n\nBonjour.\n')
  mkdirSync(join(dir, 'modules', 'bad'), { recursive: true })
  writeFileSync(join(dir, 'modules', 'bad', 'module.md'), '---\nid: bad\n---\n\n# Sans titre\n')
  return dir
}

describe('cafes (spawned)', () => {
  it('prints help and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout } = cafes([flag])
      expect(code).toBe(0)
      expect(stdout).toContain('Usage: cafes <command> [options]')
      expect(stdout).toContain('build <module-or-folder>...')
    }
    const build = cafes(['build', '--help'])
    expect(build.code).toBe(0)
    expect(build.stdout).toContain('Usage: cafes build <module-or-folder>... [options]')
    expect(build.stdout).toContain('--target <target>')
    expect(build.stdout).toContain('scorm12, scorm2004, xapi, cmi5 or web')
    expect(build.stdout).toContain('--out <dir>')
    expect(build.stdout).toContain('--json')
  }, 60_000)

  it('prints the version and exits 0', () => {
    expect(cafes(['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n` })
  }, 30_000)

  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--nope'], /unknown option '--nope'/],
    [['build'], /no module or folder to build/],
    [['build', 'x', '--nope'], /unknown option '--nope'/],
    [['build', 'x', '--out'], /argument missing/],
    [['build', 'x', '--target', 'scorm3000'], /unknown target 'scorm3000'; use scorm12, scorm2004, xapi, cmi5, web/],
    [['build', 'x', '--target', 'xapi,tincan'], /unknown target 'tincan'/],
  ])('exits 2 on the usage error %j', (args, message) => {
    const { code, stdout, stderr } = cafes(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr).toMatch(/^cafes: /)
  }, 30_000)

  it('builds from the user folder, exits 0, one line per zip', () => {
    const dir = userFolder()
    const { code, stdout, stderr } = cafes(['build', 'modules/good', '--target', 'scorm12', '--target', 'web'], dir)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['good-1.0.0-scorm12.zip', 'good-1.0.0-web.zip'])
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^out\/good-1\.0\.0-scorm12\.zip {2}\s*\d+\.\d kB {2}\s*\d+ files {2}state \d+\/4096$/)
    expect(lines[1]).toMatch(/^out\/good-1\.0\.0-web\.zip {2}\s*\d+\.\d kB {2}\s*\d+ files$/)
    expect(lines[2]).toMatch(/^2 packages written in \d+\.\d\d s$/)
  }, 120_000)

  it('builds xAPI and cmi5 packages, each with its descriptor', () => {
    const dir = userFolder()
    const { code, stdout, stderr } = cafes(['build', 'modules/good', '--target', 'xapi,cmi5', '--json'], dir)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const output = JSON.parse(stdout) as { packages: { target: string; zip: string; fileCount: number }[] }
    expect(output.packages.map((entry) => [entry.target, entry.zip, entry.fileCount])).toEqual([
      ['xapi', 'out/good-1.0.0-xapi.zip', 4],
      ['cmi5', 'out/good-1.0.0-cmi5.zip', 4],
    ])
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['good-1.0.0-cmi5.zip', 'good-1.0.0-xapi.zip'])
  }, 120_000)

  it('exits 1 on content errors, prints them on stderr relative to the user folder, and builds the rest', () => {
    const dir = userFolder()
    const { code, stdout, stderr } = cafes(['build', 'modules', '--target', 'web', '--out', 'dist/zips'], dir)
    expect(code).toBe(1)
    expect(stderr).toMatch(/^modules\/bad\/module\.md:\d+:\d+: error: .+ \[[a-z0-9-]+\]$/m)
    expect(stdout).toContain('dist/zips/good-1.0.0-web.zip')
    expect(stdout).toMatch(/1 package written in .+, 1 error/)
    expect(readdirSync(join(dir, 'dist', 'zips'))).toEqual(['good-1.0.0-web.zip'])
  }, 120_000)

  it('prints diagnostics and packages as JSON with --json', () => {
    const dir = userFolder()
    const { code, stdout, stderr } = cafes(['build', 'modules', '--target', 'web', '--json'], dir)
    expect(code).toBe(1)
    expect(stderr).toBe('')
    const output = JSON.parse(stdout) as { diagnostics: { severity: string; file: string }[]; packages: { module: string; zip?: string }[] }
    expect(output.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: 'modules/bad/module.md' })])
    expect(output.packages).toEqual([expect.objectContaining({ module: 'good', zip: 'out/good-1.0.0-web.zip' })])
  }, 120_000)
})
