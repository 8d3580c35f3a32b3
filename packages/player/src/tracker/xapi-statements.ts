import {
  activityName,
  childIri,
  formatResponse,
  formatScenarioPath,
  interactionData,
  scenarioInteractionData,
  type Course,
  type CoursePage,
} from '@cafes/core'
import type { LearnerReport } from '../engine/report.js'
import { formatIsoDuration } from './time-format.js'
import type { AnswerRecord, PathRecord } from './tracker.js'

/**
 * The statements the player sends to an LRS (xAPI 1.0.3, STANDARDS.md §3) and, decorated by
 * the cmi5 rules, to a cmi5 LMS (§4.6). Pure: ids and clocks come from the session.
 */

/** An Agent exactly as the launch gave it (normalised from the 0.95 form): sent verbatim. */
export type Agent = Record<string, unknown>
type LanguageMap = Record<string, string>
interface ActivityRef {
  objectType?: 'Activity'
  id: string
  definition?: Record<string, unknown>
}

export interface Statement {
  id: string
  timestamp: string
  actor: Agent
  verb: { id: string; display: LanguageMap }
  object: ActivityRef
  result?: StatementResult
  context: StatementContext
  [key: string]: unknown
}

interface StatementResult {
  score?: { scaled: number; raw: number; min: number; max: number }
  success?: boolean
  completion?: boolean
  response?: string
  duration?: string
  extensions?: Record<string, unknown>
}

interface StatementContext {
  registration?: string
  language?: string
  contextActivities?: { parent?: ActivityRef[]; grouping?: ActivityRef[]; category?: ActivityRef[] }
  extensions?: Record<string, unknown>
}

/** cmi5 §10.2: what `LMS.LaunchData` gives the AU. */
export interface Cmi5Launch {
  /** Merged into every statement's context; its values are never overwritten. */
  contextTemplate: StatementContext
  launchMode: 'Normal' | 'Browse' | 'Review'
  masteryScore?: number
  returnURL?: string
}

export interface StatementSession {
  course: Pick<Course, 'iri' | 'language' | 'title' | 'quizzes'>
  actor: Agent
  registration?: string
  /** The object of session statements: Tin Can `activity_id` (default: the course IRI), cmi5 `activityId`. */
  activityId: string
  /** Extra grouping activities a Tin Can launch asks for (`grouping`). */
  grouping?: string[]
  /** Present for cmi5 launches: the statements then follow cmi5 §9. */
  cmi5?: Cmi5Launch
  newId(): string
  now(): Date
}

const VERB_BASE = 'http://adlnet.gov/expapi/verbs/'
const ACTIVITY_TYPE = 'http://adlnet.gov/expapi/activities/'
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5'
export const CMI5_MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon'
export const CMI5_MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore'

export type Verb =
  | 'initialized'
  | 'resumed'
  | 'experienced'
  | 'answered'
  | 'completed'
  | 'passed'
  | 'failed'
  | 'suspended'
  | 'terminated'

/** The verbs cmi5 defines for an AU (§9.3): they carry the cmi5 category and follow its order rules. */
const CMI5_DEFINED = new Set<Verb>(['initialized', 'completed', 'passed', 'failed', 'terminated'])

/** A session statement: `initialized`, `resumed`, `suspended`, `terminated` (with the time spent, when given). */
export function sessionStatement(session: StatementSession, verb: Verb, durationMs?: number): Statement {
  return statement(session, verb, { id: session.activityId }, durationMs === undefined ? undefined : { duration: formatIsoDuration(durationMs) })
}

/** A page shown: `experienced` its lesson activity. */
export function pageStatement(session: StatementSession, page: Pick<CoursePage, 'id' | 'title'>): Statement {
  const { course } = session
  const name = { [course.language]: page.title }
  const object = activity(childIri(course.iri, 'pages', page.id), 'lesson', { name, description: name })
  return statement(session, 'experienced', object, undefined, [root(session)])
}

/** An answered question: its interaction activity (type, components, right responses) and the response. */
export function answerStatement(session: StatementSession, answer: AnswerRecord): Statement {
  const { course } = session
  const { question } = answer
  const object = activity(childIri(course.iri, 'questions', question.id), 'cmi.interaction', {
    name: { [course.language]: activityName(question.prompt, question.id) },
    description: { [course.language]: question.prompt },
    ...interactionData(question, course.language),
  })
  const quiz = course.quizzes.find((candidate) => candidate.questionIds.includes(question.id))
  const parent = quiz ? activity(childIri(course.iri, 'quizzes', quiz.id), 'assessment') : root(session)
  const result: StatementResult = {
    response: formatResponse(question, answer.response, 'xapi'),
    duration: formatIsoDuration(answer.latencyMs),
  }
  if (answer.correct !== null) result.success = answer.correct
  return statement(session, 'answered', object, result, [parent], answer.timestamp)
}

