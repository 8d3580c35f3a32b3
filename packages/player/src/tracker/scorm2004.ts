import { type Question, correctResponsesPattern } from '@cafes/core'
import type { LearnerReport } from '../engine/report.js'
import { type CmiWrite, type ScormLaunch, type ScormMapping, type ScormTrackerOptions, ScormTracker } from './scorm-session.js'
import { formatIsoDuration, formatScorm2004Timestamp } from './time-format.js'
import type { AnswerRecord, PathRecord } from './tracker.js'
import { scormFirstLaunchWrites, scormInteractionWrites, scormPathWrites, scormLaunchData, scormLaunchElements, scormProgressWrites } from './scorm-common.js'
import { VOCABULARY as V } from './vocabulary.js'

/** SCORM 2004 adapter: a pure mapping from the engine's decisions to `cmi.*` writes. */
const E = 'scorm2004'

/** `cmi.interactions.n.description`: localized_string, SPM 250 characters after the language tag. */
export const DESCRIPTION_LIMIT = 250

/** `correct_responses` an LMS must keep per interaction (ADL-RTE: 5 for fill-in; 1 or 10 for others). */
export const PATTERN_LIMIT = 5

export const scorm2004LaunchData = (values: Readonly<Record<string, string>>): ScormLaunch => scormLaunchData(E, values)

export const scorm2004FirstLaunchWrites = (): CmiWrite[] => scormFirstLaunchWrites(E)

export const scorm2004ProgressWrites = (location: string, suspendData: string): { writes: CmiWrite[]; rejected: string[] } =>
  scormProgressWrites(E, location, suspendData)

/**
 * Non-final: progress and `incomplete`. Final: min, max, raw, scaled (when scored), progress,
 * then completion and success (success only when decided).
 */
export function scorm2004ReportWrites(report: LearnerReport): CmiWrite[] {
  const progress: CmiWrite = [V.progressMeasure[E], formatMeasure(report.progress)]
  if (!report.final) return [progress, [V.completionStatus[E], V.statusIncomplete[E]]]
  const writes: CmiWrite[] = []
  if (report.score) {
    writes.push(
      [V.scoreMin[E], '0'],
      [V.scoreMax[E], '100'],
      [V.scoreRaw[E], String(report.score.raw)],
      [V.scoreScaled[E], formatMeasure(report.score.scaled)],
    )
  }
  writes.push(progress, [
    V.completionStatus[E],
    report.completion === 'completed' ? V.statusCompleted[E] : V.statusIncomplete[E],
  ])
  if (report.success !== 'unknown') {
    writes.push([V.successStatus[E], report.success === 'passed' ? V.statusPassed[E] : V.statusFailed[E]])
  }
  return writes
}

/**
 * One interaction: `id`, `type`, `learner_response`, the patterns, `result`
 * (`correct`/`incorrect`/`neutral`), `weighting`, `timestamp`, `latency` (2004 syntax,
 * STANDARDS.md §2.6); the description last, so an LMS that rejects it loses nothing else.
 */
export function scorm2004AnswerWrites(answer: AnswerRecord, language = ''): CmiWrite[] {
  const writes = scormInteractionWrites(
    E, answer, scorm2004Patterns(answer.question), formatScorm2004Timestamp(answer.timestamp), formatIsoDuration(answer.latencyMs),
  )
  writes.push([`${V.interactions[E]}.${answer.index}.${V.interactionDescription[E]}`, interactionDescription(answer.question.prompt, language)])
  return writes
}

/**
 * A scenario path: `other`, `learner_response` = node ids joined by `,` (at most 4000
 * characters), `result` `correct`/`incorrect`/`neutral` from the ending, `weighting`,
 * `timestamp`, `latency`, then the scenario's prompt as the description.
 */
export function scorm2004PathWrites(record: PathRecord, language = ''): CmiWrite[] {
  const writes = scormPathWrites(E, record, formatScorm2004Timestamp(record.timestamp), formatIsoDuration(record.latencyMs))
  writes.push([`${V.interactions[E]}.${record.index}.${V.interactionDescription[E]}`, interactionDescription(record.scenario.prompt, language)])
  return writes
}

/**
 * The 2004 `correct_responses` patterns: the xAPI ones (`correctResponsesPattern`), texts as
 * 2004 fill-in strings (at most 250 characters), at most 5; none for likert and reflection.
 */
export function scorm2004Patterns(question: Question): string[] {
  return (correctResponsesPattern(question, E) ?? []).slice(0, PATTERN_LIMIT)
}

/** `session_time`, then `exit`: `suspend` while unfinished, `normal` once finished. */
export function scorm2004FinishWrites(exit: 'suspend' | 'normal', sessionTimeMs: number): CmiWrite[] {
  return [
    [V.sessionTime[E], formatIsoDuration(sessionTimeMs)],
    [V.exit[E], exit === 'normal' ? V.exitNormal[E] : V.exitSuspend[E]],
  ]
}

/**
 * The question text as a localized_string: one line, at most 250 characters (cut between
 * characters, never inside a surrogate pair), with a `{lang=…}` tag when the language is a
 * plain BCP 47 tag.
 */
export function interactionDescription(text: string, language = ''): string {
  let plain = text.replace(/\s+/g, ' ').trim().replace(/^\{/, '(')
  if (plain.length > DESCRIPTION_LIMIT) {
    let end = DESCRIPTION_LIMIT - 1
    const last = plain.charCodeAt(end - 1)
    if (last >= 0xd800 && last <= 0xdbff) end--
    plain = `${plain.slice(0, end)}…`
  }
  return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/.test(language) ? `{lang=${language}}${plain}` : plain
}

export function scorm2004Mapping(language = ''): ScormMapping {
  return {
    edition: E,
    launchElements: scormLaunchElements(E),
    launchData: scorm2004LaunchData,
    firstLaunchWrites: scorm2004FirstLaunchWrites,
    progressWrites: scorm2004ProgressWrites,
    reportWrites: scorm2004ReportWrites,
    answerWrites: (answer) => scorm2004AnswerWrites(answer, language),
    pathWrites: (path) => scorm2004PathWrites(path, language),
    finishWrites: scorm2004FinishWrites,
    commitBeforeFinish: false,
  }
}

export interface Scorm2004TrackerOptions extends ScormTrackerOptions {
  /** The course's language, for the `{lang=…}` tag of interaction descriptions. */
  language?: string
}

/** A tracker over a SCORM 2004 `API_1484_11` object found by `findApi('scorm2004', …)`. */
export function createScorm2004Tracker(api: object, options: Scorm2004TrackerOptions = {}): ScormTracker {
  return new ScormTracker(api, scorm2004Mapping(options.language), options)
}


/** A real 0–1 with at most 4 decimals (`real(10,7)`): 2/3 → `0.6667`. */
function formatMeasure(value: number): string {
  return String(Math.round(Math.min(Math.max(value, 0), 1) * 10000) / 10000)
}
