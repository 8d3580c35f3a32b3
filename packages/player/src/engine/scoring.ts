import type { Course, CourseQuiz, Question } from '@cafes/core'
import type { LearnerState } from '@cafes/core'
import type { LearnerReport } from './report.js'

/**
 * Scoring and completion, decided once, here (docs/authoring.md "Scoring and completion").
 * Pure functions of the course and the learner's state.
 */

/** Right only when exactly the right choices are selected. */
export function isRightAnswer(question: Question, selected: readonly number[]): boolean {
  const chosen = new Set(selected)
  return question.choices.every((choice, index) => choice.correct === chosen.has(index)) && chosen.size > 0
}

/** round(100 × Σ weight of right answers / Σ weights), or null when there is nothing to score. */
export function weightedScore(questions: readonly Question[], answers: readonly (readonly number[] | null)[]): number | null {
  let total = 0
  let right = 0
  for (const [index, question] of questions.entries()) {
    total += question.weight
    const answer = answers[index]
    if (answer && isRightAnswer(question, answer)) right += question.weight
  }
  return total > 0 ? Math.round((100 * right) / total) : null
}

export interface QuizResult {
  quiz: CourseQuiz
  /** Every question of the quiz is answered. */
  complete: boolean
  /** 0–100 over the quiz's questions (unanswered ones count as wrong). */
  score: number
  /** Complete and score ≥ pass mark. */
  passed: boolean
}

/** Indexes (in `courseQuestions` order) of the questions, keyed by id. */
export function questionIndex(questions: readonly Question[]): Map<string, number> {
  return new Map(questions.map((question, index) => [question.id, index]))
}

export function quizResult(
  quiz: CourseQuiz,
  questions: readonly Question[],
  state: Pick<LearnerState, 'answers'>,
  index: ReadonlyMap<string, number> = questionIndex(questions),
): QuizResult {
  const positions = quiz.questionIds.map((id) => index.get(id)).filter((position) => position !== undefined)
  const complete = positions.every((position) => state.answers[position] != null)
  const score =
    weightedScore(
      positions.map((position) => questions[position]!),
      positions.map((position) => state.answers[position] ?? null),
    ) ?? 0
  return { quiz, complete, score, passed: complete && score >= quiz.passMark }
}

/**
 * The report the engine sends: completion by the module's rule, success once every question
 * is answered, the score on a final report when every question is answered.
 */
export function buildReport(course: Course, questions: readonly Question[], state: LearnerState): LearnerReport {
  const pageCount = state.seen.length
  const seenCount = state.seen.filter(Boolean).length
  const allSeen = seenCount === pageCount
  const hasQuestions = questions.length > 0
  const allAnswered = state.answers.every((answer) => answer !== null)
  const index = questionIndex(questions)
  let success: LearnerReport['success'] = 'unknown'
  if (hasQuestions && allAnswered) {
    const passed = course.quizzes.every((quiz) => quizResult(quiz, questions, state, index).passed)
    success = passed ? 'passed' : 'failed'
  }
  // Without questions, "passed" has nothing to wait for: the pages decide.
  const passedPart = hasQuestions ? success === 'passed' : allSeen
  const ruleMet =
    course.completion === 'pages'
      ? allSeen
      : course.completion === 'passed'
        ? passedPart
        : allSeen && passedPart
  // No retry in v1: a failed attempt with every question answered is over.
  const final = ruleMet || (course.completion !== 'pages' && success === 'failed')
  const report: LearnerReport = {
    completion: ruleMet ? 'completed' : 'incomplete',
    success,
    progress: pageCount === 0 ? 1 : seenCount / pageCount,
    final,
  }
  if (final && hasQuestions && allAnswered) {
    const raw = weightedScore(questions, state.answers) ?? 0
    report.score = { raw, min: 0, max: 100, scaled: raw / 100 }
  }
  return report
}
