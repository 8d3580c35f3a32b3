import { describe, expect, it } from 'vitest'
import * as compiler from './index.js'

describe('@cafes/compiler', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(compiler).sort()).toEqual([
      'checkDuplicateModuleIds',
      'compileModule',
      'configSchema',
      'directiveAttributePlace',
      'findModules',
      'loadConfig',
      'moduleSchema',
      'readModuleSources',
      'rules',
    ])
  })

  it('gives every rule a permanent kebab-case id of its own', () => {
    const ids = Object.values(compiler.rules).map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/)
  })
})
