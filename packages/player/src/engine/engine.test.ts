import { emptyState, encodeState, stateShape } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { RecordingTracker, courseWith, demoCourse, twoQuizCourse } from '../../test/fixtures.js'
import { PlayerEngine } from './engine.js'
import { buildReport, isRightAnswer, quizResult, weightedScore } from './scoring.js'

function clock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start
  return { now: () => time, advance: (ms) => void (time += ms) }
}

function started(course = demoCourse(), launch = {}, now = clock().now) {
  const tracker = new RecordingTracker(launch)
  const engine = new PlayerEngine(course, tracker, { now })
  engine.start()
  return { engine, tracker }
}

describe('scoring', () => {
  const course = demoCourse()
  const [single, multiple] = course.pages[2]!.blocks[0]!.kind === 'quiz' ? course.pages[2]!.blocks[0]!.questions : []

  it('a multiple-choice answer is right only with exactly the right choices', () => {
    expect(isRightAnswer(multiple!, [0, 1, 3])).toBe(true)
    expect(isRightAnswer(multiple!, [0, 1])).toBe(false)
    expect(isRightAnswer(multiple!, [0, 1, 2, 3])).toBe(false)
    expect(isRightAnswer(multiple!, [])).toBe(false)
    expect(isRightAnswer(single!, [1])).toBe(true)
    expect(isRightAnswer(single!, [0])).toBe(false)
  })

  it('weights answers: round(100 × right weight / total weight)', () => {
    expect(weightedScore([single!, multiple!], [[1], [0, 1, 3]])).toBe(100)
    expect(weightedScore([single!, multiple!], [[1], [0]])).toBe(33)
    expect(weightedScore([single!, multiple!], [[0], [0, 1, 3]])).toBe(67)
    expect(weightedScore([single!, multiple!], [null, null])).toBe(0)
    expect(weightedScore([], [])).toBeNull()
  })

  it('judges each quiz against its own pass mark', () => {
    const two = twoQuizCourse()
    const questions = two.pages[0]!.blocks.flatMap((block) => (block.kind === 'quiz' ? block.questions : []))
    const state = { answers: [[0], [0], [1]] }
    expect(quizResult(two.quizzes[0]!, questions, state)).toMatchObject({ complete: true, score: 100, passed: true })
    expect(quizResult(two.quizzes[1]!, questions, state)).toMatchObject({ complete: true, score: 75, passed: false })
    // Module score 80 ≥ every pass mark but one: failed.
    const report = buildReport(two, questions, { page: 0, seen: [true], answers: [[0], [0], [1]], interactionCount: 3, reported: false })
    expect(report).toEqual({ completion: 'incomplete', success: 'failed', progress: 1, final: true, score: { raw: 80, min: 0, max: 100, scaled: 0.8 } })
  })
})

