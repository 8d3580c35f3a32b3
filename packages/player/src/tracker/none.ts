import type { Course } from '@cafes/core'
import type { LearnerReport } from '../engine/report.js'
import type { AnswerRecord, LaunchData, PathRecord, Tracker, TrackerHealth } from './tracker.js'

/** The part of `Storage` the no-LMS tracker uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export interface NoneTrackerOptions {
  /** Where progress is kept; see `noneStorageKey`. */
  storageKey: string
  /** `localStorage` in the browser; null when the browser refuses it (then nothing is kept). */
  storage: KeyValueStorage | null
  /** True when standing in for a SCORM LMS that could not be found: health is then `detached`. */
  fallback: boolean
}

/** One key per course id and version, so a new version never reads an old version's progress. */
export function noneStorageKey(course: Pick<Course, 'id' | 'version'>): string {
  return `cafes:${course.id}:${course.version}`
}

/**
 * The no-LMS tracker: the `web` target, and SCORM packages opened outside an LMS. Keeps the
 * location and state in the browser's storage; records no answer and no result.
 */
export class NoneTracker implements Tracker {
  private launch: LaunchData | null = null
  private finished = false
  private storageFailed = false

  constructor(private readonly options: NoneTrackerOptions) {}

  start(): LaunchData {
    if (this.launch !== null) return this.launch
    let location = ''
    let suspendData = ''
    try {
      const saved: unknown = JSON.parse(this.options.storage?.getItem(this.options.storageKey) ?? 'null')
      if (saved !== null && typeof saved === 'object') {
        const record = saved as { location?: unknown; suspendData?: unknown }
        if (typeof record.location === 'string') location = record.location
        if (typeof record.suspendData === 'string') suspendData = record.suspendData
      }
    } catch {
      // Unreadable or refused storage: start afresh.
    }
    // No learner id: shuffles are seeded by the course alone.
    this.launch = { mode: 'normal', credit: true, suspendData, location, learnerId: '' }
    return this.launch
  }

  saveProgress(location: string, suspendData: string): void {
    if (this.finished || this.options.storage === null) return
    try {
      this.options.storage.setItem(this.options.storageKey, JSON.stringify({ location, suspendData }))
      this.storageFailed = false
    } catch {
      this.storageFailed = true
    }
  }

  recordAnswer(_answer: AnswerRecord): void {}

  recordPath(_path: PathRecord): void {}

  reportResult(_report: LearnerReport): void {}

  commit(): boolean {
    return !this.finished && !this.storageFailed && this.options.storage !== null
  }

  finish(_exit: 'suspend' | 'normal', _sessionTimeMs: number): void {
    this.finished = true
  }

  health(): TrackerHealth {
    if (this.options.fallback) return 'detached'
    return this.storageFailed || this.options.storage === null ? 'failing' : 'connected'
  }
}

/** `window.localStorage`, or null where reading it throws (sandboxed frames, some privacy modes). */
export function browserStorage(win: { localStorage?: KeyValueStorage }): KeyValueStorage | null {
  try {
    return win.localStorage ?? null
  } catch {
    return null
  }
}

export function createNoneTracker(options: NoneTrackerOptions): NoneTracker {
  return new NoneTracker(options)
}
