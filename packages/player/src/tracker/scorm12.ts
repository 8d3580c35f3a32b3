import { type Question, correctResponse, formatResponse } from '@cafes/core'
import type { LearnerReport } from '../engine/report.js'
import { type CmiWrite, type ScormLaunch, type ScormMapping, type ScormTrackerOptions, ScormTracker } from './scorm-session.js'
import { formatCmiTime, formatCmiTimespan } from './time-format.js'
import type { AnswerRecord, PathRecord } from './tracker.js'
import { scormFirstLaunchWrites, scormInteractionWrites, scormPathWrites, scormLaunchData, scormLaunchElements, scormProgressWrites } from './scorm-common.js'
import { VOCABULARY as V } from './vocabulary.js'

/** SCORM 1.2 adapter: a pure mapping from the engine's decisions to `cmi.core.*` writes. */
const E = 'scorm12'

export const scorm12LaunchData = (values: Readonly<Record<string, string>>): ScormLaunch => scormLaunchData(E, values)

export const scorm12FirstLaunchWrites = (): CmiWrite[] => scormFirstLaunchWrites(E)

export const scorm12ProgressWrites = (location: string, suspendData: string): { writes: CmiWrite[]; rejected: string[] } =>
  scormProgressWrites(E, location, suspendData)

/** Non-final: `incomplete`. Final: min, max, raw (when scored), then the one status. */
export function scorm12ReportWrites(report: LearnerReport): CmiWrite[] {
  if (!report.final) return [[V.completionStatus[E], V.statusIncomplete[E]]]
  const writes: CmiWrite[] = []
  if (report.score) {
    writes.push([V.scoreMin[E], '0'], [V.scoreMax[E], '100'], [V.scoreRaw[E], String(report.score.raw)])
  }
  const status =
    report.success === 'passed'
      ? V.statusPassed[E]
      : report.success === 'failed'
        ? V.statusFailed[E]
        : report.completion === 'completed'
          ? V.statusCompleted[E]
          : V.statusIncomplete[E]
  writes.push([V.completionStatus[E], status])
  return writes
}

/**
 * One journaled interaction: `id`, `type`, `student_response`, the pattern, `result`
 * (`correct`/`wrong`/`neutral`), `weighting`, `time`, `latency` (1.2 syntax, STANDARDS.md §2.6).
 */
export function scorm12AnswerWrites(answer: AnswerRecord): CmiWrite[] {
  return scormInteractionWrites(E, answer, scorm12Patterns(answer.question), formatCmiTime(answer.timestamp), formatCmiTimespan(answer.latencyMs))
}

/**
 * A scenario path: `performance`, `student_response` = node ids joined by `,` (at most 255
 * characters), `result` `correct`/`wrong`/`neutral` from the ending, `weighting`, `time`, `latency`.
 */
export function scorm12PathWrites(record: PathRecord): CmiWrite[] {
  return scormPathWrites(E, record, formatCmiTime(record.timestamp), formatCmiTimespan(record.latencyMs))
}

/**
 * The 1.2 right-answer pattern: the right response in 1.2 syntax; for a fill-in its first
 * accepted answer, for a numeric the exact value (none for a range: 1.2 has no range syntax);
 * none for likert and reflection.
 */
export function scorm12Patterns(question: Question): string[] {
  const right = correctResponse(question)
  return right === null ? [] : [formatResponse(question, right, E)]
}

/** `session_time`, then `exit`: `suspend` while unfinished, `""` once finished. */
export function scorm12FinishWrites(exit: 'suspend' | 'normal', sessionTimeMs: number): CmiWrite[] {
  return [
    [V.sessionTime[E], formatCmiTimespan(sessionTimeMs)],
    [V.exit[E], exit === 'normal' ? V.exitNormal[E] : V.exitSuspend[E]],
  ]
}

export const scorm12Mapping: ScormMapping = {
  edition: E,
  launchElements: scormLaunchElements(E),
  launchData: scorm12LaunchData,
  firstLaunchWrites: scorm12FirstLaunchWrites,
  progressWrites: scorm12ProgressWrites,
  reportWrites: scorm12ReportWrites,
  answerWrites: scorm12AnswerWrites,
  pathWrites: scorm12PathWrites,
  finishWrites: scorm12FinishWrites,
  commitBeforeFinish: true,
}

/** A tracker over a SCORM 1.2 `API` object found by `findApi('scorm12', …)`. */
export function createScorm12Tracker(api: object, options: ScormTrackerOptions = {}): ScormTracker {
  return new ScormTracker(api, scorm12Mapping, options)
}


