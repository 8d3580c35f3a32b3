import {
  type Course,
  type CourseQuiz,
  type FillInQuestion,
  type LearnerState,
  type Question,
  type Response,
  type ScenarioBlock,
  isScored,
  parseDecimal,
  statefulBlocks,
} from '@cafes/core'
import type { LearnerReport } from './report.js'
import { pathOutcome, pathShare } from './scenario.js'

/**
 * Scoring and completion, decided once, here (docs/authoring.md "Scoring and completion").
 * Pure functions of the course and the learner's state.
 */

/**
 * Whether a response is right. Choices: exactly the right set; true-false: the same boolean;
 * fill-in: one of the accepted answers, compared as `normaliseFillIn` says; numeric: min ≤
 * value ≤ max; matching: every source with its right target; sequencing: the exact order.
 * Likert and reflection are never right (nor wrong): they are not scored.
 */
export function isRightAnswer(question: Question, response: Response): boolean {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      if (!Array.isArray(response)) return false
      const chosen = new Set(response as string[])
      const right = question.choices.filter((choice) => choice.correct)
      return chosen.size === right.length && right.length > 0 && right.every((choice) => chosen.has(choice.id))
    }
    case 'true-false':
      return response === question.answer
    case 'fill-in': {
      if (typeof response !== 'string') return false
      const typed = normaliseFillIn(response, question)
      return question.accepted.some((accepted) => normaliseFillIn(accepted, question) === typed)
    }
    case 'numeric': {
      const value = typeof response === 'string' ? parseDecimal(response) : null
      return value !== null && question.min <= value && value <= question.max
    }
    case 'matching': {
      if (!Array.isArray(response) || response.length !== question.pairs.length) return false
      const given = new Map(response as [string, string][])
      return question.pairs.every(([source, target]) => given.get(source) === target)
    }
    case 'sequencing':
      return Array.isArray(response) && response.length === question.steps.length
        && question.steps.every((step, index) => response[index] === step.id)
    case 'likert':
    case 'reflection':
      return false
  }
}

/**
 * A fill-in answer as it is compared: spaces trimmed and collapsed, typographic apostrophes
 * as `'`, then, unless the question says otherwise, accents dropped (NFD, marks removed) and
 * letter case ignored.
 */
export function normaliseFillIn(text: string, question: Pick<FillInQuestion, 'caseSensitive' | 'accentSensitive'>): string {
  let normalised = text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim().normalize('NFD')
  if (!question.accentSensitive) normalised = normalised.replace(/\p{M}/gu, '')
  if (!question.caseSensitive) normalised = normalised.toLowerCase()
  return normalised.normalize('NFC')
}

/**
 * round(100 × Σ weight of right answers / Σ weights) over the scored questions, or null when
 * none is scored.
 */
export function weightedScore(questions: readonly Question[], answers: readonly (Response | null)[]): number | null {
  let total = 0
  let right = 0
  for (const [index, question] of questions.entries()) {
    if (!isScored(question)) continue
    total += question.weight
    const answer = answers[index]
    if (answer != null && isRightAnswer(question, answer)) right += question.weight
  }
  return total > 0 ? Math.round((100 * right) / total) : null
}

export interface QuizResult {
  quiz: CourseQuiz
  /** Every question of the quiz is answered (in this attempt). */
  complete: boolean
  /** 0–100 over the quiz's scored questions (unanswered ones count as wrong); null when none is scored. */
  score: number | null
  /** Complete, and the score reaches the pass mark (a quiz with no scored question passes once complete). */
  passed: boolean
  /** The attempt under way, from 1. */
  attempt: number
  /** Attempts the learner may still start (`quiz.attempts - attempt`). */
  attemptsLeft: number
}

/** Indexes (in `courseQuestions` order) of the questions, keyed by id. */
export function questionIndex(questions: readonly Question[]): Map<string, number> {
  return new Map(questions.map((question, index) => [question.id, index]))
}

/** The result of the quiz at `quizIndex` in `course.quizzes`. */
export function quizResult(
  course: Course,
  quizIndex: number,
  questions: readonly Question[],
  state: Pick<LearnerState, 'answers' | 'quizAttempts'>,
  index: ReadonlyMap<string, number> = questionIndex(questions),
): QuizResult {
  const quiz = course.quizzes[quizIndex]!
  const positions = quiz.questionIds.map((id) => index.get(id)).filter((position) => position !== undefined)
  const complete = positions.every((position) => state.answers[position] != null)
  const score = weightedScore(
    positions.map((position) => questions[position]!),
    positions.map((position) => state.answers[position] ?? null),
  )
  const attempt = state.quizAttempts[quizIndex] ?? 1
  return {
    quiz,
    complete,
    score,
    passed: complete && (score === null || score >= quiz.passMark),
    attempt,
    attemptsLeft: Math.max(0, quiz.attempts - attempt),
  }
}

/** A scenario and the path taken in it (`[start]` while untouched). */
export interface ScenarioPath {
  scenario: ScenarioBlock
  path: string[]
}

