import { describe, expect, it } from 'vitest'
import { NoneTracker, browserStorage, noneStorageKey } from './none.js'

function memoryStorage(): { getItem(key: string): string | null; setItem(key: string, value: string): void; data: Map<string, string> } {
  const data = new Map<string, string>()
  return { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), data }
}

describe('no-LMS tracker', () => {
  it('keys progress by course id and version', () => {
    expect(noneStorageKey({ id: 'demo', version: '1.2.0' })).toBe('cafes:demo:1.2.0')
  })

  it('keeps location and state in storage, and reads them back', () => {
    const storage = memoryStorage()
    const first = new NoneTracker({ storageKey: 'k', storage, fallback: false })
    expect(first.start()).toEqual({ mode: 'normal', credit: true, suspendData: '', location: '', learnerId: '' })
    first.saveProgress('quiz', '1~abc')
    first.finish('suspend', 10)
    first.saveProgress('intro', 'later')
    expect(new NoneTracker({ storageKey: 'k', storage, fallback: false }).start()).toMatchObject({ location: 'quiz', suspendData: '1~abc' })
    expect(first.health()).toBe('connected')
  })

  it('is detached when standing in for a missing LMS', () => {
    expect(new NoneTracker({ storageKey: 'k', storage: memoryStorage(), fallback: true }).health()).toBe('detached')
  })

  it('is failing when storage refuses writes, and never throws', () => {
    const tracker = new NoneTracker({
      storageKey: 'k',
      storage: { getItem: () => '{not json', setItem: () => { throw new Error('quota') } },
      fallback: false,
    })
    expect(tracker.start()).toMatchObject({ location: '', suspendData: '' })
    expect(() => tracker.saveProgress('a', 'b')).not.toThrow()
    expect(tracker.health()).toBe('failing')
    expect(tracker.commit()).toBe(false)
  })

  it('treats a storage the browser refuses as absent', () => {
    const win = Object.defineProperty({}, 'localStorage', { get: () => { throw new Error('SecurityError') } })
    expect(browserStorage(win)).toBeNull()
    const tracker = new NoneTracker({ storageKey: 'k', storage: null, fallback: false })
    expect(tracker.start().location).toBe('')
    expect(tracker.health()).toBe('failing')
  })
})
