import type { LearnerReport } from '../engine/report.js'
import { type TrackerLogger, LmsConnection } from './lms-connection.js'
import type { AnswerRecord, LaunchData, PathRecord, Tracker, TrackerHealth } from './tracker.js'
import { type ScormEdition, VOCABULARY } from './vocabulary.js'

/** One `SetValue`: element name and value, both strings. */
export type CmiWrite = readonly [element: string, value: string]

/** The result of reading the launch elements: what the engine gets, and whether B10 applies. */
export interface ScormLaunch {
  launch: LaunchData
  /** The LMS holds no status yet (1.2 `not attempted`, 2004 `unknown`): set `incomplete` at once. */
  firstLaunch: boolean
}

/** An edition's pure mapping: engine decisions in, `[element, value]` writes out. */
export interface ScormMapping {
  edition: ScormEdition
  /** Elements read right after Initialize, in this order. */
  launchElements: readonly string[]
  launchData(values: Readonly<Record<string, string>>): ScormLaunch
  firstLaunchWrites(): CmiWrite[]
  /** Location and state; a value over the edition's limit is left out (and named in `rejected`). */
  progressWrites(location: string, suspendData: string): { writes: CmiWrite[]; rejected: string[] }
  reportWrites(report: LearnerReport): CmiWrite[]
  answerWrites(answer: AnswerRecord): CmiWrite[]
  pathWrites(path: PathRecord): CmiWrite[]
  finishWrites(exit: 'suspend' | 'normal', sessionTimeMs: number): CmiWrite[]
  /** 1.2 commits before LMSFinish; 2004 must not commit right before Terminate (B14). */
  commitBeforeFinish: boolean
}

export interface ScormTrackerOptions {
  log?: TrackerLogger
}

/** How many times a final report that did not reach the LMS is tried again, once per commit. */
export const MAX_REPORT_RETRIES = 5

/**
 * The transport side of a SCORM adapter: applies an edition's writes through the API and
 * keeps track of whether they reached the LMS. It never throws, never loops on a failure,
 * and does nothing once finished.
 */
export class ScormTracker implements Tracker {
  private readonly connection: LmsConnection
  private readonly log: TrackerLogger
  private launch: LaunchData | null = null
  private connected = false
  private finished = false
  private graded = false
  /** Last values the LMS holds, so an unchanged value is not written again. */
  private written = new Map<string, string>()
  /** A final report whose writes failed: tried again on each commit, a bounded number of times. */
  private pendingReport: CmiWrite[] | null = null
  private reportRetries = 0
  private progressFailed = false
  private commitFailed = false
  /** The LMS's `interactions._count` at launch, when it gave a usable one. */
  private lmsInteractionBase: number | null = null
  /** The engine's record index of the first answer of this session. */
  private firstAnswerIndex: number | null = null

  constructor(
    api: object,
    private readonly mapping: ScormMapping,
    options: ScormTrackerOptions = {},
  ) {
    this.log = options.log ?? console
    this.connection = new LmsConnection(api, mapping.edition, this.log)
  }

  start(): LaunchData {
    if (this.launch !== null) return this.launch
    this.connected = this.connection.initialize()
    if (!this.connected) {
      this.launch = { mode: 'normal', credit: true, suspendData: '', location: '' }
      return this.launch
    }
    const values: Record<string, string> = {}
    for (const element of this.mapping.launchElements) values[element] = this.connection.get(element)
    const { launch, firstLaunch } = this.mapping.launchData(values)
    this.launch = launch
    this.graded = launch.mode === 'normal' && launch.credit
    for (const [element, value] of Object.entries(values)) this.written.set(element, value)
    const count = this.connection.get(`${VOCABULARY.interactions[this.mapping.edition]}._count`)
    if (/^\d+$/.test(count)) this.lmsInteractionBase = Number(count)
    if (this.graded) {
      // exit=suspend from the start, so a session that dies without finishing is resumed,
      // not restarted; finish() sets the real exit value.
      const exitSuspend: CmiWrite = [VOCABULARY.exit[this.mapping.edition], VOCABULARY.exitSuspend[this.mapping.edition]]
      this.applyAll([...(firstLaunch ? this.mapping.firstLaunchWrites() : []), exitSuspend])
      this.commit()
    }
    return launch
  }

