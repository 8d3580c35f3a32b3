import { SUSPEND_DATA_LIMIT } from '@cafes/core'
import type { ApiCall, SimAttempt, SimSession, XapiStatement } from '@cafes/lms-sim'

/** One answer as the LMS or LRS recorded it. */
export interface RecordedInteraction {
  id: string
  type: string
  /** The learner's response, in the standard's own format (`a,b`, `a[,]b`, `true`…). */
  response: string
  /** `correct`, `incorrect`, `neutral`… as recorded; empty when none was. */
  result: string
}

/** One stored statement, summed up for a line of the panel, with the whole statement. */
export interface RecordedStatement {
  id: string
  /** `answered`, `completed`… (the verb's English display, else the last part of its IRI). */
  verb: string
  /** The object's name, else its id. */
  object: string
  /** `score 80 %, success, response "b"`; empty when the statement has no result. */
  result: string
  statement: XapiStatement
}

/** An API call the LMS refused (non-zero error code). */
export interface RefusedCall {
  method: string
  args: string[]
  errorCode: string
}

/** What the LMS (SCORM) or the LRS (xAPI, cmi5) holds for the learner, as the panel shows it. */
export interface LmsRecord {
  /** `completed, passed`, `incomplete`…; null when nothing is recorded (the web target). */
  status: string | null
  /** `80 (0–100), scaled 0.8`; null when no score was recorded. */
  score: string | null
  /** `75 %`; null when the standard or the player sends none. */
  progress: string | null
  location: string | null
  /** The saved learner state against the edition's limit (none for xAPI and cmi5). */
  suspendData: { length: number; limit: number | null } | null
  /** SCORM: values accepted by the API but not yet committed (an LMS would lose them). */
  uncommitted: boolean
  interactions: RecordedInteraction[]
  statements: RecordedStatement[]
  refusedCalls: RefusedCall[]
}

export const EMPTY_RECORD: LmsRecord = {
  status: null,
  score: null,
  progress: null,
  location: null,
  suspendData: null,
  uncommitted: false,
  interactions: [],
  statements: [],
  refusedCalls: [],
}

const SCORM_NAMES = {
  scorm12: {
    set: 'LMSSetValue',
    persist: new Set(['LMSCommit', 'LMSFinish']),
    location: 'cmi.core.lesson_location',
    response: 'student_response',
    prefix: 'cmi.core.',
  },
  scorm2004: {
    set: 'SetValue',
    persist: new Set(['Commit', 'Terminate']),
    location: 'cmi.location',
    response: 'learner_response',
    prefix: 'cmi.',
  },
} as const

const ERROR_FUNCTIONS = /GetLastError|GetErrorString|GetDiagnostic/

/**
 * The SCORM record: what the LMS persisted for the attempt, overlaid with every value the API
 * accepted in the latest session (so the panel follows the learner before a commit, and says
 * when something is not committed yet). Interactions come from the calls: SCORM 1.2 makes them
 * write-only, so the calls are what an LMS report shows.
 */
export function scormRecord(edition: 'scorm12' | 'scorm2004', attempt: SimAttempt | undefined, session: SimSession | undefined): LmsRecord {
  const names = SCORM_NAMES[edition]
  const values = new Map<string, string>()
  flatten(attempt?.cmi ?? {}, 'cmi', values)
  let lastPersist = -1
  let lastSet = -1
  const calls: ApiCall[] = session?.calls ?? []
  for (const call of calls) {
    if (call.method === names.set && call.result === 'true') {
      values.set(call.args[0] ?? '', call.args[1] ?? '')
      lastSet = call.seq
    }
    if (names.persist.has(call.method) && call.result === 'true') lastPersist = call.seq
  }
  const value = (element: string): string | undefined => {
    const found = values.get(element)
    return found === undefined || found === '' ? undefined : found
  }

  const status =
    edition === 'scorm12'
      ? value('cmi.core.lesson_status')
      : [value('cmi.completion_status'), value('cmi.success_status')].filter((part) => part !== undefined && part !== 'unknown').join(', ') ||
        value('cmi.completion_status')
  const raw = value(`${names.prefix}score.raw`)
  const min = value(`${names.prefix}score.min`)
  const max = value(`${names.prefix}score.max`)
  const scaled = edition === 'scorm2004' ? value('cmi.score.scaled') : undefined
  let score: string | null = null
  if (raw !== undefined) score = min !== undefined || max !== undefined ? `${raw} (${min ?? '?'}–${max ?? '?'})` : raw
  if (scaled !== undefined) score = score === null ? `scaled ${scaled}` : `${score}, scaled ${scaled}`
  const progressMeasure = edition === 'scorm2004' ? value('cmi.progress_measure') : undefined
  const suspendData = values.get('cmi.suspend_data') ?? ''

  return {
    status: status ?? null,
    score,
    progress: progressMeasure === undefined ? null : percent(Number(progressMeasure)),
    location: value(names.location) ?? null,
    suspendData: { length: suspendData.length, limit: SUSPEND_DATA_LIMIT[edition] },
    uncommitted: lastSet > lastPersist,
    interactions: scormInteractions(values, names.response),
    statements: [],
    refusedCalls: calls
      .filter((call) => !ERROR_FUNCTIONS.test(call.method) && call.errorCode !== '0')
      // Reading an element never set is how 2004 says "not initialized": not a refusal.
      .filter((call) => !(call.method === 'GetValue' && call.errorCode === '403'))
      .map((call) => ({ method: call.method, args: call.args, errorCode: call.errorCode })),
  }
}

