import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as cli from './index.js'

describe('@cafes/cli', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(cli).sort()).toEqual([
      'COMMANDS',
      'EXIT',
      'GLOBAL_OPTIONS',
      'UsageError',
      'VERSION',
      'commandHelp',
      'formatPackages',
      'mainHelp',
      'printDiagnostics',
      'runCli',
    ])
  })

  it('reads its version from package.json', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(cli.VERSION).toBe(packageJson.version)
  })

  it('declares each option once, with a description', () => {
    for (const { spec: command } of cli.COMMANDS) {
      const names = command.options.map((option) => option.name)
      expect(new Set(names).size).toBe(names.length)
      for (const option of command.options) expect(option.description.length).toBeGreaterThan(0)
      expect(cli.commandHelp(command)).toContain(`Usage: cafes ${command.name}`)
    }
  })

  it('prints one aligned line per written zip', () => {
    const text = cli.formatPackages([
      { module: 'a', version: '1.0.0', target: 'scorm12', zip: 'out/a-1.0.0-scorm12.zip', size: 18_400, fileCount: 9, state: { length: 212, limit: 4096 }, diagnostics: [], durationMs: 1 },
      { module: 'a', version: '1.0.0', target: 'web', zip: 'out/a-1.0.0-web.zip', size: 8_100, fileCount: 3, diagnostics: [], durationMs: 1 },
      { module: 'b', version: '1.0.0', target: 'web', diagnostics: [], durationMs: 1 },
    ])
    expect(text).toBe(
      'out/a-1.0.0-scorm12.zip  18.4 kB  9 files  state 212/4096\n' +
      'out/a-1.0.0-web.zip       8.1 kB  3 files\n',
    )
  })
})
