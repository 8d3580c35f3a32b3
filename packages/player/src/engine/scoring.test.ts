import { type LearnerState, type Question, type Response, courseQuestions } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { allTypesCourse, demoCourse, scoredQuestions, twoQuizCourse, unscoredQuestions } from '../../test/fixtures.js'
import { buildReport, isRightAnswer, normaliseFillIn, quizResult, weightedScore } from './scoring.js'

const questions = [...scoredQuestions(), ...unscoredQuestions()]
const q = (id: string): Question => questions.find((question) => question.id === id)!

describe('isRightAnswer', () => {
  it.each<[string, Response, boolean]>([
    ['q-single', ['b'], true],
    ['q-single', ['a'], false],
    ['q-multiple', ['a', 'b', 'd'], true],
    ['q-multiple', ['d', 'b', 'a'], true],
    ['q-multiple', ['a', 'b'], false],
    ['q-multiple', ['a', 'b', 'c', 'd'], false],
    ['q-multiple', [], false],
    ['q-tf', false, true],
    ['q-tf', true, false],
    ['q-fill', 'Paris', true],
    ['q-fill', '  pARIS ', true],
    ['q-fill', 'lutece', true],
    ['q-fill', 'LUTÈCE', true],
    ['q-fill', 'Lu tèce', false],
    ['q-fill', 'Londres', false],
    ['q-num', '42', true],
    ['q-num', ' 42,0 ', true],
    ['q-num', '42.01', false],
    ['q-num', 'quarante-deux', false],
    ['q-range', '40', true],
    ['q-range', '45,5', true],
    ['q-range', '45.51', false],
    ['q-range', '39,99', false],
    ['q-match', [['1', 'b'], ['2', 'a'], ['3', 'd']], true],
    ['q-match', [['1', 'b'], ['2', 'a']], false],
    ['q-match', [['1', 'b'], ['2', 'a'], ['3', 'c']], false],
    ['q-seq', ['a', 'b', 'c', 'd'], true],
    ['q-seq', ['a', 'b', 'd', 'c'], false],
    ['q-likert', ['a'], false],
    ['q-reflect', 'Tout', false],
  ])('%s %j → %s', (id, response, right) => {
    expect(isRightAnswer(q(id), response)).toBe(right)
  })

  it('fill-in: case and accents count when the question says so', () => {
    const strict = { ...q('q-fill'), caseSensitive: true, accentSensitive: true } as Question
    expect(isRightAnswer(strict, 'Lutèce')).toBe(true)
    expect(isRightAnswer(strict, 'Lutece')).toBe(false)
    expect(isRightAnswer(strict, 'lutèce')).toBe(false)
    // The same letter composed or decomposed is the same letter.
    expect(isRightAnswer(strict, 'Lute\u0300ce')).toBe(true)
    const caseOnly = { ...q('q-fill'), caseSensitive: true, accentSensitive: false } as Question
    expect(isRightAnswer(caseOnly, 'Lutece')).toBe(true)
    expect(isRightAnswer(caseOnly, 'lutece')).toBe(false)
  })

  it('fill-in comparison: trimmed, spaces collapsed, typographic apostrophes as plain ones', () => {
    const loose = { caseSensitive: false, accentSensitive: false }
    expect(normaliseFillIn('  L’IA\u00a0 Générative ', loose)).toBe("l'ia generative")
    expect(normaliseFillIn('Œuvre ÉTÉ', loose)).toBe('œuvre ete')
    expect(normaliseFillIn('Été', { caseSensitive: true, accentSensitive: true })).toBe('Été')
  })
})

describe('weightedScore', () => {
  const demo = courseQuestions(demoCourse())

  it('weights answers: round(100 × right weight / total weight)', () => {
    expect(weightedScore(demo, [['b'], ['a', 'b', 'd']])).toBe(100)
    expect(weightedScore(demo, [['b'], ['a']])).toBe(33)
    expect(weightedScore(demo, [['a'], ['a', 'b', 'd']])).toBe(67)
    expect(weightedScore(demo, [null, null])).toBe(0)
    expect(weightedScore([], [])).toBeNull()
  })

  it('counts scored questions only', () => {
    expect(weightedScore([q('q-single'), q('q-likert'), q('q-reflect')], [['b'], ['a'], 'x'])).toBe(100)
    expect(weightedScore([q('q-likert'), q('q-reflect')], [['a'], 'x'])).toBeNull()
  })
})

