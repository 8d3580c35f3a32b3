import {
  type BlockState,
  type ChallengeBlock,
  type Course,
  type CoursePage,
  type LearnerState,
  type Question,
  type Response,
  type ScenarioBlock,
  type ScenarioChoice,
  type ScenarioNode,
  type StatefulBlock,
  type StateShape,
  correctResponse,
  courseQuestions,
  decodeState,
  emptyState,
  encodeState,
  formatDecimal,
  isScored,
  maxChallengeRemaining,
  stateShape,
  statefulBlocks,
} from '@cafes/core'
import type { LaunchData, Tracker, TrackerHealth } from '../tracker/tracker.js'
import { optionOrder } from './option-order.js'
import type { LearnerReport } from './report.js'
import { checkedResponse } from './response-check.js'
import { choiceBetween, pathOutcome, pathPoints, scenarioNode } from './scenario.js'
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

/** Where a branching scenario stands. */
export interface ScenarioView {
  /** The node the learner is on. */
  node: ScenarioNode
  /** Node ids from the start to the current node (steps back undone). */
  path: string[]
  /** Points of the choices along the path. */
  points: number
  /** An ending (or a node with no choice) is reached: the path is recorded, no more choices or steps back. */
  ended: boolean
  /** `allowBack`, not ended, and a choice to undo. */
  canGoBack: boolean
}

/** Where a mini-défi stands. */
export interface ChallengeView {
  /** Ticked checklist items, in checklist order. */
  checked: string[]
  /** Whole seconds left (rounded up), null when untimed. */
  remaining: number | null
  /** The timer runs (the interface ticks it); false when untimed, paused, out of time or done. */
  running: boolean
  /** Finished by the learner, or its quiz is complete. */
  done: boolean
  /** The time limit was reached: nothing is lost, ticks and answers stay editable, time can be extended. */
  timeUp: boolean
}

/** How a media block was completed: listened or watched to the end, or the transcript read. */
export type MediaCompletion = 'ended' | 'transcript'

/** A timed mini-défi's clock, kept between saves. */
interface ChallengeTimer {
  /** Seconds left, fractional, never below 0; may exceed the time limit after extensions. */
  remaining: number
  running: boolean
  /** `remaining` when last written into the state. */
  saved: number
}