describe('PlayerEngine', () => {
  it('starts on the first page, marks it seen, saves and reports progress', () => {
    const { engine, tracker } = started()
    expect(engine.pageIndex).toBe(0)
    expect(engine.state.seen).toEqual([true, false, false])
    const shape = stateShape(demoCourse())
    expect(tracker.calls).toEqual([
      ['start'],
      ['reportResult', { completion: 'incomplete', success: 'unknown', progress: 1 / 3, final: false }],
      ['saveProgress', 'intro', encodeState({ ...emptyState(shape), seen: [true, false, false] }, shape)],
    ])
  })

  it('navigates, saving the page id as the location', () => {
    const { engine, tracker } = started()
    engine.next()
    engine.next()
    engine.next()
    expect(engine.pageIndex).toBe(2)
    engine.previous()
    engine.goTo(99)
    expect(engine.pageIndex).toBe(1)
    const saves = tracker.calls.filter((call) => call[0] === 'saveProgress').map((call) => call[1])
    expect(saves).toEqual(['intro', 'notions', 'quiz', 'notions'])
    // Going back to a seen page sends no progress report.
    expect(tracker.reports()).toHaveLength(3)
  })

  it('locks an answered question: one attempt', () => {
    const { engine, tracker } = started()
    expect(engine.answer('q-single', ['a'])).toBe(true)
    expect(engine.answer('q-single', ['b'])).toBe(false)
    expect(engine.answerOf('q-single')).toEqual({ selected: ['a'], correct: false })
    expect(engine.answer('q-single', [])).toBe(false)
    expect(engine.answer('nope', ['a'])).toBe(false)
    expect(engine.answer('q-multiple', [])).toBe(false)
    expect(tracker.answers()).toHaveLength(1)
  })

  it('rejects two choices for a single-choice question', () => {
    const { engine } = started()
    expect(engine.answer('q-single', ['a', 'b'])).toBe(false)
    expect(engine.answerOf('q-single')).toBeNull()
  })

  it('records each answer as an interaction with its own counter', () => {
    const time = clock()
    const { engine, tracker } = started(demoCourse(), {}, time.now)
    engine.goTo(2)
    time.advance(12_340)
    engine.answer('q-multiple', ['d', 'a'])
    engine.answer('q-single', ['b'])
    expect(tracker.answers()).toEqual([
      {
        index: 0, questionId: 'q-multiple', type: 'multiple', description: 'Question q-multiple ?',
        response: ['a', 'd'], correctResponse: ['a', 'b', 'd'], correct: false, weight: 2,
        timestamp: new Date(time.now()), latencyMs: 12_340,
      },
      {
        index: 1, questionId: 'q-single', type: 'single', description: 'Question q-single ?',
        response: ['b'], correctResponse: ['b'], correct: true, weight: 1,
        timestamp: new Date(time.now()), latencyMs: 12_340,
      },
    ])
    expect(engine.state.interactionCount).toBe(2)
  })

  describe('completion rules', () => {
    function passAll(engine: PlayerEngine): void {
      engine.answer('q-single', ['b'])
      engine.answer('q-multiple', ['a', 'b', 'd'])
    }

    it('pages-and-passed: final once every page is seen and the quiz passed', () => {
      const { engine, tracker } = started(courseWith('pages-and-passed'))
      passAll(engine)
      expect(tracker.reports().some((report) => report.final)).toBe(false)
      engine.goTo(1)
      engine.goTo(2)
      const finals = tracker.reports().filter((report) => report.final)
      expect(finals).toEqual([{ completion: 'completed', success: 'passed', progress: 1, final: true, score: { raw: 100, min: 0, max: 100, scaled: 1 } }])
      expect(engine.state.reported).toBe(true)
    })

    it('passed: final as soon as the quiz is passed, pages unseen', () => {
      const { engine, tracker } = started(courseWith('passed'))
      passAll(engine)
      expect(tracker.reports().at(-1)).toEqual({
        completion: 'completed', success: 'passed', progress: 1 / 3, final: true, score: { raw: 100, min: 0, max: 100, scaled: 1 },
      })
    })

    it('a failed quiz with every question answered is final: failed, no retry', () => {
      const { engine, tracker } = started(courseWith('pages-and-passed'))
      engine.answer('q-single', ['b'])
      engine.answer('q-multiple', ['a'])
      expect(tracker.reports().at(-1)).toEqual({
        completion: 'incomplete', success: 'failed', progress: 1 / 3, final: true, score: { raw: 33, min: 0, max: 100, scaled: 0.33 },
      })
      engine.goTo(1)
      engine.goTo(2)
      expect(tracker.reports().filter((report) => report.final)).toHaveLength(1)
      expect(tracker.reports()).toHaveLength(2)
    })

    it('pages: completed when every page is seen, score only when every question is answered', () => {
      const { engine, tracker } = started(courseWith('pages'))
      engine.answer('q-single', ['a'])
      engine.goTo(1)
      engine.goTo(2)
      expect(tracker.reports().at(-1)).toEqual({ completion: 'completed', success: 'unknown', progress: 1, final: true })
      engine.answer('q-multiple', ['a', 'b', 'd'])
      expect(tracker.reports().filter((report) => report.final)).toHaveLength(1)
    })

    it('pages: the score goes with the final report when every question is already answered', () => {
      const { engine, tracker } = started(courseWith('pages'))
      engine.answer('q-single', ['a'])
      engine.answer('q-multiple', ['a', 'b', 'd'])
      expect(tracker.reports().some((report) => report.final)).toBe(false)
      engine.goTo(1)
      engine.goTo(2)
      expect(tracker.reports().at(-1)).toEqual({
        completion: 'completed', success: 'failed', progress: 1, final: true, score: { raw: 67, min: 0, max: 100, scaled: 0.67 },
      })
    })

    it('a module without questions completes by its pages', () => {
      const course = demoCourse({ completion: 'pages', quizzes: [], pages: demoCourse().pages.slice(0, 2) })
      const { engine, tracker } = started(course)
      engine.next()
      expect(tracker.reports().at(-1)).toEqual({ completion: 'completed', success: 'unknown', progress: 1, final: true })
    })
  })

  it('sends the final report once per attempt, and none on resume when it was sent', () => {
    const course = courseWith('passed')
    const first = started(course)
    first.engine.answer('q-single', ['b'])
    first.engine.answer('q-multiple', ['a', 'b', 'd'])
    const saved = first.tracker.calls.filter((call) => call[0] === 'saveProgress').at(-1) as ['saveProgress', string, string]
    const second = started(course, { suspendData: saved[2], location: saved[1] })
    second.engine.next()
    expect(second.tracker.reports()).toEqual([])
  })

  it('resumes from an encoded state: page, seen pages, locked answers, interaction counter', () => {
    const course = demoCourse()
    const shape = stateShape(course)
    const suspendData = encodeState({ page: 1, seen: [true, true, false], answers: [[0], null], interactionCount: 1, reported: false }, shape)
    const { engine, tracker } = started(course, { suspendData, location: 'notions', initialStatus: 'incomplete' })
    expect(engine.pageIndex).toBe(1)
    expect(engine.answerOf('q-single')).toEqual({ selected: ['a'], correct: false })
    engine.answer('q-multiple', ['a', 'b', 'd'])
    expect(tracker.answers()[0]!.index).toBe(1)
    expect(tracker.reports().at(-1)).toMatchObject({ final: true, success: 'failed', score: { raw: 67 } })
  })

  it('prefers the location to the state page, and ignores a state of another course version', () => {
    const { engine } = started(demoCourse(), { suspendData: '1~other~0~1~.~0~0', location: 'quiz' })
    expect(engine.pageIndex).toBe(2)
    expect(engine.state.seen).toEqual([false, false, true])
  })

  it('sends no progress report over a status the LMS already holds as finished', () => {
    const { engine, tracker } = started(demoCourse(), { initialStatus: 'completed' })
    engine.next()
    expect(tracker.reports()).toEqual([])
  })

  it.each([
    ['browse', { mode: 'browse' as const }],
    ['review', { mode: 'review' as const }],
    ['no-credit', { credit: false }],
  ])('%s: no status, no score, no interaction; the state is left as it was, the location kept', (_name, launch) => {
    const course = courseWith('passed')
    const { engine, tracker } = started(course, { ...launch, suspendData: '' })
    engine.goTo(2)
    expect(engine.answer('q-single', ['b'])).toBe(true)
    engine.answer('q-multiple', ['a', 'b', 'd'])
    expect(engine.graded).toBe(false)
    expect(tracker.reports()).toEqual([])
    expect(tracker.answers()).toEqual([])
    const saves = tracker.calls.filter((call) => call[0] === 'saveProgress')
    expect(saves.at(-1)).toEqual(['saveProgress', 'quiz', ''])
  })

  it('finishes once: exit suspend while unfinished, with the session time; nothing after', () => {
    const time = clock()
    const { engine, tracker } = started(demoCourse(), {}, time.now)
    time.advance(65_000)
    engine.finish()
    engine.finish()
    engine.next()
    engine.commit()
    expect(engine.answer('q-single', ['b'])).toBe(false)
    expect(tracker.calls.filter((call) => call[0] === 'finish')).toEqual([['finish', 'suspend', 65_000]])
    expect(tracker.calls.at(-1)).toEqual(['finish', 'suspend', 65_000])
    expect(engine.finished).toBe(true)
  })

  it('finishes with exit normal once the attempt is over', () => {
    const { engine, tracker } = started(courseWith('passed'))
    engine.answer('q-single', ['b'])
    engine.answer('q-multiple', ['a', 'b', 'd'])
    engine.finish()
    expect(tracker.calls.at(-1)?.[1]).toBe('normal')
  })

  it('tells listeners about each change, and commits on request', () => {
    const { engine, tracker } = started()
    let changes = 0
    const stop = engine.subscribe(() => changes++)
    engine.next()
    engine.commit()
    stop()
    engine.next()
    expect(changes).toBe(2)
    expect(tracker.calls.filter((call) => call[0] === 'commit')).toHaveLength(1)
  })
})
