import { contextActivities, ifiKey, isUtcTimestamp, type XapiStatement } from './lrs-validate.js'
import type { Cmi5LaunchMode } from './types.js'

const ADL = 'http://adlnet.gov/expapi/verbs/'
const W3ID = 'https://w3id.org/xapi/adl/verbs/'

/** IRIs of the cmi5 profile (cmi5 §9). */
export const CMI5 = {
  verbs: {
    launched: `${ADL}launched`,
    initialized: `${ADL}initialized`,
    completed: `${ADL}completed`,
    passed: `${ADL}passed`,
    failed: `${ADL}failed`,
    terminated: `${ADL}terminated`,
    abandoned: `${W3ID}abandoned`,
    waived: `${W3ID}waived`,
    satisfied: `${W3ID}satisfied`,
    voided: `${ADL}voided`,
  },
  categories: {
    cmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
    moveon: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  },
  extensions: {
    sessionid: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
    masteryscore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
    launchmode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
    launchurl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
    moveon: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
    launchparameters: 'https://w3id.org/xapi/cmi5/context/extensions/launchparameters',
  },
  courseType: 'https://w3id.org/xapi/cmi5/activitytype/course',
} as const

/** The verbs of cmi5 defined statements an AU sends. */
export type DefinedVerb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated'

const DEFINED = new Map<string, DefinedVerb>(
  (['initialized', 'completed', 'passed', 'failed', 'terminated'] as const).map((verb) => [CMI5.verbs[verb], verb]),
)
const LMS_ONLY = new Set<string>([CMI5.verbs.launched, CMI5.verbs.abandoned, CMI5.verbs.waived, CMI5.verbs.satisfied])
const JUDGED = new Set<DefinedVerb>(['completed', 'passed', 'failed'])

/** What a session was launched with: what every statement of the session must match. */
export interface SessionRules {
  sessionId: string
  /** `ifiKey` of the launch actor. */
  actorKey: string
  registration: string
  /** The LMS-generated activity id: object of every defined statement. */
  activityId: string
  /** `au/@id`, the grouping of the context template. */
  publisherId: string
  launchMode: Cmi5LaunchMode
  masteryScore?: number
}

/** What a session and its registration have accepted so far; copied to dry-run a batch. */
export interface SessionProgress {
  /** Defined verbs accepted in this session. */
  verbs: Set<DefinedVerb>
  initializedAt?: number
  terminated: boolean
  abandoned: boolean
  registrationCompleted: boolean
  registrationPassed: boolean
}

/** A copy to dry-run a batch on, leaving the session's own progress untouched until the batch is stored. */
export function copyProgress(progress: SessionProgress): SessionProgress {
  return { ...progress, verbs: new Set(progress.verbs) }
}

/** The defined verb a statement uses, if any. */
export function definedVerb(statement: XapiStatement): DefinedVerb | undefined {
  return DEFINED.get(statement.verb.id)
}

/**
 * Why a statement from the AU breaks cmi5 (§9.1–9.7, STANDARDS §4.5–4.8) given what the
 * session has accepted; empty when it may be stored. Defined statements are the ones using a
 * defined verb: the sim does not let an AU use those verbs for other activities.
 */
