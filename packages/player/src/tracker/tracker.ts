import type { Question, Response, ScenarioBlock } from '@cafes/core'
import type { LearnerReport } from '../engine/report.js'

/**
 * How the player talks to whatever records the learner's work (an LMS, an LRS, the browser).
 * The engine decides everything; a tracker only translates its decisions into the
 * standard's calls. One implementation per target: scorm12, scorm2004, xapi, cmi5, none.
 */
export interface Tracker {
  /** Connects and reads what the LMS holds for this learner. Never throws. */
  start(): LaunchData
  /** Where the learner is and the encoded state; written, then committed. */
  saveProgress(location: string, suspendData: string): void
  /** One answered question, as an interaction record. */
  recordAnswer(answer: AnswerRecord): void
  /** One scenario played to an ending, as an interaction record (once per scenario). */
  recordPath(path: PathRecord): void
  /**
   * Statuses (and, on the final report, the score) in the order LMSs expect: min, max, raw,
   * scaled, then status. A non-final report only sets `incomplete`.
   */
  reportResult(report: LearnerReport): void
  /** Asks the LMS to persist what it has. False when it could not. */
  commit(): boolean
  /**
   * Ends the session: writes the session time and the exit value (`suspend` while
   * unfinished, `normal` once finished), then finishes. Idempotent: later calls do nothing.
   */
  finish(exit: 'suspend' | 'normal', sessionTimeMs: number): void
  /** Whether the last writes reached the LMS; drives the "progress not saved" message. */
  health(): TrackerHealth
  /** Trackers whose writes complete later (xAPI) say when `health()` changes. */
  onHealthChange?(listener: () => void): void
}

export type TrackerHealth = 'connected' | 'detached' | 'failing'

export interface LaunchData {
  /** `normal`; `browse` and `review` change no status or score. */
  mode: 'normal' | 'browse' | 'review'
  /** false for `credit=no-credit`: nothing that grades is sent. */
  credit: boolean
  /** The encoded state from a previous session, or ''. */
  suspendData: string
  /** The page id from a previous session, or ''. */
  location: string
  /** The learner's name as the LMS gives it, for display only. */
  learnerName?: string
  /**
   * The learner's id as the LMS gives it (1.2 `cmi.core.student_id`, 2004 `cmi.learner_id`),
   * '' or absent without one: it seeds the shuffles, never leaves the player.
   */
  learnerId?: string
  /** `cmi.core.lesson_status` / `cmi.completion_status` as found at launch. */
  initialStatus?: string
  /**
   * A pass mark the LMS sets for this launch (cmi5 `masteryScore`, 0–1): it then decides
   * passed or failed on the final score, whatever the course's own pass marks say.
   */
  masteryScore?: number
  /** The learner's preferred languages (cmi5 `languagePreference`, `en-US,fr-FR`): the interface uses the first it speaks. */
  languagePreference?: string
}

/** One answered question, in the engine's terms; adapters format it per edition. */
export interface AnswerRecord {
  /** Index of the record to write (the player's own counter, never `_count`). */
  index: number
  /** The question answered: its id, type, prompt (2004 descriptions) and right answer (patterns). */
  question: Question
  /** The learner's response, as checked and kept by the engine. */
  response: Response
  /** Whether the response is right; null for a question that is not scored (result `neutral`). */
  correct: boolean | null
  /** The question's weight; 0 when it is not scored. */
  weight: number
  /** When the answer was submitted. */
  timestamp: Date
  /** Milliseconds from showing the question to submitting the answer. */
  latencyMs: number
}

/** A scenario played to an ending, in the engine's terms; adapters format it per edition. */
export interface PathRecord {
  /** Index of the record to write (the same counter as answers). */
  index: number
  /** The scenario: its id (the interaction id) and prompt (2004 descriptions). */
  scenario: ScenarioBlock
  /** Node ids from the start to the ending. */
  path: string[]
  /** The ending's outcome: `success` → correct, `failure` → wrong, `neutral` → neutral. */
  outcome: 'success' | 'neutral' | 'failure'
  /** The scenario's weight (0: not scored). */
  weight: number
  /** When the ending was reached. */
  timestamp: Date
  /** Milliseconds from showing the page to reaching the ending. */
  latencyMs: number
}
