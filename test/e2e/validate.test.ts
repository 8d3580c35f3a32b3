import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readZip } from '@cafes/lms-sim'
import { writeZip } from '@cafes/packager'
import type { Diagnostic } from '@cafes/core'
import { buildModules, ROOT, zipPath } from '../support/build-modules.js'

/**
 * `cafes validate` as users run it (`pnpm cafes`, spawned from the repository root with
 * the user's folder in INIT_CWD), on demo-quiz's zips; `--launch` plays them in Debian's
 * Chromium against lms-sim.
 */

let userDir: string

beforeAll(async () => {
  const outDir = await buildModules(['examples/demo-quiz'], ['scorm2004', 'xapi', 'web'])
  userDir = mkdtempSync(join(tmpdir(), 'cafes-validate-cli-'))
  mkdirSync(join(userDir, 'zips'))
  for (const target of ['scorm2004', 'xapi', 'web'] as const) {
    copyFileSync(zipPath(outDir, 'demo-quiz', '1.2.0', target), join(userDir, 'zips', `demo-${target}.zip`))
  }
  // A web package whose page throws, and a SCORM one whose manifest names no launch file.
  const web = await readZip(join(userDir, 'zips', 'demo-web.zip'))
  const throwing = web.map((entry) =>
    entry.name === 'player.js'
      ? { path: entry.name, data: Buffer.concat([Buffer.from('throw new Error("boom at load");\n'), entry.data]) }
      : { path: entry.name, data: entry.data },
  )
  await writeZip(throwing, join(userDir, 'zips', 'throwing-web.zip'))
  const scorm = await readZip(join(userDir, 'zips', 'demo-scorm2004.zip'))
  const broken = scorm.filter((entry) => entry.name !== 'index.html').map((entry) => ({ path: entry.name, data: entry.data }))
  await writeZip(broken, join(userDir, 'zips', 'broken-scorm2004.zip'))
})

function cafes(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: userDir, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('cafes validate (spawned)', () => {
  it('prints one summary line per zip and exits 0 when all are valid', () => {
    const { code, stdout, stderr } = cafes(['validate', 'zips/demo-scorm2004.zip', 'zips/demo-xapi.zip', 'zips/demo-web.zip'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^zips\/demo-scorm2004\.zip +scorm2004 \(2004 4th Edition\) +\d+ files +[\d.]+ kB +OK$/)
    expect(lines[1]).toMatch(/^zips\/demo-xapi\.zip +xapi +\d+ files +[\d.]+ kB +OK$/)
    expect(lines[2]).toMatch(/^zips\/demo-web\.zip +web +\d+ files +[\d.]+ kB +OK$/)
  }, 120_000)

  it('prints compiler-style diagnostics with the zip path and exits 1 on errors', () => {
    const { code, stdout, stderr } = cafes(['validate', 'zips/broken-scorm2004.zip', 'zips/demo-xapi.zip'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^zips\/broken-scorm2004\.zip!imsmanifest\.xml:\d+:\d+: error: `<file href="index\.html">` names a file that is not in the package \[manifest-file-missing\]$/m)
    expect(stdout).toMatch(/^zips\/broken-scorm2004\.zip .* \d+ errors?(, \d+ warnings?)?$/m)
    expect(stdout).toMatch(/^zips\/demo-xapi\.zip .* OK$/m)
  }, 120_000)

  it('prints diagnostics and reports as JSON with --json', () => {
    const { code, stdout, stderr } = cafes(['validate', 'zips/broken-scorm2004.zip', '--json'])
    expect(code).toBe(1)
    expect(stderr).toBe('')
    const output = JSON.parse(stdout) as { diagnostics: Diagnostic[]; packages: { file: string; format: string; edition: string; files: number }[] }
    expect(output.packages).toEqual([expect.objectContaining({ file: 'zips/broken-scorm2004.zip', format: 'scorm2004', edition: '2004 4th Edition' })])
    expect(output.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('manifest-file-missing')
    expect(output.diagnostics.every((diagnostic) => diagnostic.source === 'packager' || diagnostic.source === 'validate')).toBe(true)
  }, 120_000)

  it('exits 2 without a zip, 1 on a missing one', () => {
    expect(cafes(['validate'])).toMatchObject({ code: 2, stdout: '' })
    const missing = cafes(['validate', 'zips/nope.zip'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^zips\/nope\.zip: error: The file is not a readable zip: it does not exist \[zip-unreadable\]$/m)
  }, 60_000)

  it('--launch plays a SCORM and an xAPI package: initialise, record, terminate', () => {
    const { code, stdout, stderr } = cafes(['validate', '--launch', 'zips/demo-scorm2004.zip', 'zips/demo-xapi.zip'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('  launch: initialize ok, set-value ok, commit ok, terminate ok\n')
    expect(stdout).toContain('  launch: initialized ok, terminated ok\n')
  }, 180_000)

  it('--launch reports a page that throws', () => {
    const { code, stdout, stderr } = cafes(['validate', '--launch', 'zips/throwing-web.zip'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^zips\/throwing-web\.zip: error: The page threw while it ran: boom at load \[launch-page-error\]$/m)
    expect(stdout).toContain('  launch: load ok\n')
  }, 120_000)

  it('--launch says clearly when Chromium is missing', () => {
    const { code, stderr } = cafes(['validate', '--launch', 'zips/demo-web.zip'], { CAFES_CHROMIUM: '/nonexistent/chromium' })
    expect(code).toBe(1)
    expect(stderr).toContain('--launch needs Chromium, which is not at `/nonexistent/chromium` [launch-browser-missing]')
    expect(stderr).toContain('apt-get install -y chromium')
  }, 60_000)
})