export function cmi5Problems(rules: SessionRules, progress: SessionProgress, statement: XapiStatement): string[] {
  const verbId = statement.verb.id
  if (verbId === CMI5.verbs.voided) return ['an AU may not void statements (STANDARDS §4.5)']
  if (progress.abandoned) return ['the session was abandoned: the LMS accepts nothing more from it']
  if (progress.terminated) return ['the session is terminated: nothing is accepted after terminated (STANDARDS §4.5)']
  const problems: string[] = []
  const verb = definedVerb(statement)
  if (LMS_ONLY.has(verbId)) problems.push(`${verbId} is issued by the LMS only`)
  if (ifiKey(statement.actor) !== rules.actorKey) problems.push('actor is not the launch actor (STANDARDS §4.6)')
  const registration = statement.context?.registration
  if (registration?.toLowerCase() !== rules.registration) problems.push(`context.registration ${registration ?? '(missing)'} is not the launch registration ${rules.registration}`)
  const sessionId = statement.context?.extensions?.[CMI5.extensions.sessionid]
  if (sessionId !== rules.sessionId) problems.push(`context extension sessionid ${sessionId === undefined ? 'missing' : `${JSON.stringify(sessionId)} is not this session`} (context template not used, STANDARDS §4.6)`)
  if (!contextActivities(statement, 'grouping').some((activity) => activity.id === rules.publisherId)) {
    problems.push(`contextActivities.grouping lacks the publisher id ${rules.publisherId} (context template not used)`)
  }
  const timestamp = statement.timestamp
  if (timestamp === undefined) problems.push('timestamp missing (STANDARDS §4.6)')
  else if (!isUtcTimestamp(timestamp)) problems.push(`timestamp ${timestamp} is not UTC (STANDARDS §4.6)`)
  else if (progress.initializedAt !== undefined && Date.parse(timestamp) < progress.initializedAt) problems.push('timestamp earlier than the session’s initialized')
  if (!progress.verbs.has('initialized') && verb !== 'initialized') problems.push('the first statement of a session must be initialized (STANDARDS §4.5)')
  if (rules.launchMode !== 'Normal' && verb !== 'initialized' && verb !== 'terminated') {
    problems.push(`launchMode ${rules.launchMode}: only initialized and terminated may be sent (STANDARDS §4.5)`)
  }
  const categories = contextActivities(statement, 'category').map((activity) => activity.id)
  const hasCmi5 = categories.includes(CMI5.categories.cmi5)
  const hasMoveOn = categories.includes(CMI5.categories.moveon)
  if (verb === undefined) {
    if (hasCmi5) problems.push('the cmi5 category is only for cmi5 defined statements (STANDARDS §4.6)')
    if (hasMoveOn) problems.push('the moveon category is only for completed, passed and failed (STANDARDS §4.6)')
    return problems
  }
  if (progress.verbs.has(verb)) problems.push(`${verb} was already sent in this session (STANDARDS §4.5)`)
  if (verb === 'completed' && progress.registrationCompleted) problems.push('completed was already recorded in this registration (STANDARDS §4.5)')
  if (verb === 'passed' && progress.registrationPassed) problems.push('passed was already recorded in this registration (STANDARDS §4.5)')
  if (verb === 'failed' && progress.registrationPassed) problems.push('failed after passed in this registration (STANDARDS §4.5)')
  if (verb === 'passed' && progress.verbs.has('failed')) problems.push('passed and failed in one session (STANDARDS §4.5)')
  if (statement.object.id !== rules.activityId || (statement.object.objectType ?? 'Activity') !== 'Activity') {
    problems.push(`object ${statement.object.id ?? '(no id)'} is not the launch activityId ${rules.activityId} (STANDARDS §4.6)`)
  }
  if (!hasCmi5) problems.push('the cmi5 category is missing (STANDARDS §4.6)')
  if (hasMoveOn !== JUDGED.has(verb)) {
    problems.push(hasMoveOn ? `the moveon category is not allowed on ${verb} (STANDARDS §4.6)` : `the moveon category is missing on ${verb} (STANDARDS §4.6)`)
  }
  problems.push(...resultProblems(verb, statement))
  if ((verb === 'passed' || verb === 'failed') && rules.masteryScore !== undefined) {
    const scaled = statement.result?.score?.scaled
    if (verb === 'passed' && scaled !== undefined && scaled < rules.masteryScore) problems.push(`passed with score.scaled ${scaled} below masteryScore ${rules.masteryScore} (STANDARDS §4.8)`)
    if (verb === 'failed' && scaled !== undefined && scaled >= rules.masteryScore) problems.push(`failed with score.scaled ${scaled} at or above masteryScore ${rules.masteryScore} (STANDARDS §4.8)`)
    const extension = statement.context?.extensions?.[CMI5.extensions.masteryscore]
    if (extension === undefined) problems.push('context extension masteryscore missing while LaunchData has a masteryScore (STANDARDS §4.8)')
    else if (Number(extension) !== rules.masteryScore) problems.push(`context extension masteryscore ${JSON.stringify(extension)} is not the LaunchData masteryScore ${rules.masteryScore}`)
  }
  return problems
}

/** STANDARDS §4.6: the result properties each defined statement may carry ("no other cmi5 defined statement may"). */
const RESULT_PROPERTIES: Record<DefinedVerb, readonly ('score' | 'success' | 'completion' | 'duration')[]> = {
  initialized: [],
  completed: ['completion', 'duration'],
  passed: ['score', 'success', 'duration'],
  failed: ['score', 'success', 'duration'],
  terminated: ['duration'],
}

function resultProblems(verb: DefinedVerb, statement: XapiStatement): string[] {
  const result = statement.result ?? {}
  const problems: string[] = []
  for (const property of ['score', 'success', 'completion', 'duration'] as const) {
    if (result[property] !== undefined && !RESULT_PROPERTIES[verb].includes(property)) problems.push(`result.${property} is not allowed on ${verb} (STANDARDS §4.6)`)
  }
  if (verb !== 'initialized' && result.duration === undefined) problems.push(`result.duration is required on ${verb} (STANDARDS §4.6)`)
  if (verb === 'completed' && result.completion !== true) problems.push('completed needs result.completion true (STANDARDS §4.6)')
  if (verb === 'passed' || verb === 'failed') {
    if (result.success !== (verb === 'passed')) problems.push(`${verb} needs result.success ${verb === 'passed'} (STANDARDS §4.6)`)
    const score = result.score
    if (score?.scaled !== undefined && (score.scaled < 0 || score.scaled > 1)) problems.push('result.score.scaled must be within 0…1 (STANDARDS §4.6)')
    if (score?.raw !== undefined && (score.min === undefined || score.max === undefined)) problems.push('result.score.raw needs min and max (STANDARDS §4.6)')
  }
  return problems
}

/** Records an accepted statement in the progress. */
export function advance(progress: SessionProgress, statement: XapiStatement): void {
  const verb = definedVerb(statement)
  if (verb === undefined) return
  progress.verbs.add(verb)
  if (verb === 'initialized' && statement.timestamp !== undefined) progress.initializedAt = Date.parse(statement.timestamp)
  if (verb === 'terminated') progress.terminated = true
  if (verb === 'completed') progress.registrationCompleted = true
  if (verb === 'passed') progress.registrationPassed = true
}

/** Statements in timestamp order (stable; unparsable timestamps last), as cmi5 judges order. */
export function byTimestamp(statements: XapiStatement[]): XapiStatement[] {
  const time = (statement: XapiStatement): number => {
    const parsed = statement.timestamp === undefined ? NaN : Date.parse(statement.timestamp)
    return Number.isNaN(parsed) ? Infinity : parsed
  }
  return statements.map((statement, index) => ({ statement, index, time: time(statement) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.statement)
}
