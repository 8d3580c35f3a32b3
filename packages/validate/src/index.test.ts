import { describe, expect, it } from 'vitest'
import * as validate from './index.js'

describe('@cafes/validate', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(validate).sort()).toEqual(['DEFAULT_ZIP_LIMITS', 'VALIDATE_RULES', 'chromiumPath', 'hasChromium', 'launchChromium', 'validatePackage'])
  })

  it('keeps rule ids unique and kebab-case', () => {
    const ids = Object.values(validate.VALIDATE_RULES).map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/)
  })
})
