/**
 * One failing and one passing module per rule (`fixtures/<rule>/{bad,good}/`): the failing one draws
 * exactly that finding, at that place; the passing one draws nothing at all, compiler included.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LINT_RULES, lint } from '../src/index.js'

const FIXTURES = fileURLToPath(new URL('fixtures/', import.meta.url))

const CASES: ReadonlyArray<{ rule: string; file: string; line: number; column: number; severity?: 'error' }> = [
  { rule: 'image-alt-uninformative', file: 'module.md', line: 10, column: 1 },
  { rule: 'media-transcript-empty', file: 'module.md', line: 10, column: 44 },
  { rule: 'heading-level-skipped', file: 'module.md', line: 10, column: 1 },
  { rule: 'link-text-vague', file: 'module.md', line: 8, column: 21 },
  { rule: 'colour-only-cue', file: 'module.md', line: 9, column: 1 },
  { rule: 'question-missing-feedback', file: 'module.md', line: 10, column: 1 },
  { rule: 'completion-missing-pass-mark', file: 'module.md', line: 4, column: 13 },
  { rule: 'page-too-long', file: '01-principes.md', line: 1, column: 1 },
  { rule: 'duration-mismatch', file: 'module.md', line: 4, column: 11 },
  { rule: 'state-too-large', file: 'module.md', line: 1, column: 1, severity: 'error' },
  { rule: 'state-near-limit', file: 'module.md', line: 1, column: 1 },
  { rule: 'interaction-description-cut', file: 'module.md', line: 10, column: 1 },
  { rule: 'scenario-path-cut', file: 'module.md', line: 9, column: 1 },
  { rule: 'asset-name-not-ascii', file: 'module.md', line: 8, column: 1 },
  { rule: 'media-format-risky', file: 'module.md', line: 8, column: 21 },
]

describe('lint rules on their fixtures', () => {
  it.each(CASES.map((entry) => [entry.rule, entry] as const))('lint/%s: the failing module draws it, at its place', async (_, { rule, file, line, column, severity }) => {
    const report = await lint({ paths: ['bad'], cwd: `${FIXTURES}${rule}` })
    const found = report.diagnostics.map((diagnostic) => ({
      ruleId: diagnostic.ruleId,
      severity: diagnostic.severity,
      file: diagnostic.file,
      line: diagnostic.line,
      column: diagnostic.column,
    }))
    expect(found).toEqual([{ ruleId: `lint/${rule}`, severity: severity ?? 'warning', file: `bad/${file}`, line, column }])
    const diagnostic = report.diagnostics[0]!
    expect(diagnostic.source).toBe('lint')
    expect(Object.values(LINT_RULES).map((entry) => entry.id)).toContain(diagnostic.ruleId)
    expect(diagnostic.hint).toBeTruthy()
    expect(report.modules).toEqual([{ id: expect.stringMatching(/-bad$/), dir: 'bad' }])
  })

  it.each(CASES.map((entry) => entry.rule))('lint/%s: the passing module draws nothing', async (rule) => {
    const report = await lint({ paths: ['good'], cwd: `${FIXTURES}${rule}` })
    expect(report.diagnostics).toEqual([])
    expect(report.modules).toEqual([{ id: expect.stringMatching(/-good$/), dir: 'good' }])
  })

  it('points a state finding at the free-text questions that fill it', async () => {
    const report = await lint({ paths: ['bad'], cwd: `${FIXTURES}state-too-large` })
    expect(report.diagnostics[0]?.notes).toEqual([
      { message: 'free text of up to 2000 characters (up to 6000 in the state)', file: 'bad/module.md', line: 9, column: 1 },
    ])
  })

  it('lints every module under a folder, in folder order', async () => {
    const report = await lint({ paths: ['heading-level-skipped'], cwd: FIXTURES })
    expect(report.modules).toEqual([
      { id: 'headings-bad', dir: 'heading-level-skipped/bad' },
      { id: 'headings-good', dir: 'heading-level-skipped/good' },
    ])
    expect(report.diagnostics.map((diagnostic) => diagnostic.file)).toEqual(['heading-level-skipped/bad/module.md'])
  })
})
