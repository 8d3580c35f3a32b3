import { type LearnerState, type Question, type Response, courseQuestions } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { allTypesCourse, blocksCourse, demoCourse, scenarioBlock, scoredQuestions, twoQuizCourse, unscoredQuestions } from '../../test/fixtures.js'
import { buildReport, isRightAnswer, moduleScore, normaliseFillIn, quizResult, requiredMedia, scenarioPaths, weightedScore } from './scoring.js'

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

describe('scenarios and media in the report', () => {
  const course = blocksCourse()
  const questions = courseQuestions(course)
  type Blocks = LearnerState['blocks']
  const state = (path: string[] | null, answer: Response | null, media: boolean, seen = [true, true, true, true]): LearnerState => ({
    page: 0, seen, answers: [answer], quizAttempts: [1], interactionCount: 0, reported: false,
    blocks: [path && { kind: 'scenario', path }, null, null, { kind: 'media', done: media }, null] as Blocks,
  })

  it('scenario paths: the start node while untouched', () => {
    expect(scenarioPaths(course, state(null, null, false))).toEqual([{ scenario: scenarioBlock(), path: ['debut'] }])
    expect(scenarioPaths(course, state(['debut', 'verif'], null, false))[0]!.path).toEqual(['debut', 'verif'])
  })

  it('module score: a weighted scenario counts like a question, 0 until ended', () => {
    const paths = (path: string[]) => [{ scenario: scenarioBlock(), path }]
    expect(moduleScore(questions, [['a']], paths(['debut', 'verif']))).toBe(33)
    expect(moduleScore(questions, [['a']], paths(['debut', 'verif', 'fin-ok']))).toBe(100)
    expect(moduleScore(questions, [['b']], paths(['debut', 'verif', 'fin-neutre']))).toBe(44)
    expect(moduleScore(questions, [null], [{ scenario: scenarioBlock({ weight: 0 }), path: ['debut', 'fin-ko'] }])).toBe(0)
    expect(moduleScore([], [], [{ scenario: scenarioBlock({ weight: 0 }), path: ['debut', 'fin-ko'] }])).toBeNull()
  })

  it('required media: counted and done', () => {
    expect(requiredMedia(course, state(null, null, true))).toEqual({ total: 1, done: 1 })
    expect(requiredMedia(course, state(null, null, false))).toEqual({ total: 1, done: 0 })
  })

  it('waits for the weighted scenario to end', () => {
    expect(buildReport(course, questions, state(['debut', 'verif'], ['a'], true))).toEqual({
      completion: 'incomplete', success: 'unknown', progress: 1, final: false,
    })
  })

  it('passes on the module score over the quiz and the scenario', () => {
    expect(buildReport(course, questions, state(['debut', 'verif', 'fin-neutre'], ['a'], true))).toEqual({
      completion: 'completed', success: 'passed', progress: 1, final: true, score: { raw: 78, min: 0, max: 100, scaled: 0.78 },
    })
  })

  it('fails for good when every quiz passed but the module score is below the pass mark', () => {
    expect(buildReport(course, questions, state(['debut', 'fin-ko'], ['a'], true))).toEqual({
      completion: 'incomplete', success: 'failed', progress: 1, final: true, score: { raw: 33, min: 0, max: 100, scaled: 0.33 },
    })
  })

  it('without a module pass mark, the quizzes alone decide', () => {
    const noMark = blocksCourse({ passMark: undefined })
    expect(buildReport(noMark, questions, state(['debut', 'fin-ko'], ['a'], true))).toMatchObject({ success: 'passed', score: { raw: 33 } })
  })

  it('pages: every page seen and every required media done', () => {
    const pages = blocksCourse({ completion: 'pages' })
    expect(buildReport(pages, questions, state(null, null, false))).toEqual({ completion: 'incomplete', success: 'unknown', progress: 4 / 5, final: false })
    expect(buildReport(pages, questions, state(null, null, true, [true, false, true, true]))).toMatchObject({ completion: 'incomplete', progress: 4 / 5 })
    expect(buildReport(pages, questions, state(null, null, true))).toEqual({ completion: 'completed', success: 'unknown', progress: 1, final: true })
  })

  it('passed alone ignores the media', () => {
    const passed = blocksCourse({ completion: 'passed' })
    expect(buildReport(passed, questions, state(['debut', 'verif', 'fin-ok'], ['a'], false, [true, false, false, false]))).toMatchObject({
      completion: 'completed', success: 'passed', progress: 1 / 5, final: true,
    })
  })

  it('an unweighted scenario counts for nothing', () => {
    const unweighted = blocksCourse()
    unweighted.pages[1]!.blocks = [scenarioBlock({ weight: 0 })]
    expect(buildReport(unweighted, questions, state(null, ['a'], true))).toEqual({
      completion: 'completed', success: 'passed', progress: 1, final: true, score: { raw: 100, min: 0, max: 100, scaled: 1 },
    })
  })
})
