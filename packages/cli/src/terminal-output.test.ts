/**
 * What `cafes build` prints on a terminal (code frames, colour, progress) and what it prints
 * elsewhere (the plain contract, unchanged), through `runCli` with `tty` set either way.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatDiagnostic } from '@cafes/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runCli } from './cli.js'
import { printDiagnostics } from './command.js'

function userFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cafes-tty-'))
  writeFileSync(join(dir, 'cafes.config.yaml'), '')
  for (const id of ['alpha', 'beta']) {
    mkdirSync(join(dir, 'modules', id), { recursive: true })
    writeFileSync(join(dir, 'modules', id, 'module.md'), `---\nid: ${id}\ntitle: Module ${id}\n---\n\n# Bienvenue\n`)
  }
  mkdirSync(join(dir, 'modules', 'gamma'), { recursive: true })
  writeFileSync(join(dir, 'modules', 'gamma', 'module.md'), '---\nid: gamma\ntitle: Gamma\npassmark: 80\n---\n\n# Bienvenue\n')
  return dir
}

async function run(args: string[], cwd: string, tty: boolean) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { cwd, tty, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) })
  return { code, stdout, stderr }
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('cafes build on a terminal', () => {
  it('shows each diagnostic with its source lines and a caret, in colour, and one progress line per module', async () => {
    vi.stubEnv('NO_COLOR', '')
    const dir = userFolder()
    const { code, stderr } = await run(['build', 'modules', '--target', 'web'], dir, true)
    expect(code).toBe(1)
    const lines = stderr.split('\n')
    // Progress comes as modules are packaged; diagnostics once the build is done.
    expect(lines[2]).toBe(
      '\u001b[1mmodules/gamma/module.md:4:1:\u001b[22m \u001b[31m\u001b[1merror:\u001b[22m\u001b[39m ' +
        '\u001b[1mUnknown front-matter key `passmark`\u001b[22m \u001b[2m[frontmatter-unknown-key]\u001b[22m',
    )
    expect(stderr).toContain('\u001b[31m>\u001b[39m \u001b[2m4 |\u001b[22m passmark: 80\n')
    expect(stderr).toContain('\u001b[36mhint:\u001b[39m Did you mean `passMark`?')
    expect(lines.filter((line) => line.startsWith('['))).toEqual([
      expect.stringMatching(/^\[1\/2\] alpha {2}1 package {2}\d+\.\d\d s$/),
      expect.stringMatching(/^\[2\/2\] beta {2}1 package {2}\d+\.\d\d s$/),
    ])
  }, 60_000)

  it('drops the colour when NO_COLOR is set, and keeps the frame', async () => {
    vi.stubEnv('NO_COLOR', '1')
    const dir = userFolder()
    const { stderr } = await run(['build', 'modules/gamma', '--target', 'web'], dir, true)
    expect(stderr).toBe(
      [
        'modules/gamma/module.md:4:1: error: Unknown front-matter key `passmark` [frontmatter-unknown-key]',
        '  3 | title: Gamma',
        '> 4 | passmark: 80',
        '    | ^^^^^^^^',
        '  5 | ---',
        '  hint: Did you mean `passMark`?',
        '',
      ].join('\n'),
    )
  }, 60_000)
})

describe('cafes build elsewhere (a pipe, a CI log)', () => {
  it('prints the plain contract, byte for byte, and no progress', async () => {
    vi.stubEnv('NO_COLOR', '')
    const dir = userFolder()
    const { code, stderr } = await run(['build', 'modules', '--target', 'web'], dir, false)
    expect(code).toBe(1)
    expect(stderr).toBe(
      'modules/gamma/module.md:4:1: error: Unknown front-matter key `passmark` [frontmatter-unknown-key]\n' +
        '  hint: Did you mean `passMark`?\n',
    )
  }, 60_000)
})

describe('printDiagnostics', () => {
  const diagnostic = {
    severity: 'warning' as const,
    ruleId: 'page-missing-title',
    source: 'compiler',
    message: 'No title',
    hint: 'Add one.',
    file: 'absent/page.md',
    line: 3,
    column: 2,
    notes: [{ message: 'first defined here', file: 'a.md', line: 1, column: 1 }],
  }

  it('prints formatDiagnostic off a terminal, even when given a cwd', () => {
    let text = ''
    printDiagnostics([diagnostic], { err: (chunk) => void (text += chunk), cwd: '/nowhere' })
    expect(text).toBe(`${formatDiagnostic(diagnostic)}\n`)
  })

  it('prints no frame for a file it cannot read, and no frame for a file-level diagnostic', () => {
    vi.stubEnv('NO_COLOR', '1')
    let text = ''
    const { line: _line, column: _column, ...fileLevel } = diagnostic
    printDiagnostics([diagnostic, fileLevel], { err: (chunk) => void (text += chunk), tty: true, cwd: '/nowhere' })
    expect(text).toBe(`${formatDiagnostic(diagnostic)}\n${formatDiagnostic(fileLevel)}\n`)
  })
})
