import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

function cafes(args: string[], userDir = ROOT) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: userDir },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('cafes build --facilitator', () => {
  it('is documented in `cafes build --help`', () => {
    const { code, stdout } = cafes(['build', '--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/--facilitator\s+Also write <id>-<version>-facilitator\.zip, a printable session guide/)
  }, 30_000)

  it('writes the facilitator edition beside the asked targets and prints it like the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cafes-cli-facilitator-'))
    mkdirSync(join(dir, 'anim'))
    writeFileSync(
      join(dir, 'anim', 'module.md'),
      '---\nid: anim\ntitle: Animer\n---\n\n# Animer\n\nBonjour.\n\n:::facilitator{in-person=5}\nFaites un tour de table.\n:::\n',
    )
    const { code, stdout, stderr } = cafes(['build', 'anim', '--target', 'web', '--facilitator'], dir)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['anim-1.0.0-facilitator.zip', 'anim-1.0.0-web.zip'])
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^out\/anim-1\.0\.0-web\.zip {2}\s*\d+\.\d kB {2}\s*\d+ files$/)
    expect(lines[1]).toMatch(/^out\/anim-1\.0\.0-facilitator\.zip {2}\s*\d+\.\d kB {2}\s*2 files$/)
    expect(lines[2]).toMatch(/^2 packages written in \d+\.\d\d s$/)

    const json = cafes(['build', 'anim', '--target', 'scorm12', '--facilitator', '--json'], dir)
    expect(json.code).toBe(0)
    const packages = JSON.parse(json.stdout).packages as { target: string; edition?: string; zip: string }[]
    expect(packages.map((entry) => [entry.target, entry.edition, entry.zip])).toEqual([
      ['scorm12', undefined, 'out/anim-1.0.0-scorm12.zip'],
      ['web', 'facilitator', 'out/anim-1.0.0-facilitator.zip'],
    ])
  }, 120_000)

  it('takes no value', () => {
    const { code, stderr } = cafes(['build', 'x', '--facilitator=yes'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^cafes: .*facilitator/)
  }, 30_000)
})
