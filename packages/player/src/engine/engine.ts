import {
  type Course,
  type CoursePage,
  type LearnerState,
  type Question,
  type Response,
  type StateShape,
  correctResponse,
  courseQuestions,
  decodeState,
  emptyState,
  encodeState,
  formatDecimal,
  isScored,
  stateShape,
} from '@cafes/core'
import type { LaunchData, Tracker, TrackerHealth } from '../tracker/tracker.js'
import { optionOrder } from './option-order.js'
import type { LearnerReport } from './report.js'
import { checkedResponse } from './response-check.js'
import { type QuizResult, buildReport, isRightAnswer, questionIndex, quizResult } from './scoring.js'

export interface EngineOptions {
  /** Milliseconds since the epoch; `Date.now` by default (tests pass a fake clock). */
  now?: () => number
}

/** A submitted answer as the interface shows it. */
export interface AnswerView {
  /** The response as kept: choice ids in choice order, pairs in source order, text as typed. */
  response: Response
  /** Whether it is right; null for a question that is not scored (likert, reflection). */
  correct: boolean | null
  /**
   * The right answer, in the same form (fill-in: the first accepted answer; numeric: the exact
   * value, or `min–max` for a range, with `.` as decimal separator); null when the quiz hides
   * right answers (`showCorrect` false) or the question is not scored.
   */
  correctResponse: Response | null
}

/** Statuses an LMS may hold from an earlier attempt: progress reports must not turn them back to `incomplete`. */
const FINISHED_STATUSES = ['completed', 'passed', 'failed']

/**
 * The one place that decides: the learner's state, navigation, scoring, pass mark, completion,
 * and what is reported when. No DOM, no timers: the interface and the entry call it.
 */
export class PlayerEngine {
  readonly course: Course
  readonly questions: readonly Question[]
  private readonly tracker: Tracker
  private readonly shape: StateShape
  private readonly index: Map<string, number>
  /** Position in `course.quizzes` of each question's quiz. */
  private readonly quizOfQuestion: Map<string, number>
  private readonly now: () => number
  private readonly listeners = new Set<() => void>()
  private launchData: LaunchData | null = null
  private current: LearnerState
  private gradedLaunch = false
  private launchFinished = false
  private finishedSession = false
  private startedAt = 0
  private pageShownAt = 0

  constructor(course: Course, tracker: Tracker, options: EngineOptions = {}) {
    this.course = course
    this.tracker = tracker
    this.questions = courseQuestions(course)
    this.shape = stateShape(course)
    this.index = questionIndex(this.questions)
    this.quizOfQuestion = new Map(course.quizzes.flatMap((quiz, quizIndex) => quiz.questionIds.map((id) => [id, quizIndex] as const)))
    this.now = options.now ?? Date.now
    this.current = emptyState(this.shape)
  }

  /** Connects the tracker, restores a previous session, shows the page. Idempotent. */
  start(): void {
    if (this.launchData !== null) return
    const launch = this.tracker.start()
    this.launchData = launch
    this.startedAt = this.pageShownAt = this.now()
    this.gradedLaunch = launch.mode === 'normal' && launch.credit
    this.launchFinished = FINISHED_STATUSES.includes(launch.initialStatus ?? '')
    // Resume comes from the state and the location, never from `entry` (B15).
    const restored = launch.suspendData === '' ? null : decodeState(launch.suspendData, this.shape)
    this.current = restored ?? emptyState(this.shape)
    const located = this.course.pages.findIndex((page) => page.id === launch.location)
    if (located >= 0) this.current.page = located
    this.afterChange(this.markSeen())
  }

  get launch(): LaunchData | null {
    return this.launchData
  }

  /** Statuses, scores and answers are sent: a `normal` launch with credit. */
  get graded(): boolean {
    return this.gradedLaunch
  }

  get finished(): boolean {
    return this.finishedSession
  }

  /** A copy of the learner's state. */
  get state(): LearnerState {
    return structuredCloneState(this.current)
  }

  get pageIndex(): number {
    return this.current.page
  }

  get page(): CoursePage {
    return this.course.pages[this.current.page]!
  }

  isSeen(pageIndex: number): boolean {
    return this.current.seen[pageIndex] === true
  }

