import { describe, expect, it } from 'vitest'
import * as preview from './index.js'

describe('@cafes/preview', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(preview).sort()).toEqual([
      'DEFAULT_DEBOUNCE_MS',
      'DEFAULT_PORT',
      'PREVIEW_RULES',
      'PreviewStartError',
      'errorOverlay',
      'isIgnoredChange',
      'measureReload',
      'startPreview',
      'watchModule',
    ])
  })

  it('names its rules <subject>-<problem>, each once', () => {
    const ids = Object.values(preview.PREVIEW_RULES).map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^preview-[a-z]+(-[a-z]+)+$/)
  })
})
