import { describe, expect, it, vi } from 'vitest'
import type { Course } from '@cafes/core'
import { demoCourse } from '../../test/fixtures.js'
import { PlayerEngine } from '../engine/engine.js'
import type { Outbox, XapiStatement } from './lrs-outbox.js'
import { XapiTracker } from './xapi.js'
import type { Cmi5Launch, StatementSession } from './xapi-statements.js'

/** An outbox that keeps what it is given: the tracker's whole output. */
function fakeOutbox() {
  const sent: XapiStatement[] = []
  const states: unknown[] = []
  let pending = 0
  const outbox: Outbox = {
    send: (statements) => { sent.push(...statements); pending += statements.length },
    saveState: (document) => { states.push(document) },
    unsentState: undefined,
    flush: async () => { pending = 0 },
    flushOnExit: vi.fn(),
    health: () => 'connected',
    onHealthChange: () => {},
    pendingCount: () => pending,
  }
  return { outbox, sent, states, verbs: () => sent.map((statement) => String((statement['verb'] as { id: string }).id).split('/').at(-1)) }
}

function session(course: Course, cmi5?: Partial<Cmi5Launch>): StatementSession {
  let id = 0
  return {
    course,
    actor: { objectType: 'Agent', name: 'Camille', account: { homePage: 'https://lms', name: 'c42' } },
    registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
    activityId: course.iri,
    newId: () => `id-${++id}`,
    now: () => new Date(),
    ...(cmi5 ? { cmi5: { contextTemplate: {}, launchMode: 'Normal', ...cmi5 } } : {}),
  }
}

/** Shows every page, then answers on the last one. */
function play(engine: PlayerEngine, answers: Record<string, string[]>) {
  engine.course.pages.forEach((_, index) => engine.goTo(index))
  for (const [question, response] of Object.entries(answers)) engine.answer(question, response)
}

describe('xAPI tracker', () => {
  it('initializes, experiences each page once (the first too), answers, completes, passes, terminates — in that order', () => {
    const course = demoCourse()
    const { outbox, verbs, states } = fakeOutbox()
    const engine = new PlayerEngine(course, new XapiTracker(session(course), outbox, null))
    engine.start()
    play(engine, { 'q-single': ['b'], 'q-multiple': ['a', 'b', 'd'] })
    engine.finish()
    expect(verbs()).toEqual(['initialized', 'experienced', 'experienced', 'experienced', 'answered', 'answered', 'completed', 'passed', 'terminated'])
    expect(states.at(-1)).toMatchObject({ location: 'quiz' })
  })

  it('resumes from the saved state: `resumed` after `initialized`, the bookmark restored, `suspended` before `terminated`', () => {
    const course = demoCourse()
    const first = fakeOutbox()
    const engine = new PlayerEngine(course, new XapiTracker(session(course), first.outbox, null))
    engine.start()
    engine.goTo(1)
    const saved = first.states.at(-1) as { location: string; suspendData: string }
    engine.finish()
    expect(first.verbs().slice(-2)).toEqual(['suspended', 'terminated'])

    const second = fakeOutbox()
    const resumed = new PlayerEngine(course, new XapiTracker(session(course), second.outbox, saved))
    resumed.start()
    expect(resumed.pageIndex).toBe(1)
    expect(second.verbs()).toEqual(['initialized', 'resumed'])
  })

  it('cmi5 Browse: initialized and terminated only', () => {
    const course = demoCourse()
    const { outbox, verbs } = fakeOutbox()
    const engine = new PlayerEngine(course, new XapiTracker(session(course, { launchMode: 'Browse' }), outbox, null))
    engine.start()
    play(engine, { 'q-single': ['b'], 'q-multiple': ['a', 'b', 'd'] })
    engine.finish()
    expect(verbs()).toEqual(['initialized', 'terminated'])
  })

  it('cmi5: the LMS mastery score decides passed or failed on the final score', () => {
    const course = demoCourse()
    const { outbox, sent, verbs } = fakeOutbox()
    // 2/3 of the weight right: 67, a fail by the course's 80, a pass by the LMS's 0.6.
    const engine = new PlayerEngine(course, new XapiTracker(session(course, { masteryScore: 0.6 }), outbox, null))
    engine.start()
    play(engine, { 'q-single': ['a'], 'q-multiple': ['a', 'b', 'd'] })
    expect(verbs()).toContain('passed')
    const passed = sent.find((statement) => String((statement['verb'] as { id: string }).id).endsWith('/passed'))!
    expect(passed['result']).toMatchObject({ success: true, score: { raw: 67, scaled: 0.67 } })
  })

  it('goes to returnURL once terminated is delivered, not when the page is being hidden', async () => {
    vi.useFakeTimers()
    try {
      const course = demoCourse()
      const { outbox } = fakeOutbox()
      const go = vi.fn()
      const tracker = new XapiTracker(session(course, { returnURL: 'https://lms/back' }), outbox, null, go)
      const engine = new PlayerEngine(course, tracker)
      engine.start()
      engine.finish()
      await vi.runAllTimersAsync()
      expect(go).toHaveBeenCalledWith('https://lms/back')

      const hidden = new XapiTracker(session(course, { returnURL: 'https://lms/back' }), fakeOutbox().outbox, null, go)
      const other = new PlayerEngine(course, hidden)
      other.start()
      other.finish()
      hidden.pageHidden()
      go.mockClear()
      await vi.runAllTimersAsync()
      expect(go).not.toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }
  })
})
