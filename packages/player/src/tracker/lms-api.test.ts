import { describe, expect, it } from 'vitest'
import { MAX_PARENT_HOPS, type WindowLike, findApi, findApiNow } from './lms-api.js'

const api12 = { LMSInitialize: () => 'true' }
const api2004 = { Initialize: () => 'true' }

/** A window whose parent is `parent` (or itself at the top), with extra properties. */
function win(parent: WindowLike | null, props: Record<string, unknown> = {}): WindowLike {
  const self: Record<string, unknown> = { opener: null, ...props }
  self.parent = parent ?? self
  return self as WindowLike
}

/** A cross-origin window: reading any property but `parent`/`opener` throws. */
function foreign(parent: WindowLike | null): WindowLike {
  const target: Record<string, unknown> = {}
  const proxy: WindowLike = new Proxy(target, {
    get(_target, property) {
      if (property === 'parent') return parent ?? proxy
      if (property === 'opener') return null
      throw new DOMException('Blocked a frame with origin', 'SecurityError')
    },
  })
  return proxy
}

describe('API discovery', () => {
  it('walks the parent chain upwards', () => {
    const lms = win(null, { API: api12 })
    const player = win(win(win(lms)))
    expect(findApiNow('scorm12', player)).toBe(api12)
  })

  it('finds the API on the window itself', () => {
    expect(findApiNow('scorm2004', win(null, { API_1484_11: api2004 }))).toBe(api2004)
  })

  it('looks only for its own edition', () => {
    const lms = win(null, { API: api12 })
    expect(findApiNow('scorm2004', win(lms))).toBeNull()
    const both = win(null, { API: api12, API_1484_11: api2004 })
    expect(findApiNow('scorm2004', win(both))).toBe(api2004)
    expect(findApiNow('scorm12', win(both))).toBe(api12)
  })

  it('skips a parent whose properties throw, and keeps climbing', () => {
    const lms = win(null, { API_1484_11: api2004 })
    const player = win(foreign(win(lms)))
    expect(findApiNow('scorm2004', player)).toBe(api2004)
  })

  it('survives a window whose parent itself throws', () => {
    const broken = new Proxy({}, { get: () => { throw new Error('denied') } }) as WindowLike
    expect(findApiNow('scorm12', broken)).toBeNull()
    expect(findApiNow('scorm12', win(broken))).toBeNull()
  })

  it('ignores an object named API that is not one', () => {
    expect(findApiNow('scorm12', win(win(null, { API: { version: 1 } })))).toBeNull()
  })

  it('then follows the opener of the outermost window, and its parent chain', () => {
    const lms = win(null, { API: api12 })
    const opener = win(win(lms))
    const popupTop = win(null, { opener })
    const player = win(win(popupTop))
    expect(findApiNow('scorm12', player)).toBe(api12)
  })

  it("then the player window's own opener", () => {
    const opener = win(null, { API_1484_11: api2004 })
    const player = win(null, { opener })
    expect(findApiNow('scorm2004', player)).toBe(api2004)
  })

  it(`stops after ${MAX_PARENT_HOPS} parents`, () => {
    let top = win(null, { API: api12 })
    for (let hop = 0; hop < MAX_PARENT_HOPS; hop++) top = win(top)
    expect(findApiNow('scorm12', top)).toBe(api12)
    expect(findApiNow('scorm12', win(top))).toBeNull()
  })

  it('never reads the topmost window through `top`', () => {
    const player = new Proxy(win(null) as object, {
      get(target, property) {
        if (property === 'top') throw new Error('read top')
        return Reflect.get(target, property)
      },
    }) as WindowLike
    expect(() => findApiNow('scorm12', player)).not.toThrow()
  })

  it('retries 3 times 250 ms apart, then reports no LMS', async () => {
    const waits: number[] = []
    const result = await findApi('scorm12', { from: win(null), sleep: async (ms) => void waits.push(ms) })
    expect(result).toBeNull()
    expect(waits).toEqual([250, 250, 250])
  })

  it('finds an API that appears while retrying', async () => {
    const player = win(null) as Record<string, unknown>
    const result = await findApi('scorm12', {
      from: player as WindowLike,
      sleep: async () => void (player.API = api12),
    })
    expect(result).toBe(api12)
  })
})