  saveProgress(location: string, suspendData: string): void {
    if (!this.active()) return
    const { writes, rejected } = this.mapping.progressWrites(location, suspendData)
    for (const element of rejected) this.log.warn(`[cafes] ${element} not written: over the ${this.mapping.edition} limit`)
    let ok = true
    for (const [element, value] of writes) {
      if (this.written.get(element) === value) continue
      if (this.connection.set(element, value)) this.written.set(element, value)
      else ok = false
    }
    this.progressFailed = !ok
    this.commit()
  }

  recordAnswer(answer: AnswerRecord): void {
    if (!this.active() || !this.graded) return
    // A rejected field drops the rest of this interaction, silently: status and score matter more (B17).
    this.applyAll(this.mapping.answerWrites({ ...answer, index: this.lmsIndex(answer.index) }))
  }

  recordPath(path: PathRecord): void {
    if (!this.active() || !this.graded) return
    this.applyAll(this.mapping.pathWrites({ ...path, index: this.lmsIndex(path.index) }))
  }

  reportResult(report: LearnerReport): void {
    if (!this.active() || !this.graded) return
    const writes = this.mapping.reportWrites(report)
    if (!report.final) {
      this.applyAll(writes)
      return
    }
    if (!this.applyAll(writes)) {
      this.pendingReport = writes
      this.reportRetries = 0
    }
    this.commitNow()
  }

  /** Tries a final report that did not go through once more, then commits. */
  commit(): boolean {
    if (!this.active()) return false
    this.retryPendingReport()
    return this.commitNow()
  }

  finish(exit: 'suspend' | 'normal', sessionTimeMs: number): void {
    if (!this.active()) {
      this.finished = true
      return
    }
    this.retryPendingReport()
    for (const [element, value] of this.mapping.finishWrites(exit, sessionTimeMs)) this.connection.set(element, value)
    if (this.mapping.commitBeforeFinish) this.commitFailed = !this.connection.commit()
    this.finished = true
    if (!this.connection.terminate()) this.commitFailed = true
  }

  health(): TrackerHealth {
    if (!this.connected) return 'detached'
    return this.commitFailed || this.progressFailed || this.pendingReport !== null ? 'failing' : 'connected'
  }

  /**
   * Where the LMS expects the record: the engine's own counter (B17: some LMSs give no usable
   * `_count`), shifted onto the LMS's `_count` when it gave one, since an LMS that starts each
   * session with an empty journal refuses an index past it.
   */
  private lmsIndex(engineIndex: number): number {
    this.firstAnswerIndex ??= engineIndex
    if (this.lmsInteractionBase === null) return engineIndex
    return this.lmsInteractionBase + engineIndex - this.firstAnswerIndex
  }

  private commitNow(): boolean {
    const ok = this.connection.commit()
    this.commitFailed = !ok
    return ok
  }

  private active(): boolean {
    return this.launch !== null && this.connected && !this.finished
  }

  /** Writes in order, stopping at the first the LMS rejects; true when all went through. */
  private applyAll(writes: readonly CmiWrite[]): boolean {
    for (const [element, value] of writes) {
      if (!this.connection.set(element, value)) return false
      this.written.set(element, value)
    }
    return true
  }

  private retryPendingReport(): void {
    if (this.pendingReport === null) return
    if (this.reportRetries >= MAX_REPORT_RETRIES) return
    this.reportRetries++
    if (this.applyAll(this.pendingReport)) this.pendingReport = null
  }
}
