/** `cafes lint` as users run it: spawned, from the repository root, with the user's folder in INIT_CWD. */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const FIXTURES = fileURLToPath(new URL('fixtures/', import.meta.url))

function cafes(args: string[], userDir = FIXTURES) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: userDir },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('cafes lint (spawned)', () => {
  it('exits 0 on a clean module, with the summary line', () => {
    expect(cafes(['lint', 'heading-level-skipped/good'])).toEqual({ code: 0, stdout: '1 module: 0 errors, 0 warnings\n', stderr: '' })
  }, 60_000)

  it('prints warnings in the compiler format and exits 0; --strict makes them fail', () => {
    const plain = cafes(['lint', 'heading-level-skipped'])
    expect(plain.code).toBe(0)
    expect(plain.stdout).toBe('2 modules: 0 errors, 1 warning\n')
    expect(plain.stderr).toBe(
      'heading-level-skipped/bad/module.md:10:1: warning: This level-3 heading follows a level-1 heading: screen-reader users, who move from heading to heading, think a section is missing [lint/heading-level-skipped]\n' +
        '  hint: Use `##` here, or add the level between them.\n',
    )
    const strict = cafes(['lint', 'heading-level-skipped', '--strict'])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toBe(plain.stderr)
    expect(cafes(['lint', 'heading-level-skipped/good', '--strict']).code).toBe(0)
  }, 60_000)

  it('exits 1 on errors, with or without --strict', () => {
    const result = cafes(['lint', 'state-too-large/bad'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^state-too-large\/bad\/module\.md:1:1: error: .* \[lint\/state-too-large\]$/m)
    expect(result.stdout).toBe('1 module: 1 error, 0 warnings\n')
  }, 60_000)

  it('prints { diagnostics, modules } with --json, and nothing on stderr', () => {
    const result = cafes(['lint', 'link-text-vague', '--json'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout) as { diagnostics: unknown[]; modules: unknown[] }
    expect(Object.keys(report)).toEqual(['diagnostics', 'modules'])
    expect(report.modules).toEqual([
      { id: 'links-bad', dir: 'link-text-vague/bad' },
      { id: 'links-good', dir: 'link-text-vague/good' },
    ])
    expect(report.diagnostics).toEqual([
      {
        severity: 'warning',
        ruleId: 'lint/link-text-vague',
        source: 'lint',
        message:
          'The link text `cliquez ici` does not say where the link goes; screen-reader users often list the links of a page out of their sentences',
        hint: 'Name the destination in the link itself, e.g. `[le guide de la CNIL sur l’IA](…)` rather than `[cliquez ici](…)`.',
        file: 'link-text-vague/bad/module.md',
        line: 8,
        column: 21,
      },
    ])
    expect(cafes(['lint', 'link-text-vague', '--json', '--strict']).code).toBe(1)
  }, 60_000)

  it('exits 1 on a path that holds no module', () => {
    const result = cafes(['lint', 'nowhere'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^nowhere: error: `nowhere` does not exist \[path-not-found\]$/m)
    expect(result.stdout).toBe('0 modules: 1 error, 0 warnings\n')
  }, 60_000)

  it.each([
    [['lint'], /no module or folder to lint/],
    [['lint', 'x', '--nope'], /unknown option '--nope'/],
  ])('exits 2 on the usage error %j', (args, message) => {
    const { code, stdout, stderr } = cafes(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
  }, 60_000)

  it('documents its options', () => {
    const { code, stdout } = cafes(['lint', '--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('Usage: cafes lint <module-or-folder>... [options]')
    expect(stdout).toContain('--strict')
    expect(stdout).toContain('--json')
    expect(cafes(['--help']).stdout).toContain('lint <module-or-folder>...')
  }, 60_000)
})