function scormInteractions(values: Map<string, string>, responseField: string): RecordedInteraction[] {
  const indexes = new Set<number>()
  for (const element of values.keys()) {
    const match = /^cmi\.interactions\.(\d+)\./.exec(element)
    if (match) indexes.add(Number(match[1]))
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((index) => {
      const field = (name: string): string => values.get(`cmi.interactions.${index}.${name}`) ?? ''
      return { id: field('id'), type: field('type'), response: field(responseField), result: field('result') }
    })
}

/** `{core: {lesson_status: 'x'}}` → `cmi.core.lesson_status = x` (arrays by index, as the CMI names them). */
function flatten(node: unknown, path: string, into: Map<string, string>): void {
  if (node === null || node === undefined) return
  if (typeof node !== 'object') {
    into.set(path, String(node))
    return
  }
  const entries = Array.isArray(node) ? node.map((item, index) => [String(index), item] as const) : Object.entries(node)
  for (const [key, child] of entries) flatten(child, `${path}.${key}`, into)
}

/** The player's saved state in the LRS (`cafes-state`): `{ location, suspendData }`. */
export interface XapiSavedState {
  location?: unknown
  suspendData?: unknown
}

const CMI5_PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress'

/**
 * The xAPI or cmi5 record: the registration's statements in stored order, what they say of
 * status and score, its answers, and the state document the player saved.
 */
export function xapiRecord(statements: readonly XapiStatement[], saved: XapiSavedState | undefined): LmsRecord {
  const verbs = statements.map(verbName)
  const completed = verbs.includes('completed')
  const verdict = [...verbs].reverse().find((verb) => verb === 'passed' || verb === 'failed')
  let status: string | null = null
  if (statements.length > 0) status = [completed ? 'completed' : 'incomplete', verdict].filter(Boolean).join(', ')
  const scored = [...statements].reverse().find((statement) => statement.result?.score !== undefined)
  const progressed = [...statements].reverse().find((statement) => typeof statement.result?.extensions?.[CMI5_PROGRESS] === 'number')
  const suspendData = typeof saved?.suspendData === 'string' ? saved.suspendData : undefined

  return {
    status,
    score: scored ? scoreText(scored.result!.score!) : null,
    progress: progressed ? `${progressed.result!.extensions![CMI5_PROGRESS] as number} %` : null,
    location: typeof saved?.location === 'string' && saved.location !== '' ? saved.location : null,
    suspendData: suspendData === undefined ? null : { length: suspendData.length, limit: null },
    uncommitted: false,
    interactions: statements
      .filter((statement) => verbName(statement) === 'answered')
      .map((statement) => ({
        id: (statement.object.id ?? '').split('/').at(-1) ?? '',
        type: String((statement.object.definition as { interactionType?: unknown } | undefined)?.interactionType ?? ''),
        response: statement.result?.response ?? '',
        result: statement.result?.success === undefined ? 'neutral' : statement.result.success ? 'correct' : 'incorrect',
      })),
    statements: statements.map((statement) => ({
      id: statement.id ?? '',
      verb: verbName(statement),
      object: objectName(statement),
      result: resultText(statement),
      statement,
    })),
    refusedCalls: [],
  }
}

function verbName(statement: XapiStatement): string {
  const display = statement.verb.display
  return display?.['en-US'] ?? display?.en ?? statement.verb.id.split('/').at(-1) ?? statement.verb.id
}

function objectName(statement: XapiStatement): string {
  const name = (statement.object.definition as { name?: Record<string, unknown> } | undefined)?.name
  const first = name ? Object.values(name).find((value) => typeof value === 'string') : undefined
  return typeof first === 'string' ? first : (statement.object.id ?? statement.object.objectType ?? '')
}

function scoreText(score: NonNullable<NonNullable<XapiStatement['result']>['score']>): string {
  const parts: string[] = []
  if (score.raw !== undefined) parts.push(`${score.raw} (${score.min ?? '?'}–${score.max ?? '?'})`)
  if (score.scaled !== undefined) parts.push(`scaled ${score.scaled}`)
  return parts.join(', ')
}

function resultText(statement: XapiStatement): string {
  const result = statement.result
  if (!result) return ''
  const parts: string[] = []
  if (result.score) parts.push(`score ${scoreText(result.score)}`)
  if (result.success !== undefined) parts.push(result.success ? 'success' : 'failure')
  if (result.completion !== undefined) parts.push(result.completion ? 'completion' : 'not complete')
  if (result.response !== undefined) parts.push(`response "${result.response}"`)
  if (result.duration !== undefined) parts.push(result.duration)
  return parts.join(', ')
}

function percent(fraction: number): string | null {
  return Number.isFinite(fraction) ? `${Math.round(fraction * 100)} %` : null
}
