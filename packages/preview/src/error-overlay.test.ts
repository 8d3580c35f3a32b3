import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '@cafes/core'
import { errorOverlay } from './error-overlay.js'

function folder(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'cafes-overlay-'))
  mkdirSync(join(cwd, 'demo'))
  writeFileSync(join(cwd, 'demo', '01-page.md'), ['# Page', '', 'Texte.', '', ':::bogus', 'hello', ':::', ''].join('\n'))
  return cwd
}

const unknownDirective: Diagnostic = {
  severity: 'error',
  ruleId: 'directive-unknown',
  source: 'compiler',
  message: 'Unknown directive `:::bogus`',
  hint: 'Known directives: `:::quiz`…',
  file: 'demo/01-page.md',
  line: 5,
  column: 1,
}

describe('errorOverlay', () => {
  it('gives each error its place, message, rule, hint and the lines around it, the line marked', () => {
    const overlay = errorOverlay([unknownDirective], folder())
    expect(overlay).toEqual({
      errors: [
        {
          location: 'demo/01-page.md:5:1',
          message: 'Unknown directive `:::bogus`',
          ruleId: 'directive-unknown',
          hint: 'Known directives: `:::quiz`…',
          excerpt: {
            column: 1,
            lines: [
              { line: 3, text: 'Texte.', marked: false },
              { line: 4, text: '', marked: false },
              { line: 5, text: ':::bogus', marked: true },
              { line: 6, text: 'hello', marked: false },
              { line: 7, text: ':::', marked: false },
            ],
          },
        },
      ],
      warningCount: 0,
    })
  })

  it('cuts the excerpt at the start of the file and keeps the column', () => {
    const overlay = errorOverlay([{ ...unknownDirective, line: 1, column: 3 }], folder())
    expect(overlay?.errors[0]?.excerpt).toEqual({
      column: 3,
      lines: [
        { line: 1, text: '# Page', marked: true },
        { line: 2, text: '', marked: false },
        { line: 3, text: 'Texte.', marked: false },
      ],
    })
  })

  it('has no excerpt when the file cannot be read or the error has no line', () => {
    const cwd = folder()
    const overlay = errorOverlay(
      [
        { ...unknownDirective, file: 'demo/missing.md' },
        { severity: 'error', ruleId: 'no-module-found', source: 'compiler', message: 'No module', file: 'demo' },
      ],
      cwd,
    )
    expect(overlay?.errors.map((error) => [error.location, error.excerpt])).toEqual([
      ['demo/missing.md:5:1', undefined],
      ['demo', undefined],
    ])
  })

  it('counts warnings apart, and is null without an error', () => {
    const warning: Diagnostic = { ...unknownDirective, severity: 'warning', ruleId: 'image-missing-alt' }
    expect(errorOverlay([warning], folder())).toBeNull()
    expect(errorOverlay([unknownDirective, warning, warning], folder())?.warningCount).toBe(2)
  })
})
