import { type InteractionType, LOCATION_LIMIT, SUSPEND_DATA_LIMIT, formatResponse, formatScenarioPath, interactionType } from '@cafes/core'
import type { CmiWrite, ScormLaunch } from './scorm-session.js'
import type { AnswerRecord, LaunchData, PathRecord } from './tracker.js'
import { FIRST_LAUNCH_STATUSES, type ScormEdition, VOCABULARY as V, type VocabularyKey } from './vocabulary.js'

/** The parts of the mapping both editions share, told apart only by the vocabulary's column. */

/** Elements read right after Initialize, in this order. */
export function scormLaunchElements(edition: ScormEdition): string[] {
  return [
    V.location[edition], V.suspendData[edition], V.mode[edition], V.credit[edition], V.completionStatus[edition],
    V.learnerName[edition], V.learnerId[edition],
  ]
}

export function scormLaunchData(edition: ScormEdition, values: Readonly<Record<string, string>>): ScormLaunch {
  const status = values[V.completionStatus[edition]] ?? ''
  const learnerName = values[V.learnerName[edition]] ?? ''
  const learnerId = values[V.learnerId[edition]] ?? ''
  const mode = values[V.mode[edition]]
  const launch: LaunchData = {
    mode: mode === V.modeBrowse[edition] ? 'browse' : mode === V.modeReview[edition] ? 'review' : 'normal',
    credit: values[V.credit[edition]] !== V.noCredit[edition],
    suspendData: values[V.suspendData[edition]] ?? '',
    location: values[V.location[edition]] ?? '',
    initialStatus: status,
  }
  if (learnerName !== '') launch.learnerName = learnerName
  if (learnerId !== '') launch.learnerId = learnerId
  return { launch, firstLaunch: (FIRST_LAUNCH_STATUSES[edition] as readonly string[]).includes(status) }
}

/** B10: a first launch is marked `incomplete` at once. */
export function scormFirstLaunchWrites(edition: ScormEdition): CmiWrite[] {
  return [[V.completionStatus[edition], V.statusIncomplete[edition]]]
}

/** Location and state; a value over the edition's limit is left out (and named in `rejected`), never cut. */
export function scormProgressWrites(edition: ScormEdition, location: string, suspendData: string): { writes: CmiWrite[]; rejected: string[] } {
  const writes: CmiWrite[] = []
  const rejected: string[] = []
  if (location.length <= LOCATION_LIMIT[edition]) writes.push([V.location[edition], location])
  else rejected.push(V.location[edition])
  if (suspendData.length <= SUSPEND_DATA_LIMIT[edition]) writes.push([V.suspendData[edition], suspendData])
  else rejected.push(V.suspendData[edition])
  return { writes, rejected }
}

/** The vocabulary row of each interaction type. */
const INTERACTION_TYPE_KEYS = {
  'true-false': 'typeTrueFalse',
  choice: 'typeChoice',
  'fill-in': 'typeFillIn',
  'long-fill-in': 'typeLongFillIn',
  numeric: 'typeNumeric',
  matching: 'typeMatching',
  sequencing: 'typeSequencing',
  likert: 'typeLikert',
} as const satisfies Record<Exclude<InteractionType, 'other'>, VocabularyKey>

/**
 * One interaction record, the part both editions share: `id` first, then `type` (LMSs refuse
 * the rest before them), the learner's response, the right-answer patterns, the result
 * (`neutral` when not scored), the weighting, then the edition's time and latency.
 */
export function scormInteractionWrites(
  edition: ScormEdition,
  answer: AnswerRecord,
  patterns: readonly string[],
  time: string,
  latency: string,
): CmiWrite[] {
  const prefix = `${V.interactions[edition]}.${answer.index}.`
  const result = answer.correct === null ? V.resultNeutral : answer.correct ? V.resultCorrect : V.resultWrong
  return [
    [prefix + V.interactionId[edition], answer.question.id],
    [prefix + V.interactionType[edition], V[INTERACTION_TYPE_KEYS[interactionType(answer.question)]][edition]],
    [prefix + V.interactionResponse[edition], formatResponse(answer.question, answer.response, edition)],
    ...patterns.map((pattern, index): CmiWrite => [
      `${prefix}${V.interactionCorrectResponses[edition]}.${index}.${V.interactionPattern[edition]}`,
      pattern,
    ]),
    [prefix + V.interactionResult[edition], result[edition]],
    [prefix + V.interactionWeighting[edition], String(answer.weight)],
    [prefix + V.interactionTime[edition], time],
    [prefix + V.interactionLatency[edition], latency],
  ]
}

/** The result of a scenario's ending. */
const OUTCOME_RESULTS = { success: 'resultCorrect', failure: 'resultWrong', neutral: 'resultNeutral' } as const satisfies Record<PathRecord['outcome'], VocabularyKey>

/**
 * One scenario path, the part both editions share: `id`, `type` (1.2 `performance`, 2004
 * `other`), the path as the response (`debut,verif,fin-ok`, see `formatScenarioPath`), the
 * result from the ending's outcome, the weighting, then the edition's time and latency. No
 * right-answer pattern: any path may be taken.
 */
export function scormPathWrites(edition: ScormEdition, record: PathRecord, time: string, latency: string): CmiWrite[] {
  const prefix = `${V.interactions[edition]}.${record.index}.`
  return [
    [prefix + V.interactionId[edition], record.scenario.id],
    [prefix + V.interactionType[edition], V.typeOther[edition]],
    [prefix + V.interactionResponse[edition], formatScenarioPath(record.path, edition)],
    [prefix + V.interactionResult[edition], V[OUTCOME_RESULTS[record.outcome]][edition]],
    [prefix + V.interactionWeighting[edition], String(record.weight)],
    [prefix + V.interactionTime[edition], time],
    [prefix + V.interactionLatency[edition], latency],
  ]
}