/** Every scenario of the course with its path, in `statefulBlocks` order. */
export function scenarioPaths(course: Course, state: Pick<LearnerState, 'blocks'>): ScenarioPath[] {
  return statefulBlocks(course).flatMap((block, index) => {
    if (block.kind !== 'scenario') return []
    const saved = state.blocks[index]
    return [{ scenario: block, path: saved?.kind === 'scenario' && saved.path.length > 0 ? [...saved.path] : [block.start] }]
  })
}

/**
 * The module score: round(100 × earned / Σ weights) over the scored questions and the weighted
 * scenarios, where a right answer earns its question's weight and a scenario earns its weight
 * × points of the path / `maxPoints` once ended (0 before). Null when nothing is scored.
 */
export function moduleScore(questions: readonly Question[], answers: readonly (Response | null)[], scenarios: readonly ScenarioPath[]): number | null {
  let total = 0
  let earned = 0
  for (const [index, question] of questions.entries()) {
    if (!isScored(question)) continue
    total += question.weight
    const answer = answers[index]
    if (answer != null && isRightAnswer(question, answer)) earned += question.weight
  }
  for (const { scenario, path } of scenarios) {
    if (scenario.weight <= 0) continue
    total += scenario.weight
    earned += scenario.weight * pathShare(scenario, path)
  }
  return total > 0 ? Math.round((100 * earned) / total) : null
}

/** Required media (in `statefulBlocks` order): how many, and how many are done. */
export function requiredMedia(course: Course, state: Pick<LearnerState, 'blocks'>): { total: number; done: number } {
  let total = 0
  let done = 0
  for (const [index, block] of statefulBlocks(course).entries()) {
    if (block.kind !== 'media' || !block.required) continue
    total++
    const saved = state.blocks[index]
    if (saved?.kind === 'media' && saved.done) done++
  }
  return { total, done }
}

/**
 * The report the engine sends: completion by the module's rule; success once every quiz is
 * passed, or once one is failed with no attempt left (a failed quiz with attempts left keeps
 * success unknown and the attempt open, B12); the score on a final report whose success is
 * decided. A module whose questions are all unscored has no success and no score.
 *
 * Weighted scenarios (weight > 0) count in the module score like questions and are "answered"
 * once ended; with any, the module also needs `course.passMark` on the module score to pass
 * (no pass mark: the quizzes alone decide), and fails for good when every quiz is passed and
 * every weighted scenario ended below it (a scenario is not replayed).
 *
 * Required media: the "pages" part of the rule (`pages`, `pages-and-passed`, and `passed`
 * without questions) needs every page seen **and** every required media heard or read; pages
 * stay seen as they are shown. Progress counts pages seen and required media done.
 */
export function buildReport(course: Course, questions: readonly Question[], state: LearnerState): LearnerReport {
  const pageCount = state.seen.length
  const seenCount = state.seen.filter(Boolean).length
  const media = requiredMedia(course, state)
  const pagesPart = seenCount === pageCount && media.done === media.total
  const index = questionIndex(questions)
  const weighted = scenarioPaths(course, state).filter(({ scenario }) => scenario.weight > 0)
  const scenariosEnded = weighted.every(({ scenario, path }) => pathOutcome(scenario, path) !== null)
  const allAnswered = state.answers.every((answer) => answer !== null) && scenariosEnded
  const quizzes = course.quizzes.map((_, quizIndex) => quizResult(course, quizIndex, questions, state, index))
  const quizzesPassed = quizzes.every((quiz) => quiz.passed)
  const score = moduleScore(questions, state.answers, weighted)
  const moduleMarkMet = weighted.length === 0 || course.passMark === undefined || (score ?? 0) >= course.passMark
  const allPassed = allAnswered && quizzesPassed && moduleMarkMet
  const failedForGood = allAnswered && (
    quizzes.some((quiz) => quiz.complete && !quiz.passed && quiz.attemptsLeft === 0) || (quizzesPassed && !moduleMarkMet)
  )
  const scored = questions.some(isScored) || weighted.length > 0
  const success: LearnerReport['success'] = !scored ? 'unknown' : allPassed ? 'passed' : failedForGood ? 'failed' : 'unknown'
  // Without questions or weighted scenarios, "passed" has nothing to wait for: the pages decide.
  const passedPart = questions.length > 0 || weighted.length > 0 ? allPassed : pagesPart
  const ruleMet =
    course.completion === 'pages'
      ? pagesPart
      : course.completion === 'passed'
        ? passedPart
        : pagesPart && passedPart
  const final = ruleMet || (course.completion !== 'pages' && success === 'failed')
  const steps = pageCount + media.total
  const report: LearnerReport = {
    completion: ruleMet ? 'completed' : 'incomplete',
    success,
    progress: steps === 0 ? 1 : (seenCount + media.done) / steps,
    final,
  }
  if (final && success !== 'unknown') {
    const raw = score ?? 0
    report.score = { raw, min: 0, max: 100, scaled: raw / 100 }
  }
  return report
}
