import type { LearnerReport } from '../engine/report.js'
import { type CmiWrite, type ScormLaunch, type ScormMapping, type ScormTrackerOptions, ScormTracker } from './scorm-session.js'
import { formatCmiTime, formatCmiTimespan } from './time-format.js'
import type { AnswerRecord } from './tracker.js'
import { scormFirstLaunchWrites, scormLaunchData, scormLaunchElements, scormProgressWrites } from './scorm-common.js'
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

/** One journaled interaction: `id` first, then `type`, then the rest. */
export function scorm12AnswerWrites(answer: AnswerRecord): CmiWrite[] {
  const prefix = `${V.interactions[E]}.${answer.index}.`
  const separator = V.responseSeparator[E]
  return [
    [prefix + V.interactionId[E], answer.questionId],
    [prefix + V.interactionType[E], V.typeChoice[E]],
    [prefix + V.interactionResponse[E], answer.response.join(separator)],
    [prefix + V.interactionPattern[E], answer.correctResponse.join(separator)],
    [prefix + V.interactionResult[E], answer.correct ? V.resultCorrect[E] : V.resultWrong[E]],
    [prefix + V.interactionWeighting[E], String(answer.weight)],
    [prefix + V.interactionTime[E], formatCmiTime(answer.timestamp)],
    [prefix + V.interactionLatency[E], formatCmiTimespan(answer.latencyMs)],
  ]
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
  finishWrites: scorm12FinishWrites,
  commitBeforeFinish: true,
}

/** A tracker over a SCORM 1.2 `API` object found by `findApi('scorm12', …)`. */
export function createScorm12Tracker(api: object, options: ScormTrackerOptions = {}): ScormTracker {
  return new ScormTracker(api, scorm12Mapping, options)
}