/** `remaining` is written into the saved state at most this often while a timer runs (seconds). */
export const TIMER_SAVE_SECONDS = 10

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
  /** Scenarios, mini-défis and media in `statefulBlocks` order (the state's `blocks`). */
  private readonly blocks: readonly StatefulBlock[]
  private readonly blockIndex: Map<string, number>
  /** The mini-défi (block index) whose quiz holds each question. */
  private readonly challengeOfQuestion: Map<string, number>
  /** Clocks of the timed mini-défis, by block index. */
  private timers = new Map<number, ChallengeTimer>()
  /** The choice last taken in each scenario this session, by block index (feedback). */
  private readonly choices = new Map<number, ScenarioChoice>()

  constructor(course: Course, tracker: Tracker, options: EngineOptions = {}) {
    this.course = course
    this.tracker = tracker
    this.questions = courseQuestions(course)
    this.shape = stateShape(course)
    this.index = questionIndex(this.questions)
    this.quizOfQuestion = new Map(course.quizzes.flatMap((quiz, quizIndex) => quiz.questionIds.map((id) => [id, quizIndex] as const)))
    this.now = options.now ?? Date.now
    this.current = emptyState(this.shape)
    this.blocks = statefulBlocks(course)
    this.blockIndex = new Map(this.blocks.map((block, index) => [block.id, index]))
    this.challengeOfQuestion = new Map(this.blocks.flatMap((block, index) =>
      block.kind === 'challenge' && block.quiz ? block.quiz.questions.map((question) => [question.id, index] as const) : []))
    this.timers = this.restoreTimers()
    tracker.onHealthChange?.(() => this.emit())
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
    // Resumed clocks are paused: the learner starts them again.
    this.timers = this.restoreTimers()
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
    // Leaving a page pauses its mini-défi timers and saves the time left.
    for (const [index, timer] of this.timers) {
      timer.running = false
      if (timer.saved !== timer.remaining) this.writeChallenge(index)
    }
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
    this.settleChallengeQuiz(questionId)
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
    const report = buildReport(this.course, this.questions, this.current)
    const mastery = this.launchData?.masteryScore
    if (mastery !== undefined && report.final && report.score) report.success = report.score.scaled >= mastery ? 'passed' : 'failed'
    return report
  }

  // Branching scenarios

  /** Where a scenario stands; null for an unknown id. Untouched: its start node. */
  scenarioState(scenarioId: string): ScenarioView | null {
    const found = this.blockOf(scenarioId, 'scenario')
    if (found === null) return null
    const [scenario, index] = found
    const path = this.scenarioPath(index)
    const node = scenarioNode(scenario, path.at(-1))
    if (node === undefined) return null
    const ended = pathOutcome(scenario, path) !== null
    return { node, path, points: pathPoints(scenario, path), ended, canGoBack: scenario.allowBack && !ended && path.length > 1 }
  }

  /**
   * Takes a choice of the current node: moves to its target, adds it to the path, saves. At an
   * ending the scenario is over: its path is recorded as one interaction (graded launches),
   * then the state is saved and committed. False when refused: unknown scenario or choice,
   * ended, a target that is missing or already on the path, or the session not running.
   */
  chooseScenario(scenarioId: string, choiceId: string): boolean {
    const found = this.blockOf(scenarioId, 'scenario')
    if (!this.running() || found === null) return false
    const [scenario, index] = found
    const path = this.scenarioPath(index)
    if (pathOutcome(scenario, path) !== null) return false
    const choice = scenarioNode(scenario, path.at(-1))?.choices.find((candidate) => candidate.id === choiceId)
    if (choice === undefined || scenarioNode(scenario, choice.target) === undefined || path.includes(choice.target)) return false
    path.push(choice.target)
    this.current.blocks[index] = { kind: 'scenario', path }
    this.choices.set(index, choice)
    const outcome = pathOutcome(scenario, path)
    if (outcome !== null && this.gradedLaunch) {
      const now = this.now()
      this.tracker.recordPath({
        index: this.current.interactionCount,
        scenario,
        path: [...path],
        outcome,
        weight: scenario.weight,
        timestamp: new Date(now),
        latencyMs: Math.max(0, now - this.pageShownAt),
      })
      this.current.interactionCount++
    }
    this.afterChange(false)
    return true
  }

  /** Undoes the last choice (`allowBack`, not ended, a choice to undo) and saves; false otherwise. */
  scenarioBack(scenarioId: string): boolean {
    const view = this.scenarioState(scenarioId)
    if (!this.running() || view === null || !view.canGoBack) return false
    const index = this.blockIndex.get(scenarioId)!
    this.current.blocks[index] = { kind: 'scenario', path: view.path.slice(0, -1) }
    this.choices.delete(index)
    this.afterChange(false)
    return true
  }

  /**
   * The choice that led to the current node (for its feedback): the one taken this session,
   * else, after a resume or a step back, the first choice of the previous node leading here.
   * Null at the start node.
   */
  lastChoice(scenarioId: string): ScenarioChoice | null {
    const found = this.blockOf(scenarioId, 'scenario')
    if (found === null) return null
    const [scenario, index] = found
    const path = this.scenarioPath(index)
    if (path.length < 2) return null
    const taken = this.choices.get(index)
    if (taken !== undefined && taken.target === path.at(-1)) return taken
    return choiceBetween(scenario, path.at(-2), path.at(-1)) ?? null
  }

  // Mini-défis

  /** Where a mini-défi stands; null for an unknown id. */
  challengeState(challengeId: string): ChallengeView | null {
    const found = this.blockOf(challengeId, 'challenge')
    if (found === null) return null
    const [challenge, index] = found
    const saved = this.challengeSaved(index)
    const timer = this.timers.get(index)
    return {
      checked: challenge.checklist.filter((item) => saved?.checked.includes(item.id)).map((item) => item.id),
      remaining: timer ? Math.ceil(timer.remaining) : null,
      running: timer?.running ?? false,
      done: this.challengeDone(index),
      timeUp: timer !== undefined && timer.remaining <= 0,
    }
  }

  /** Ticks or unticks a checklist item and saves; allowed after time is up, not once done. */
  toggleChallengeItem(challengeId: string, itemId: string): boolean {
    const found = this.blockOf(challengeId, 'challenge')
    if (!this.running() || found === null) return false
    const [challenge, index] = found
    if (this.challengeDone(index) || !challenge.checklist.some((item) => item.id === itemId)) return false
    const checked = new Set(this.challengeSaved(index)?.checked ?? [])
    if (checked.has(itemId)) checked.delete(itemId)
    else checked.add(itemId)
    this.writeChallenge(index, { checked: challenge.checklist.filter((item) => checked.has(item.id)).map((item) => item.id) })
    this.afterChange(false)
    return true
  }

  /** Starts (or resumes) a timed mini-défi's clock: time left, not running, not done. */
  startChallengeTimer(challengeId: string): boolean {
    const [index, timer] = this.timerOf(challengeId)
    if (timer === undefined || timer.running || timer.remaining <= 0 || this.challengeDone(index)) return false
    timer.running = true
    this.writeChallenge(index)
    this.afterChange(false)
    return true
  }

  /** Pauses a running clock and saves the time left. */
  pauseChallengeTimer(challengeId: string): boolean {
    const [index, timer] = this.timerOf(challengeId)
    if (!timer?.running) return false
    timer.running = false
    this.writeChallenge(index)
    this.afterChange(false)
    return true
  }

  /**
   * Adds seconds (> 0) to a timed mini-défi that is not done, any number of times, even once
   * time is up (the clock then stays stopped until started again). The saved state keeps at
   * most the time limit (the codec's bound); the session keeps the full time.
   */
  extendChallengeTimer(challengeId: string, seconds: number): boolean {
    const [index, timer] = this.timerOf(challengeId)
    if (timer === undefined || this.challengeDone(index) || !(seconds > 0 && seconds < Infinity)) return false
    const most = maxChallengeRemaining((this.blocks[index] as ChallengeBlock).timeLimit!)
    if (timer.remaining >= most) return false
    timer.remaining = Math.min(most, timer.remaining + seconds)
    this.writeChallenge(index)
    this.afterChange(false)
    return true
  }

  /**
   * The interface's clock: takes `elapsedSeconds` (> 0) off a running timer, never below 0.
   * At 0 the clock stops and the state is saved (nothing else changes); otherwise the time
   * left is saved once it moved `TIMER_SAVE_SECONDS` since the last save, and listeners are
   * told either way.
   */
  tickChallenge(challengeId: string, elapsedSeconds: number): boolean {
    const [index, timer] = this.timerOf(challengeId)
    if (!timer?.running || !(elapsedSeconds > 0 && elapsedSeconds < Infinity)) return false
    timer.remaining = Math.max(0, timer.remaining - elapsedSeconds)
    if (timer.remaining === 0) timer.running = false
    if (timer.remaining === 0 || Math.abs(timer.saved - timer.remaining) >= TIMER_SAVE_SECONDS) {
      this.writeChallenge(index)
      this.afterChange(false)
    } else {
      this.emit()
    }
    return true
  }

  /**
   * The learner ends the mini-défi: done, clock stopped, saved. A mini-défi with a quiz is done
   * when its quiz is complete; before that this returns false.
   */
  finishChallenge(challengeId: string): boolean {
    const found = this.blockOf(challengeId, 'challenge')
    if (!this.running() || found === null) return false
    const [challenge, index] = found
    if (this.challengeDone(index) || (challenge.quiz && !this.challengeQuizComplete(challenge))) return false
    this.completeChallenge(index)
    this.afterChange(false)
    return true
  }

  // Audio and video

  /** Whether a media block was heard or seen to the end, or its transcript read; null for an unknown id. */
  mediaState(mediaId: string): { done: boolean } | null {
    const found = this.blockOf(mediaId, 'media')
    if (found === null) return null
    const saved = this.current.blocks[found[1]]
    return { done: saved?.kind === 'media' && saved.done }
  }

  /**
   * Marks a media block done (listened or watched to the end, or transcript read) and saves: a
   * required one counts toward completion. True once done (again: nothing changes).
   */
  markMediaDone(mediaId: string, how: MediaCompletion): boolean {
    const found = this.blockOf(mediaId, 'media')
    if (!this.running() || found === null || (how !== 'ended' && how !== 'transcript')) return false
    if (this.mediaState(mediaId)?.done) return true
    this.current.blocks[found[1]] = { kind: 'media', done: true }
    this.afterChange(true)
    return true
  }

  /** Asks the tracker to persist (page hidden, periodic tick); a mini-défi's unsaved time left is saved first. */
  commit(): void {
    if (!this.running()) return
    let unsaved = false
    for (const [index, timer] of this.timers) {
      if (timer.saved === timer.remaining) continue
      this.writeChallenge(index)
      unsaved = true
    }
    // Saving commits as well.
    if (unsaved) this.afterChange(false)
    else {
      this.tracker.commit()
      this.emit()
    }
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

  /** The block with that id when it is of that kind, with its index in `statefulBlocks`. */
  private blockOf<K extends StatefulBlock['kind']>(id: string, kind: K): [Extract<StatefulBlock, { kind: K }>, number] | null {
    const index = this.blockIndex.get(id)
    const block = index === undefined ? undefined : this.blocks[index]
    return block?.kind === kind ? [block as Extract<StatefulBlock, { kind: K }>, index!] : null
  }

  /** A timed mini-défi's index and clock while the session runs (no clock otherwise). */
  private timerOf(challengeId: string): [number, ChallengeTimer | undefined] {
    const index = this.blockIndex.get(challengeId) ?? -1
    return [index, this.running() ? this.timers.get(index) : undefined]
  }

  private scenarioPath(index: number): string[] {
    const saved = this.current.blocks[index]
    if (saved?.kind === 'scenario' && saved.path.length > 0) return [...saved.path]
    return [(this.blocks[index] as ScenarioBlock).start]
  }

  private challengeSaved(index: number): Extract<BlockState, { kind: 'challenge' }> | null {
    const saved = this.current.blocks[index]
    return saved?.kind === 'challenge' ? saved : null
  }

  private challengeQuizComplete(challenge: ChallengeBlock): boolean {
    return (challenge.quiz?.questions ?? []).every((question) => {
      const position = this.index.get(question.id)
      return position !== undefined && this.current.answers[position] != null
    })
  }

  private challengeDone(index: number): boolean {
    const challenge = this.blocks[index] as ChallengeBlock
    return this.challengeSaved(index)?.done === true || (challenge.quiz !== undefined && this.challengeQuizComplete(challenge))
  }

  private completeChallenge(index: number): void {
    const timer = this.timers.get(index)
    if (timer) timer.running = false
    this.writeChallenge(index, { done: true })
  }

  /** An answer that completes a mini-défi's quiz finishes the mini-défi. */
  private settleChallengeQuiz(questionId: string): void {
    const index = this.challengeOfQuestion.get(questionId)
    if (index === undefined || this.challengeSaved(index)?.done) return
    if (this.challengeQuizComplete(this.blocks[index] as ChallengeBlock)) this.completeChallenge(index)
  }

  /** Writes a mini-défi's state: ticks, done, and the clock's time left (whole seconds, extensions included). */
  private writeChallenge(index: number, change: { checked?: string[]; done?: boolean } = {}): void {
    const saved = this.challengeSaved(index)
    const timer = this.timers.get(index)
    const limit = (this.blocks[index] as ChallengeBlock).timeLimit
    if (timer) timer.saved = timer.remaining
    this.current.blocks[index] = {
      kind: 'challenge',
      checked: change.checked ?? saved?.checked ?? [],
      remaining: timer && limit !== undefined ? Math.min(maxChallengeRemaining(limit), Math.ceil(timer.remaining)) : null,
      done: change.done ?? saved?.done ?? false,
    }
  }

  /** Paused clocks for the timed mini-défis, from the state (the full limit when untouched). */
  private restoreTimers(): Map<number, ChallengeTimer> {
    const timers = new Map<number, ChallengeTimer>()
    for (const [index, block] of this.blocks.entries()) {
      if (block.kind !== 'challenge' || block.timeLimit === undefined) continue
      const saved = this.challengeSaved(index)
      const remaining = saved?.remaining ?? block.timeLimit
      timers.set(index, { remaining, running: false, saved: remaining })
    }
    return timers
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
