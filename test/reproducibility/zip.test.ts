import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/build-modules.js'

/** Runs the CLI as a user would, in a time zone of our choosing. */
function buildIn(timeZone: string): string {
  const outDir = mkdtempSync(join(tmpdir(), `cafes-repro-${timeZone.replace('/', '-')}-`))
  execFileSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', 'build', 'examples', '--target', 'scorm12,scorm2004,xapi,cmi5,web', '--out', outDir], {
    cwd: ROOT,
    env: { ...process.env, TZ: timeZone, INIT_CWD: ROOT },
    stdio: 'pipe',
  })
  return outDir
}

describe('reproducible builds', () => {
  it('gives byte-identical zips across two builds in two time zones', () => {
    const first = buildIn('UTC')
    const second = buildIn('Pacific/Kiritimati')
    const names = readdirSync(first).filter((name) => name.endsWith('.zip')).sort()
    expect(names.length).toBeGreaterThanOrEqual(15)
    expect(readdirSync(second).filter((name) => name.endsWith('.zip')).sort()).toEqual(names)
    for (const name of names) {
      expect(readFileSync(join(first, name)).equals(readFileSync(join(second, name))), name).toBe(true)
    }
  }, 120_000)
})