/** A scenario played to an ending: an `other` interaction whose response is the path. */
export function pathStatement(session: StatementSession, record: PathRecord): Statement {
  const { course } = session
  const { scenario } = record
  const object = activity(childIri(course.iri, 'scenarios', scenario.id), 'cmi.interaction', {
    name: { [course.language]: scenario.title ?? activityName(scenario.prompt, scenario.id) },
    description: { [course.language]: scenario.prompt },
    ...scenarioInteractionData(),
  })
  const result: StatementResult = { response: formatScenarioPath(record.path, 'xapi'), duration: formatIsoDuration(record.latencyMs) }
  if (record.outcome !== 'neutral') result.success = record.outcome === 'success'
  return statement(session, 'answered', object, result, [root(session)], record.timestamp)
}

/**
 * The final report as statements: `completed` when the rule is met, then `passed` or `failed`
 * with the score once success is decided (never `completion` on a failure: Cornerstone CS-5).
 */
export function resultStatements(session: StatementSession, report: LearnerReport, durationMs: number): Statement[] {
  const duration = formatIsoDuration(durationMs)
  const statements: Statement[] = []
  if (report.completion === 'completed') statements.push(statement(session, 'completed', { id: session.activityId }, { completion: true, duration }))
  if (report.success !== 'unknown') {
    const result: StatementResult = { success: report.success === 'passed', duration }
    if (report.score) result.score = { scaled: report.score.scaled, raw: report.score.raw, min: report.score.min, max: report.score.max }
    statements.push(statement(session, report.success, { id: session.activityId }, result))
  }
  return statements
}

function statement(
  session: StatementSession,
  verb: Verb,
  object: ActivityRef,
  result?: StatementResult,
  parents: ActivityRef[] = [],
  at: Date = session.now(),
): Statement {
  const built: Statement = {
    id: session.newId(),
    // UTC, as cmi5 requires; LRSs keep the milliseconds.
    timestamp: at.toISOString(),
    actor: session.actor,
    verb: { id: VERB_BASE + verb, display: { 'en-US': verb } },
    object: { objectType: 'Activity', ...object },
    context: session.cmi5 ? cmi5Context(session, session.cmi5, verb, result, parents) : tinCanContext(session, parents),
  }
  if (result) built.result = result
  return built
}

function tinCanContext(session: StatementSession, parents: ActivityRef[]): StatementContext {
  const context: StatementContext = {
    language: session.course.language,
    contextActivities: {
      ...(parents.length > 0 ? { parent: parents } : {}),
      grouping: [root(session), ...(session.grouping ?? []).map((id) => ({ id }))].filter((entry) => entry.id !== parents[0]?.id),
    },
  }
  if (context.contextActivities!.grouping!.length === 0) delete context.contextActivities!.grouping
  if (session.registration) context.registration = session.registration
  return context
}

/**
 * cmi5 §9.6: the LMS's context template, its values kept, plus the registration, the cmi5
 * category on defined statements (with `moveon` exactly when the result says success or
 * completion) and the mastery score on passed / failed.
 */
function cmi5Context(session: StatementSession, launch: Cmi5Launch, verb: Verb, result: StatementResult | undefined, parents: ActivityRef[]): StatementContext {
  const template = launch.contextTemplate
  const activities = template.contextActivities ?? {}
  const context: StatementContext = {
    ...template,
    contextActivities: { ...activities },
    extensions: { ...template.extensions },
  }
  if (session.registration) context.registration = session.registration
  context.language ??= session.course.language
  if (parents.length > 0) context.contextActivities!.parent = [...(activities.parent ?? []), ...parents]
  if (CMI5_DEFINED.has(verb)) {
    const category = [...(activities.category ?? []), { id: CMI5_CATEGORY }]
    if (result?.success !== undefined || result?.completion !== undefined) category.push({ id: CMI5_MOVEON })
    context.contextActivities!.category = category
    if ((verb === 'passed' || verb === 'failed') && launch.masteryScore !== undefined) {
      context.extensions![CMI5_MASTERY_EXTENSION] = launch.masteryScore
    }
  }
  return context
}

/** The session's root activity, as the course or the launch names it. */
function root(session: StatementSession): ActivityRef {
  return { objectType: 'Activity', id: session.activityId }
}

function activity(id: string, type: string, definition: Record<string, unknown> = {}): ActivityRef {
  return { objectType: 'Activity', id, definition: { type: ACTIVITY_TYPE + type, ...definition } }
}
