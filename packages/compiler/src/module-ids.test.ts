import { formatDiagnostic } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { defaultMeta } from './frontmatter.js'
import { checkDuplicateModuleIds } from './index.js'
import type { CompiledModule } from './types.js'

function compiled(dir: string, id: string): CompiledModule {
  const meta = { ...defaultMeta(), id, title: id }
  return {
    dir,
    meta,
    config: {},
    course: { format: 1, id, iri: `https://example.org/xapi/${id}`, title: id, language: 'fr', version: '1.0.0', completion: 'pages', pages: [], quizzes: [] },
    assets: [],
    idPlace: { line: 2, column: 1 },
  }
}

describe('checkDuplicateModuleIds', () => {
  it('reports each module whose id an earlier one has, on its id line, pointing at the first', () => {
    const diagnostics = checkDuplicateModuleIds(
      [compiled('/w/a', 'cafe'), compiled('/w/b', 'autre'), compiled('/w/c', 'cafe'), compiled('/w/d', '')],
      '/w',
    )
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'c/module.md:2:1: error: Another module of this build already has the id `cafe`; LMSs key learner records on it [module-duplicate-id]\n' +
        '  hint: Give each module its own `id` in the front matter of its `module.md`, for example its folder name.\n' +
        '  note: a/module.md:2:1: first defined here',
    ])
  })

  it('reports nothing when ids differ', () => {
    expect(checkDuplicateModuleIds([compiled('/w/a', 'a'), compiled('/w/b', 'b')], '/w')).toEqual([])
  })
})