  goTo(pageIndex: number): void {
    if (!this.running() || pageIndex === this.current.page) return
    if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= this.course.pages.length) return
    this.current.page = pageIndex
    this.pageShownAt = this.now()
    this.afterChange(this.markSeen())
  }

  next(): void {
    this.goTo(this.current.page + 1)
  }

  previous(): void {
    this.goTo(this.current.page - 1)
  }

  /**
   * Submits the learner's response to a question: checked against the question (see
   * `checkedResponse`), kept in the state, recorded as an interaction (graded launches),
   * saved and committed. Null when refused: unknown question, already answered in this
   * attempt, session not running, or a response that does not fit the question.
   */
  answer(questionId: string, response: Response): AnswerView | null {
    const position = this.index.get(questionId)
    if (!this.running() || position === undefined || this.current.answers[position] != null) return null
    const question = this.questions[position]!
    const checked = checkedResponse(question, response)
    if (checked === null) return null
    this.current.answers[position] = checked
    if (this.gradedLaunch) {
      const now = this.now()
      this.tracker.recordAnswer({
        index: this.current.interactionCount,
        question,
        response: copyResponse(checked),
        correct: isScored(question) ? isRightAnswer(question, checked) : null,
        weight: isScored(question) ? question.weight : 0,
        timestamp: new Date(now),
        latencyMs: Math.max(0, now - this.pageShownAt),
      })
      this.current.interactionCount++
    }
    this.afterChange(false)
    return this.answerOf(questionId)
  }

  /** The submitted answer to a question in this attempt, or null while unanswered. */
  answerOf(questionId: string): AnswerView | null {
    const position = this.index.get(questionId)
    const response = position === undefined ? null : this.current.answers[position]
    if (position === undefined || response == null) return null
    const question = this.questions[position]!
    const scored = isScored(question)
    const quiz = this.course.quizzes[this.quizOfQuestion.get(questionId) ?? -1]
    const shown = scored && (quiz?.showCorrect ?? true) && (quiz === undefined || this.attemptSettled(quiz.id))
    return {
      response: copyResponse(response),
      correct: scored ? isRightAnswer(question, response) : null,
      correctResponse: shown ? rightAnswerView(question) : null,
    }
  }

  /**
   * The order in which the question's choices, matching targets or sequencing steps are first
   * shown (ids): authored, or shuffled when the quiz says so, the same for a learner at every
   * launch of an attempt (seeded by learner id, question id and attempt). Sequencing steps
   * never start in the right order; likert scales are never shuffled. [] for other types.
   */
  optionOrder(questionId: string): string[] {
    const position = this.index.get(questionId)
    if (position === undefined) return []
    const quizIndex = this.quizOfQuestion.get(questionId)
    const quiz = quizIndex === undefined ? undefined : this.course.quizzes[quizIndex]
    const attempt = quizIndex === undefined ? 1 : (this.current.quizAttempts[quizIndex] ?? 1)
    const learner = this.launchData?.learnerId || this.course.id
    return optionOrder(this.questions[position]!, { shuffle: quiz?.shuffle ?? false, seed: `${learner}|${questionId}|${attempt}` })
  }

  /** Score, pass, attempt under way and attempts left of a quiz; null for an unknown id. */
  quizResult(quizId: string): QuizResult | null {
    const quizIndex = this.course.quizzes.findIndex((candidate) => candidate.id === quizId)
    return quizIndex < 0 ? null : quizResult(this.course, quizIndex, this.questions, this.current, this.index)
  }

  /**
   * Whether the right answers may be shown: always with a single attempt; with several, only
   * once the quiz is complete and passed or out of attempts, so that a retry is not a copy.
   */
  private attemptSettled(quizId: string): boolean {
    const result = this.quizResult(quizId)
    if (result === null || result.quiz.attempts <= 1) return true
    return result.complete && (result.passed || result.attemptsLeft === 0)
  }

  /**
   * Starts a new attempt at a quiz that is complete and failed with attempts left: clears its
   * answers, counts the attempt, saves. Its next answers are new interaction records. False
   * when not allowed.
   */
  retryQuiz(quizId: string): boolean {
    const result = this.quizResult(quizId)
    if (!this.running() || result === null || !result.complete || result.passed || result.attemptsLeft <= 0) return false
    const quizIndex = this.course.quizzes.indexOf(result.quiz)
    for (const id of result.quiz.questionIds) {
      const position = this.index.get(id)
      if (position !== undefined) this.current.answers[position] = null
    }
    this.current.quizAttempts[quizIndex] = result.attempt + 1
    this.pageShownAt = this.now()
    this.afterChange(false)
    return true
  }

  /** What the attempt amounts to now (the same computation the tracker gets). */
  report(): LearnerReport {
    return buildReport(this.course, this.questions, this.current)
  }

  /** Asks the tracker to persist (page hidden, periodic tick). */
  commit(): void {
    if (!this.running()) return
    this.tracker.commit()
    this.emit()
  }

  /** Ends the session: exit `normal` once the attempt is over, else `suspend`. Once. */
  finish(): void {
    if (!this.running()) return
    this.finishedSession = true
    this.tracker.finish(this.report().final ? 'normal' : 'suspend', Math.max(0, this.now() - this.startedAt))
    this.emit()
  }

  health(): TrackerHealth {
    return this.tracker.health()
  }

  /** Called after each change (the interface re-renders); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private running(): boolean {
    return this.launchData !== null && !this.finishedSession
  }

  private markSeen(): boolean {
    if (this.current.seen[this.current.page]) return false
    this.current.seen[this.current.page] = true
    return true
  }

  /** Reports what changed (the final report once per attempt), then saves and commits. */
  private afterChange(progressed: boolean): void {
    if (this.gradedLaunch && !this.current.reported) {
      const report = this.report()
      if (report.final) {
        this.tracker.reportResult(report)
        this.current.reported = true
      } else if (progressed && !this.launchFinished) {
        this.tracker.reportResult(report)
      }
    }
    // Review, browse and no-credit launches keep the bookmark only: the state they hold is not theirs to change.
    const suspendData = this.gradedLaunch ? encodeState(this.current, this.shape) : this.launchData!.suspendData
    this.tracker.saveProgress(this.page.id, suspendData)
    this.emit()
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }
}

export function createEngine(course: Course, tracker: Tracker, options: EngineOptions = {}): PlayerEngine {
  return new PlayerEngine(course, tracker, options)
}

function structuredCloneState(state: LearnerState): LearnerState {
  return {
    page: state.page,
    seen: [...state.seen],
    answers: state.answers.map((answer) => (answer === null ? null : copyResponse(answer))),
    quizAttempts: [...state.quizAttempts],
    blocks: state.blocks.map((block) => (block === null ? null : structuredClone(block))),
    interactionCount: state.interactionCount,
    reported: state.reported,
  }
}

function copyResponse(response: Response): Response {
  if (!Array.isArray(response)) return response
  return (response as (string | [string, string])[]).map((item) => (Array.isArray(item) ? [...item] : item)) as Response
}

/** The right answer as `AnswerView` gives it (a numeric range as `min–max`). */
function rightAnswerView(question: Question): Response | null {
  if (question.type === 'numeric' && question.min !== question.max) return `${formatDecimal(question.min)}–${formatDecimal(question.max)}`
  return correctResponse(question)
}
