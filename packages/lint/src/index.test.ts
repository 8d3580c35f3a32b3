import { describe, expect, it } from 'vitest'
import * as lintPackage from './index.js'

describe('@cafes/lint', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(lintPackage).sort()).toEqual(['LINT_RULES', 'lint'])
  })

  it('gives every rule a permanent id of its own, `lint/<subject>-<problem>`, a message and a hint', () => {
    const rules = Object.values(lintPackage.LINT_RULES)
    const ids = rules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of rules) {
      expect(rule.id).toMatch(/^lint\/[a-z0-9]+(-[a-z0-9]+)+$/)
      expect(['error', 'warning']).toContain(rule.severity)
      expect(rule.hint).toBeTruthy()
    }
  })
})