describe('quizResult', () => {
  it('judges each quiz against its own pass mark', () => {
    const two = twoQuizCourse()
    const questions = courseQuestions(two)
    const state = { answers: [['a'], ['a'], ['b']], quizAttempts: [1, 1] }
    expect(quizResult(two, 0, questions, state)).toMatchObject({ complete: true, score: 100, passed: true, attempt: 1, attemptsLeft: 0 })
    expect(quizResult(two, 1, questions, state)).toMatchObject({ complete: true, score: 75, passed: false, attempt: 1, attemptsLeft: 0 })
    // Module score 80 ≥ every pass mark but one: failed.
    const report = buildReport(two, questions, { page: 0, seen: [true], answers: [['a'], ['a'], ['b']], quizAttempts: [1, 1], blocks: [], interactionCount: 3, reported: false })
    expect(report).toEqual({ completion: 'incomplete', success: 'failed', progress: 1, final: true, score: { raw: 80, min: 0, max: 100, scaled: 0.8 } })
  })

  it('gives the attempt under way and the attempts left', () => {
    const course = allTypesCourse()
    const questions = courseQuestions(course)
    const answers = questions.map(() => null)
    expect(quizResult(course, 0, questions, { answers, quizAttempts: [1, 1] })).toMatchObject({ attempt: 1, attemptsLeft: 1, complete: false, score: 0, passed: false })
    expect(quizResult(course, 0, questions, { answers, quizAttempts: [2, 1] })).toMatchObject({ attempt: 2, attemptsLeft: 0 })
  })

  it('a quiz of unscored questions has no score and passes once complete', () => {
    const course = allTypesCourse()
    const questions = courseQuestions(course)
    const answers: (Response | null)[] = questions.map(() => null)
    expect(quizResult(course, 1, questions, { answers, quizAttempts: [1, 1] })).toMatchObject({ complete: false, score: null, passed: false })
    answers[8] = ['c']
    answers[9] = 'Une idée'
    expect(quizResult(course, 1, questions, { answers, quizAttempts: [1, 1] })).toMatchObject({ complete: true, score: null, passed: true })
  })
})

describe('buildReport with attempts (B12)', () => {
  const course = allTypesCourse()
  const questions = courseQuestions(course)
  const right: Response[] = [['b'], ['a', 'b', 'd'], false, 'paris', '42', '41', [['1', 'b'], ['2', 'a'], ['3', 'd']], ['a', 'b', 'c', 'd'], ['c'], 'Note']
  const wrong: Response[] = [['a'], ['a'], true, 'x', '1', '1', [['1', 'a']], ['d', 'c', 'b', 'a'], ['c'], 'Note']
  const state = (answers: Response[], attempt: number): LearnerState =>
    ({ page: 0, seen: [true, false, false], answers, quizAttempts: [attempt, 1], blocks: [], interactionCount: 10, reported: false })

  it('a failed quiz with an attempt left: not final, incomplete, success unknown, no score', () => {
    expect(buildReport(course, questions, state(wrong, 1))).toEqual({ completion: 'incomplete', success: 'unknown', progress: 1 / 3, final: false })
  })

  it('failed on the last attempt: final, failed, with the score', () => {
    expect(buildReport(course, questions, state(wrong, 2))).toEqual({
      completion: 'incomplete', success: 'failed', progress: 1 / 3, final: true, score: { raw: 0, min: 0, max: 100, scaled: 0 },
    })
  })

  it('passed: final, completed, the score over scored questions only', () => {
    expect(buildReport(course, questions, state(right, 2))).toEqual({
      completion: 'completed', success: 'passed', progress: 1 / 3, final: true, score: { raw: 100, min: 0, max: 100, scaled: 1 },
    })
  })

  it('the poll unanswered: the module waits for it', () => {
    const answers: (Response | null)[] = [...right.slice(0, 8), null, null]
    expect(buildReport(course, questions, { ...state([], 1), answers })).toEqual({ completion: 'incomplete', success: 'unknown', progress: 1 / 3, final: false })
  })

  it('a module of unscored questions: completed once answered, no success, no score', () => {
    const poll = allTypesCourse({}, {})
    poll.pages = [poll.pages[2]!]
    poll.quizzes = [poll.quizzes[1]!]
    const pollQuestions = courseQuestions(poll)
    expect(buildReport(poll, pollQuestions, { page: 0, seen: [true], answers: [['a'], 'x'], quizAttempts: [1], blocks: [], interactionCount: 2, reported: false }))
      .toEqual({ completion: 'completed', success: 'unknown', progress: 1, final: true })
  })
})
