import { type ChallengeBlock, type Course, type Response, type ScenarioBlock, decodeState, emptyState, encodeState, stateShape } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { RecordingTracker, allTypesCourse, blocksCourse, courseWith, demoCourse } from '../../test/fixtures.js'
import { PlayerEngine } from './engine.js'
import { optionOrder } from './option-order.js'

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

  it('locks an answered question: one answer per attempt', () => {
    const { engine, tracker } = started()
    expect(engine.answer('q-single', ['a'])).toEqual({ response: ['a'], correct: false, correctResponse: ['b'] })
    expect(engine.answer('q-single', ['b'])).toBeNull()
    expect(engine.answerOf('q-single')).toEqual({ response: ['a'], correct: false, correctResponse: ['b'] })
    expect(engine.answer('q-single', [])).toBeNull()
    expect(engine.answer('nope', ['a'])).toBeNull()
    expect(engine.answer('q-multiple', [])).toBeNull()
    expect(tracker.answers()).toHaveLength(1)
  })

  it('rejects two choices for a single-choice question', () => {
    const { engine } = started()
    expect(engine.answer('q-single', ['a', 'b'])).toBeNull()
    expect(engine.answerOf('q-single')).toBeNull()
  })

  it('records each answer as an interaction with its own counter', () => {
    const time = clock()
    const { engine, tracker } = started(demoCourse(), {}, time.now)
    engine.goTo(2)
    time.advance(12_340)
    engine.answer('q-multiple', ['d', 'a'])
    engine.answer('q-single', ['b'])
    const questions = engine.questions
    expect(tracker.answers()).toEqual([
      { index: 0, question: questions[1], response: ['a', 'd'], correct: false, weight: 2, timestamp: new Date(time.now()), latencyMs: 12_340 },
      { index: 1, question: questions[0], response: ['b'], correct: true, weight: 1, timestamp: new Date(time.now()), latencyMs: 12_340 },
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

    it('a failed quiz with every question answered and no attempt left is final: failed', () => {
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
    const suspendData = encodeState({ page: 1, seen: [true, true, false], answers: [['a'], null], quizAttempts: [1], blocks: [], interactionCount: 1, reported: false }, shape)
    const { engine, tracker } = started(course, { suspendData, location: 'notions', initialStatus: 'incomplete' })
    expect(engine.pageIndex).toBe(1)
    expect(engine.answerOf('q-single')).toEqual({ response: ['a'], correct: false, correctResponse: ['b'] })
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
    expect(engine.answer('q-single', ['b'])).toMatchObject({ correct: true })
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
    expect(engine.answer('q-single', ['b'])).toBeNull()
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

/** Right responses to every question of `allTypesCourse`, in course order. */
const RIGHT: Record<string, Response> = {
  'q-single': ['b'], 'q-multiple': ['d', 'a', 'b'], 'q-tf': false, 'q-fill': ' lutece ', 'q-num': '42,0', 'q-range': '45,5',
  'q-match': [['3', 'd'], ['1', 'b'], ['2', 'a']], 'q-seq': ['a', 'b', 'c', 'd'], 'q-likert': ['c'], 'q-reflect': 'Je retiens :\nexpliquer.',
}
/** Wrong responses to the scored questions (the poll as in RIGHT). */
const WRONG: Record<string, Response> = {
  ...RIGHT,
  'q-single': ['a'], 'q-multiple': ['a'], 'q-tf': true, 'q-fill': 'Londres', 'q-num': '41', 'q-range': '46',
  'q-match': [['1', 'a']], 'q-seq': ['d', 'c', 'b', 'a'],
}
const SCORED_IDS = ['q-single', 'q-multiple', 'q-tf', 'q-fill', 'q-num', 'q-range', 'q-match', 'q-seq']

function answerAll(engine: PlayerEngine, responses: Record<string, Response>, ids = Object.keys(responses)): void {
  for (const id of ids) expect(engine.answer(id, responses[id]!), id).not.toBeNull()
}

function lastSave(tracker: RecordingTracker): ['saveProgress', string, string] {
  return tracker.calls.filter((call) => call[0] === 'saveProgress').at(-1) as ['saveProgress', string, string]
}

describe('PlayerEngine: every question type', () => {
  it('checks, keeps and returns each answer: response as kept, verdict, right answer', () => {
    const { engine } = started(allTypesCourse({ attempts: 1 }))
    expect(engine.answer('q-single', ['b'])).toEqual({ response: ['b'], correct: true, correctResponse: ['b'] })
    expect(engine.answer('q-multiple', ['d', 'a'])).toEqual({ response: ['a', 'd'], correct: false, correctResponse: ['a', 'b', 'd'] })
    expect(engine.answer('q-tf', true)).toEqual({ response: true, correct: false, correctResponse: false })
    expect(engine.answer('q-fill', ' lutece ')).toEqual({ response: ' lutece ', correct: true, correctResponse: 'Paris' })
    expect(engine.answer('q-num', '42,0')).toEqual({ response: '42,0', correct: true, correctResponse: '42' })
    expect(engine.answer('q-range', '46')).toEqual({ response: '46', correct: false, correctResponse: '40–45.5' })
    expect(engine.answer('q-match', [['3', 'd'], ['1', 'b']])).toEqual({
      response: [['1', 'b'], ['3', 'd']], correct: false, correctResponse: [['1', 'b'], ['2', 'a'], ['3', 'd']],
    })
    expect(engine.answer('q-seq', ['a', 'b', 'c', 'd'])).toEqual({ response: ['a', 'b', 'c', 'd'], correct: true, correctResponse: ['a', 'b', 'c', 'd'] })
    // Unscored: no verdict, no right answer.
    expect(engine.answer('q-likert', ['e'])).toEqual({ response: ['e'], correct: null, correctResponse: null })
    expect(engine.answer('q-reflect', 'Une idée')).toEqual({ response: 'Une idée', correct: null, correctResponse: null })
    expect(engine.answerOf('q-match')).toEqual(engine.answer('q-match', [['2', 'a']]) ?? engine.answerOf('q-match'))
  })

  it('shows the right answers of a quiz with attempts left only once it is passed or out of attempts', () => {
    const { engine } = started(allTypesCourse({ attempts: 2 }))
    expect(engine.answer('q-single', ['a'])).toEqual({ response: ['a'], correct: false, correctResponse: null })
    for (const [id, response] of [['q-multiple', ['a']], ['q-tf', true], ['q-fill', 'x'], ['q-num', '1'], ['q-range', '1'], ['q-match', [['1', 'a']]], ['q-seq', ['d', 'c', 'b', 'a']]] as const) {
      engine.answer(id, response as never)
    }
    expect(engine.quizResult('quiz-all')).toMatchObject({ complete: true, passed: false, attemptsLeft: 1 })
    expect(engine.answerOf('q-single')!.correctResponse).toBeNull()
    expect(engine.retryQuiz('quiz-all')).toBe(true)
    expect(engine.answer('q-single', ['a'])!.correctResponse).toBeNull()
    for (const [id, response] of [['q-multiple', ['a']], ['q-tf', true], ['q-fill', 'x'], ['q-num', '1'], ['q-range', '1'], ['q-match', [['1', 'a']]], ['q-seq', ['d', 'c', 'b', 'a']]] as const) {
      engine.answer(id, response as never)
    }
    expect(engine.quizResult('quiz-all')).toMatchObject({ complete: true, passed: false, attemptsLeft: 0 })
    expect(engine.answerOf('q-single')!.correctResponse).toEqual(['b'])
  })

  it('hides the right answer when the quiz says so, keeps the verdict', () => {
    const { engine } = started(allTypesCourse({ showCorrect: false }))
    expect(engine.answer('q-single', ['a'])).toEqual({ response: ['a'], correct: false, correctResponse: null })
  })

  it('returns a copy: changing it changes nothing', () => {
    const { engine } = started(allTypesCourse())
    const view = engine.answer('q-match', [['1', 'b']])!
    ;(view.response as [string, string][])[0]![1] = 'c'
    expect(engine.answerOf('q-match')!.response).toEqual([['1', 'b']])
  })

  it.each<[string, unknown]>([
    ['q-single', []], ['q-single', ['a', 'b']], ['q-single', ['z']], ['q-single', 'b'],
    ['q-multiple', []], ['q-multiple', ['a', 'z']], ['q-multiple', [1]],
    ['q-tf', 'true'], ['q-tf', null],
    ['q-fill', ''], ['q-fill', '   '], ['q-fill', 'x'.repeat(41)], ['q-fill', ['Paris']],
    ['q-num', ''], ['q-num', 'quarante'], ['q-num', '1 000'], ['q-num', '12345678901'], ['q-num', 42],
    ['q-match', []], ['q-match', [['1', 'z']]], ['q-match', [['9', 'a']]], ['q-match', [['1', 'a'], ['1', 'b']]], ['q-match', [['1']]], ['q-match', ['1a']],
    ['q-seq', ['a', 'b', 'c']], ['q-seq', ['a', 'b', 'c', 'c']], ['q-seq', ['a', 'b', 'c', 'z']], ['q-seq', 'abcd'],
    ['q-likert', []], ['q-likert', ['a', 'b']], ['q-likert', ['z']],
    ['q-reflect', ''], ['q-reflect', 'x'.repeat(301)], ['q-reflect', true],
  ])('refuses %s %j: nothing kept, nothing sent', (id, response) => {
    const { engine, tracker } = started(allTypesCourse())
    const before = tracker.calls.length
    expect(engine.answer(id, response as Response)).toBeNull()
    expect(engine.answerOf(id)).toBeNull()
    expect(tracker.calls.length).toBe(before)
  })

  it('accepts a target paired with two sources, and a source left unpaired', () => {
    const { engine } = started(allTypesCourse())
    expect(engine.answer('q-match', [['2', 'a'], ['1', 'a']])?.response).toEqual([['1', 'a'], ['2', 'a']])
  })

  it('records one interaction per answer: the question, the response as kept, verdict (null unscored), weight (0 unscored)', () => {
    const time = clock()
    const course = allTypesCourse()
    const { engine, tracker } = started(course, {}, time.now)
    time.advance(5_000)
    answerAll(engine, RIGHT)
    const records = tracker.answers()
    expect(records.map((record) => [record.index, record.question.id, record.response, record.correct, record.weight])).toEqual([
      [0, 'q-single', ['b'], true, 1],
      [1, 'q-multiple', ['a', 'b', 'd'], true, 2],
      [2, 'q-tf', false, true, 1],
      [3, 'q-fill', ' lutece ', true, 1],
      [4, 'q-num', '42,0', true, 1],
      [5, 'q-range', '45,5', true, 1],
      [6, 'q-match', [['1', 'b'], ['2', 'a'], ['3', 'd']], true, 2],
      [7, 'q-seq', ['a', 'b', 'c', 'd'], true, 1],
      [8, 'q-likert', ['c'], null, 0],
      [9, 'q-reflect', 'Je retiens :\nexpliquer.', null, 0],
    ])
    expect(records.every((record) => record.question === engine.questions.find((question) => question.id === record.question.id))).toBe(true)
    expect(records[0]!.latencyMs).toBe(5_000)
    expect(tracker.reports().at(-1)).toEqual({
      completion: 'completed', success: 'passed', progress: 1 / 3, final: true, score: { raw: 100, min: 0, max: 100, scaled: 1 },
    })
  })

  it('resumes every type: answers, verdicts, attempts, counter, option order', () => {
    const course = allTypesCourse()
    const first = started(course, { learnerId: 'lea' })
    answerAll(first.engine, WRONG, SCORED_IDS)
    expect(first.engine.retryQuiz('quiz-all')).toBe(true)
    answerAll(first.engine, RIGHT, ['q-single', 'q-fill', 'q-match', 'q-seq', 'q-likert', 'q-reflect'])
    const orders = course.quizzes[0]!.questionIds.map((id) => first.engine.optionOrder(id))
    const [, location, suspendData] = lastSave(first.tracker)

    const second = started(course, { learnerId: 'lea', suspendData, location, initialStatus: 'incomplete' })
    for (const question of second.engine.questions) {
      expect(second.engine.answerOf(question.id), question.id).toEqual(first.engine.answerOf(question.id))
    }
    expect(second.engine.answerOf('q-reflect')?.response).toBe('Je retiens :\nexpliquer.')
    expect(second.engine.answerOf('q-num')).toBeNull()
    expect(second.engine.state.quizAttempts).toEqual([2, 1])
    expect(second.engine.quizResult('quiz-all')).toMatchObject({ attempt: 2, attemptsLeft: 0, complete: false })
    expect(course.quizzes[0]!.questionIds.map((id) => second.engine.optionOrder(id))).toEqual(orders)
    second.engine.answer('q-num', '42')
    expect(second.tracker.answers()[0]!.index).toBe(14)
  })

  it('shuffles per learner, the same at every launch of an attempt; anonymous learners share the course seed', () => {
    const course = allTypesCourse()
    const orderOf = (learnerId: string | undefined) => started(course, learnerId === undefined ? {} : { learnerId }).engine.optionOrder('q-multiple').join('')
    expect(orderOf('lea')).toBe(orderOf('lea'))
    const learners = Array.from({ length: 12 }, (_, index) => orderOf(`learner-${index}`))
    expect(new Set(learners).size).toBeGreaterThan(3)
    const question = course.pages[1]!.blocks[0]!.kind === 'quiz' ? course.pages[1]!.blocks[0]!.questions[1]! : null
    expect(orderOf('')).toBe(optionOrder(question!, { shuffle: true, seed: 'all-types|q-multiple|1' }).join(''))
    expect(orderOf(undefined)).toBe(orderOf(''))
    expect(orderOf('lea')).toBe(optionOrder(question!, { shuffle: true, seed: 'lea|q-multiple|1' }).join(''))
  })

  it('keeps the authored order when the quiz does not shuffle (but never for sequencing), and likert always', () => {
    const { engine } = started(allTypesCourse({ shuffle: false }), { learnerId: 'lea' })
    expect(engine.optionOrder('q-multiple')).toEqual(['a', 'b', 'c', 'd'])
    expect(engine.optionOrder('q-match')).toEqual(['a', 'b', 'c', 'd'])
    expect(engine.optionOrder('q-seq')).not.toEqual(['a', 'b', 'c', 'd'])
    expect(engine.optionOrder('q-likert')).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(engine.optionOrder('q-tf')).toEqual([])
    expect(engine.optionOrder('nope')).toEqual([])
  })
})

describe('PlayerEngine: attempts and retry', () => {
  it('a failed attempt with attempts left: no final report; retry clears the quiz, counts the attempt, saves', () => {
    const course = allTypesCourse()
    const { engine, tracker } = started(course, { learnerId: 'lea' })
    const order = engine.optionOrder('q-multiple')
    answerAll(engine, WRONG)
    expect(tracker.reports().some((report) => report.final)).toBe(false)
    expect(engine.report()).toMatchObject({ completion: 'incomplete', success: 'unknown', final: false })
    expect(engine.quizResult('quiz-all')).toMatchObject({ complete: true, passed: false, score: 0, attempt: 1, attemptsLeft: 1 })
    expect(engine.retryQuiz('poll')).toBe(false)
    expect(engine.retryQuiz('nope')).toBe(false)

    expect(engine.retryQuiz('quiz-all')).toBe(true)
    expect(engine.quizResult('quiz-all')).toMatchObject({ complete: false, attempt: 2, attemptsLeft: 0 })
    for (const id of SCORED_IDS) expect(engine.answerOf(id)).toBeNull()
    expect(engine.answerOf('q-likert')).not.toBeNull()
    const saved = decodeState(lastSave(tracker)[2], stateShape(course))!
    expect(saved.quizAttempts).toEqual([2, 1])
    expect(saved.answers.filter((answer) => answer !== null)).toHaveLength(2)
    // A new attempt, a new seed (the same for every launch of it).
    const question = engine.questions[1]!
    expect(engine.optionOrder('q-multiple')).toEqual(optionOrder(question, { shuffle: true, seed: 'lea|q-multiple|2' }))
    expect(order).toEqual(optionOrder(question, { shuffle: true, seed: 'lea|q-multiple|1' }))

    answerAll(engine, RIGHT, SCORED_IDS)
    expect(tracker.answers().map((record) => record.index)).toEqual(Array.from({ length: 18 }, (_, index) => index))
    expect(tracker.reports().filter((report) => report.final)).toEqual([
      { completion: 'completed', success: 'passed', progress: 1 / 3, final: true, score: { raw: 100, min: 0, max: 100, scaled: 1 } },
    ])
    expect(engine.retryQuiz('quiz-all')).toBe(false)
  })

  it('failed on the last attempt: the final report says failed, once; no more retry', () => {
    const { engine, tracker } = started(allTypesCourse())
    answerAll(engine, WRONG)
    engine.retryQuiz('quiz-all')
    answerAll(engine, WRONG, SCORED_IDS)
    expect(engine.retryQuiz('quiz-all')).toBe(false)
    engine.goTo(1)
    engine.goTo(2)
    expect(tracker.reports().filter((report) => report.final)).toEqual([
      { completion: 'incomplete', success: 'failed', progress: 1 / 3, final: true, score: { raw: 0, min: 0, max: 100, scaled: 0 } },
    ])
  })

  it('no retry while the quiz is incomplete or passed, nor after finish', () => {
    const { engine } = started(allTypesCourse())
    answerAll(engine, WRONG, ['q-single'])
    expect(engine.retryQuiz('quiz-all')).toBe(false)
    answerAll(engine, RIGHT, SCORED_IDS.slice(1))
    expect(engine.quizResult('quiz-all')).toMatchObject({ complete: true, passed: true, score: 90 })
    expect(engine.retryQuiz('quiz-all')).toBe(false)
    const other = started(allTypesCourse())
    answerAll(other.engine, WRONG, SCORED_IDS)
    other.engine.finish()
    expect(other.engine.retryQuiz('quiz-all')).toBe(false)
  })

  it('a quiz failed for good fails the module, even with another quiz left to retry', () => {
    const course: Course = allTypesCourse({ attempts: 1 })
    const { engine, tracker } = started(course)
    answerAll(engine, WRONG)
    expect(tracker.reports().at(-1)).toMatchObject({ final: true, success: 'failed' })
  })

  it('browse: retry works on the screen, nothing is sent or saved', () => {
    const { engine, tracker } = started(allTypesCourse(), { mode: 'browse' })
    answerAll(engine, WRONG)
    expect(engine.retryQuiz('quiz-all')).toBe(true)
    expect(tracker.answers()).toEqual([])
    expect(tracker.reports()).toEqual([])
    expect(lastSave(tracker)[2]).toBe('')
  })
})

function decoded(tracker: RecordingTracker, course: Course = blocksCourse()) {
  return decodeState(tracker.lastSaved(), stateShape(course))!
}

describe('PlayerEngine: branching scenarios', () => {
  it('starts at the start node: no points, no step back, no last choice', () => {
    const { engine } = started(blocksCourse())
    const view = engine.scenarioState('reunion')!
    expect(view.node.id).toBe('debut')
    expect(view).toMatchObject({ path: ['debut'], points: 0, ended: false, canGoBack: false })
    expect(engine.lastChoice('reunion')).toBeNull()
    expect(engine.scenarioState('liste')).toBeNull()
    expect(engine.scenarioState('nope')).toBeNull()
  })

  it('moves along the chosen choices, adds their points, saves the path', () => {
    const { engine, tracker } = started(blocksCourse())
    expect(engine.chooseScenario('reunion', 'a')).toBe(true)
    expect(engine.scenarioState('reunion')).toMatchObject({ path: ['debut', 'verif'], points: 1, ended: false, canGoBack: true })
    expect(engine.scenarioState('reunion')!.node.id).toBe('verif')
    expect(engine.lastChoice('reunion')).toMatchObject({ id: 'a', target: 'verif', feedbackHtml: '<p>Retour a vers verif</p>' })
    expect(decoded(tracker).blocks[0]).toEqual({ kind: 'scenario', path: ['debut', 'verif'] })
    expect(engine.chooseScenario('reunion', 'z')).toBe(false)
    expect(engine.chooseScenario('nope', 'a')).toBe(false)
    expect(tracker.paths()).toEqual([])
  })

  it('steps back when allowed, undoing the step in the path', () => {
    const { engine, tracker } = started(blocksCourse())
    expect(engine.scenarioBack('reunion')).toBe(false)
    engine.chooseScenario('reunion', 'a')
    expect(engine.scenarioBack('reunion')).toBe(true)
    expect(engine.scenarioState('reunion')).toMatchObject({ path: ['debut'], points: 0, canGoBack: false })
    expect(engine.lastChoice('reunion')).toBeNull()
    expect(decoded(tracker).blocks[0]).toEqual({ kind: 'scenario', path: ['debut'] })
    const noBack = blocksCourse()
    noBack.pages[1]!.blocks = [{ ...(noBack.pages[1]!.blocks[0] as ScenarioBlock), allowBack: false }]
    const other = started(noBack).engine
    other.chooseScenario('reunion', 'a')
    expect(other.scenarioState('reunion')!.canGoBack).toBe(false)
    expect(other.scenarioBack('reunion')).toBe(false)
  })

  it('at an ending: ended, one interaction for the path, no more choices or steps back', () => {
    const time = clock()
    const { engine, tracker } = started(blocksCourse(), {}, time.now)
    engine.chooseScenario('reunion', 'a')
    time.advance(5000)
    const before = tracker.saves()
    expect(engine.chooseScenario('reunion', 'a')).toBe(true)
    expect(engine.scenarioState('reunion')).toMatchObject({ path: ['debut', 'verif', 'fin-ok'], points: 3, ended: true, canGoBack: false })
    expect(tracker.paths()).toEqual([{
      index: 0, scenario: blocksCourse().pages[1]!.blocks[0], path: ['debut', 'verif', 'fin-ok'], outcome: 'success', weight: 2,
      timestamp: new Date(time.now()), latencyMs: 5000,
    }])
    expect(tracker.saves()).toBe(before + 1)
    expect(engine.state.interactionCount).toBe(1)
    expect(engine.scenarioBack('reunion')).toBe(false)
    expect(engine.chooseScenario('reunion', 'a')).toBe(false)
    expect(tracker.paths()).toHaveLength(1)
    // The next answer takes the next record.
    engine.answer('q-defi', ['a'])
    expect(tracker.answers()[0]!.index).toBe(1)
  })

  it('records nothing in a review launch', () => {
    const { engine, tracker } = started(blocksCourse(), { mode: 'review' })
    engine.chooseScenario('reunion', 'b')
    expect(engine.scenarioState('reunion')!.ended).toBe(true)
    expect(tracker.paths()).toEqual([])
  })

  it('resumes at the current node, with the last choice for its feedback', () => {
    const course = blocksCourse()
    const shape = stateShape(course)
    const state = emptyState(shape)
    state.blocks[0] = { kind: 'scenario', path: ['debut', 'verif'] }
    const { engine } = started(course, { suspendData: encodeState(state, shape), location: 'situation' })
    expect(engine.scenarioState('reunion')).toMatchObject({ path: ['debut', 'verif'], points: 1, canGoBack: true })
    expect(engine.lastChoice('reunion')?.id).toBe('a')
  })
})

describe('PlayerEngine: mini-défis', () => {
  it('an untouched timed défi: full time, paused; an unknown id: null', () => {
    const { engine } = started(blocksCourse())
    expect(engine.challengeState('liste')).toEqual({ checked: [], remaining: 120, running: false, done: false, timeUp: false })
    expect(engine.challengeState('reunion')).toBeNull()
    const untimed = blocksCourse()
    untimed.pages[2]!.blocks[0] = { ...(untimed.pages[2]!.blocks[0] as ChallengeBlock), timeLimit: undefined }
    const other = started(untimed).engine
    expect(other.challengeState('liste')).toEqual({ checked: [], remaining: null, running: false, done: false, timeUp: false })
    expect(other.startChallengeTimer('liste')).toBe(false)
  })

  it('ticks items in checklist order and saves each change', () => {
    const { engine, tracker } = started(blocksCourse())
    expect(engine.toggleChallengeItem('liste', 'c')).toBe(true)
    expect(engine.toggleChallengeItem('liste', 'a')).toBe(true)
    expect(engine.toggleChallengeItem('liste', 'z')).toBe(false)
    expect(engine.challengeState('liste')!.checked).toEqual(['a', 'c'])
    expect(decoded(tracker).blocks[1]).toEqual({ kind: 'challenge', checked: ['a', 'c'], remaining: 120, done: false })
    engine.toggleChallengeItem('liste', 'c')
    expect(decoded(tracker).blocks[1]).toMatchObject({ checked: ['a'] })
  })

  it('runs from the interface clock, saving the time left at most every 10 s and on pause', () => {
    const { engine, tracker } = started(blocksCourse())
    expect(engine.tickChallenge('liste', 1)).toBe(false)
    expect(engine.startChallengeTimer('liste')).toBe(true)
    expect(engine.startChallengeTimer('liste')).toBe(false)
    const saves = tracker.saves()
    for (let second = 0; second < 9; second++) engine.tickChallenge('liste', 1)
    expect(engine.challengeState('liste')).toMatchObject({ remaining: 111, running: true })
    expect(tracker.saves()).toBe(saves)
    engine.tickChallenge('liste', 1)
    expect(tracker.saves()).toBe(saves + 1)
    expect(decoded(tracker).blocks[1]).toMatchObject({ remaining: 110 })
    engine.tickChallenge('liste', 2.5)
    expect(engine.challengeState('liste')!.remaining).toBe(108)
    expect(engine.pauseChallengeTimer('liste')).toBe(true)
    expect(engine.pauseChallengeTimer('liste')).toBe(false)
    expect(engine.challengeState('liste')).toMatchObject({ remaining: 108, running: false })
    expect(decoded(tracker).blocks[1]).toMatchObject({ remaining: 108 })
    expect(engine.tickChallenge('liste', 1)).toBe(false)
    expect(engine.tickChallenge('liste', -1)).toBe(false)
  })

  it('stops at 0 and loses nothing: ticks stay editable, time can be extended any number of times', () => {
    const { engine, tracker } = started(blocksCourse())
    engine.toggleChallengeItem('liste', 'b')
    engine.startChallengeTimer('liste')
    engine.tickChallenge('liste', 500)
    expect(engine.challengeState('liste')).toEqual({ checked: ['b'], remaining: 0, running: false, done: false, timeUp: true })
    expect(decoded(tracker).blocks[1]).toEqual({ kind: 'challenge', checked: ['b'], remaining: 0, done: false })
    expect(engine.startChallengeTimer('liste')).toBe(false)
    expect(engine.toggleChallengeItem('liste', 'a')).toBe(true)
    expect(engine.extendChallengeTimer('liste', 0)).toBe(false)
    expect(engine.extendChallengeTimer('liste', 30)).toBe(true)
    expect(engine.challengeState('liste')).toMatchObject({ checked: ['a', 'b'], remaining: 30, running: false, timeUp: false })
    engine.startChallengeTimer('liste')
    expect(engine.extendChallengeTimer('liste', 100)).toBe(true)
    expect(engine.extendChallengeTimer('liste', 100)).toBe(true)
    // The session keeps all the time; the state keeps at most the limit (the codec's bound).
    expect(engine.challengeState('liste')).toMatchObject({ remaining: 230, running: true })
    // Extensions are kept when saved (up to the limit and an hour), so a resume gets them back.
    expect(decoded(tracker).blocks[1]).toMatchObject({ remaining: 230 })
  })

  it('finishes: done, clock stopped, no more ticks', () => {
    const { engine, tracker } = started(blocksCourse())
    engine.startChallengeTimer('liste')
    engine.tickChallenge('liste', 3)
    expect(engine.finishChallenge('liste')).toBe(true)
    expect(engine.challengeState('liste')).toMatchObject({ remaining: 117, running: false, done: true })
    expect(decoded(tracker).blocks[1]).toEqual({ kind: 'challenge', checked: [], remaining: 117, done: true })
    expect(engine.finishChallenge('liste')).toBe(false)
    expect(engine.toggleChallengeItem('liste', 'a')).toBe(false)
    expect(engine.startChallengeTimer('liste')).toBe(false)
    expect(engine.extendChallengeTimer('liste', 10)).toBe(false)
  })

  it('a défi with a quiz is done when its quiz is complete', () => {
    const { engine, tracker } = started(blocksCourse())
    engine.startChallengeTimer('defi-quiz')
    engine.tickChallenge('defi-quiz', 4)
    expect(engine.finishChallenge('defi-quiz')).toBe(false)
    engine.answer('q-defi', ['a'])
    expect(engine.challengeState('defi-quiz')).toEqual({ checked: [], remaining: 56, running: false, done: true, timeUp: false })
    expect(decoded(tracker).blocks[2]).toEqual({ kind: 'challenge', checked: [], remaining: 56, done: true })
  })

  it('pauses and saves its clock when the learner leaves the page, and on commit', () => {
    const { engine, tracker } = started(blocksCourse())
    engine.goTo(2)
    engine.startChallengeTimer('liste')
    engine.tickChallenge('liste', 4)
    const saves = tracker.saves()
    engine.commit()
    expect(tracker.saves()).toBe(saves + 1)
    expect(decoded(tracker).blocks[1]).toMatchObject({ remaining: 116 })
    expect(engine.challengeState('liste')!.running).toBe(true)
    engine.tickChallenge('liste', 2)
    engine.goTo(3)
    expect(engine.challengeState('liste')).toMatchObject({ remaining: 114, running: false })
    expect(decoded(tracker).blocks[1]).toMatchObject({ remaining: 114 })
    // Nothing unsaved: a plain commit.
    engine.commit()
    expect(tracker.calls.at(-1)).toEqual(['commit'])
  })

  it('resumes with the time left, paused', () => {
    const course = blocksCourse()
    const shape = stateShape(course)
    const state = emptyState(shape)
    state.blocks[1] = { kind: 'challenge', checked: ['c'], remaining: 42, done: false }
    const { engine } = started(course, { suspendData: encodeState(state, shape) })
    expect(engine.challengeState('liste')).toEqual({ checked: ['c'], remaining: 42, running: false, done: false, timeUp: false })
    expect(engine.challengeState('defi-quiz')).toMatchObject({ remaining: 60, running: false })
    expect(engine.startChallengeTimer('liste')).toBe(true)
  })
})

describe('PlayerEngine: media', () => {
  it('marks media done, saves, and counts required ones in progress', () => {
    const { engine, tracker } = started(blocksCourse())
    expect(engine.mediaState('podcast')).toEqual({ done: false })
    expect(engine.mediaState('reunion')).toBeNull()
    expect(engine.markMediaDone('podcast', 'transcript')).toBe(true)
    expect(engine.mediaState('podcast')).toEqual({ done: true })
    expect(decoded(tracker).blocks[3]).toEqual({ kind: 'media', done: true })
    // 1 page of 4 and 1 required media of 1.
    expect(tracker.reports().at(-1)).toEqual({ completion: 'incomplete', success: 'unknown', progress: 2 / 5, final: false })
    expect(engine.markMediaDone('bonus', 'ended')).toBe(true)
    expect(engine.markMediaDone('podcast', 'ended')).toBe(true)
    expect(engine.markMediaDone('nope', 'ended')).toBe(false)
    expect(engine.markMediaDone('bonus', 'watched' as 'ended')).toBe(false)
    expect(decoded(tracker).blocks[4]).toEqual({ kind: 'media', done: true })
  })

  it('completion `pages` waits for the required media', () => {
    const { engine, tracker } = started(blocksCourse({ completion: 'pages' }))
    for (const page of [1, 2, 3]) engine.goTo(page)
    expect(tracker.reports().at(-1)).toMatchObject({ completion: 'incomplete', final: false, progress: 4 / 5 })
    engine.markMediaDone('bonus', 'ended')
    expect(tracker.reports().at(-1)!.final).toBe(false)
    engine.markMediaDone('podcast', 'ended')
    expect(tracker.reports().at(-1)).toEqual({ completion: 'completed', success: 'unknown', progress: 1, final: true })
  })
})

describe('PlayerEngine: every block together', () => {
  it('passes with the weighted scenario in the module score; the final report is sent once', () => {
    const { engine, tracker } = started(blocksCourse())
    for (const page of [1, 2, 3]) engine.goTo(page)
    engine.markMediaDone('podcast', 'ended')
    engine.answer('q-defi', ['a'])
    expect(tracker.reports().filter((report) => report.final)).toEqual([])
    engine.chooseScenario('reunion', 'a')
    engine.chooseScenario('reunion', 'b')
    // (1 + 2 × 2/3) / 3 = 78 ≥ 60.
    expect(tracker.reports().filter((report) => report.final)).toEqual([
      { completion: 'completed', success: 'passed', progress: 1, final: true, score: { raw: 78, min: 0, max: 100, scaled: 0.78 } },
    ])
    expect(engine.state.reported).toBe(true)
    engine.markMediaDone('bonus', 'ended')
    engine.toggleChallengeItem('liste', 'a')
    engine.commit()
    expect(tracker.reports().filter((report) => report.final)).toHaveLength(1)
    engine.finish()
    expect(tracker.calls.at(-1)?.slice(0, 2)).toEqual(['finish', 'normal'])
  })

  it('fails for good when the scenario ends below the module pass mark', () => {
    const { engine, tracker } = started(blocksCourse())
    engine.answer('q-defi', ['a'])
    engine.chooseScenario('reunion', 'b')
    expect(tracker.reports().at(-1)).toEqual({
      completion: 'incomplete', success: 'failed', progress: 1 / 5, final: true, score: { raw: 33, min: 0, max: 100, scaled: 0.33 },
    })
  })

  it('resumes every block kind from the saved state', () => {
    const course = blocksCourse()
    const first = started(course)
    first.engine.chooseScenario('reunion', 'a')
    first.engine.toggleChallengeItem('liste', 'b')
    first.engine.startChallengeTimer('liste')
    first.engine.tickChallenge('liste', 20)
    first.engine.answer('q-defi', ['b'])
    first.engine.markMediaDone('podcast', 'ended')
    first.engine.goTo(3)
    const saved = first.tracker.lastSaved()
    expect(decodeState(saved, stateShape(course))!.blocks).toEqual([
      { kind: 'scenario', path: ['debut', 'verif'] },
      { kind: 'challenge', checked: ['b'], remaining: 100, done: false },
      { kind: 'challenge', checked: [], remaining: 60, done: true },
      { kind: 'media', done: true },
      null,
    ])
    const { engine } = started(course, { suspendData: saved, location: 'podcast' })
    expect(engine.scenarioState('reunion')).toMatchObject({ path: ['debut', 'verif'], points: 1 })
    expect(engine.challengeState('liste')).toEqual({ checked: ['b'], remaining: 100, running: false, done: false, timeUp: false })
    expect(engine.challengeState('defi-quiz')).toMatchObject({ done: true, remaining: 60 })
    expect(engine.mediaState('podcast')).toEqual({ done: true })
    expect(engine.mediaState('bonus')).toEqual({ done: false })
    expect(engine.state.interactionCount).toBe(1)
  })
})
