import {
  type Course,
  type CoursePage,
  type LearnerState,
  type Question,
  type StateShape,
  courseQuestions,
  decodeState,
  emptyState,
  encodeState,
  stateShape,
} from '@cafes/core'
import type { LaunchData, Tracker, TrackerHealth } from '../tracker/tracker.js'
import type { LearnerReport } from './report.js'
import { type QuizResult, buildReport, isRightAnswer, questionIndex, quizResult } from './scoring.js'

export interface EngineOptions {
  /** Milliseconds since the epoch; `Date.now` by default (tests pass a fake clock). */
  now?: () => number
}

/** A submitted answer as the interface shows it. */
export interface AnswerView {
  /** Choice ids selected, in choice order. */
  selected: string[]
  correct: boolean
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
   * Submits the learner's choices (ids). One attempt per question: false when the question is
   * unknown, already answered, or the selection is not valid for its type.
   */
  answer(questionId: string, choiceIds: readonly string[]): boolean {
    const position = this.index.get(questionId)
    if (!this.running() || position === undefined || this.current.answers[position] != null) return false
    const question = this.questions[position]!
    const selected = question.choices.flatMap((choice, index) => (choiceIds.includes(choice.id) ? [index] : []))
    if (selected.length === 0 || (question.type === 'single' && selected.length !== 1)) return false
    this.current.answers[position] = selected
    if (this.gradedLaunch) {
      const now = this.now()
      this.tracker.recordAnswer({
        index: this.current.interactionCount,
        questionId: question.id,
        type: question.type,
        description: question.prompt,
        response: selected.map((index) => question.choices[index]!.id),
        correctResponse: question.choices.filter((choice) => choice.correct).map((choice) => choice.id),
        correct: isRightAnswer(question, selected),
        weight: question.weight,
        timestamp: new Date(now),
        latencyMs: Math.max(0, now - this.pageShownAt),
      })
      this.current.interactionCount++
    }
    this.afterChange(false)
    return true
  }

  /** The submitted answer to a question, or null while unanswered. */
  answerOf(questionId: string): AnswerView | null {
    const position = this.index.get(questionId)
    const selected = position === undefined ? null : this.current.answers[position]
    if (position === undefined || selected == null) return null
    const question = this.questions[position]!
    return { selected: selected.map((index) => question.choices[index]!.id), correct: isRightAnswer(question, selected) }
  }

  quizResult(quizId: string): QuizResult | null {
    const quiz = this.course.quizzes.find((candidate) => candidate.id === quizId)
    return quiz ? quizResult(quiz, this.questions, this.current, this.index) : null
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
    answers: state.answers.map((answer) => (answer === null ? null : [...answer])),
    interactionCount: state.interactionCount,
    reported: state.reported,
  }
}
