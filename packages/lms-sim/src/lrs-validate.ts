import * as validation from '@learninglocker/xapi-validation'

/** An xAPI Agent (or Group), as far as the sim reads it. */
export interface XapiAgent {
  objectType?: string
  name?: string
  mbox?: string
  mbox_sha1sum?: string
  openid?: string
  account?: { homePage: string; name: string }
  member?: XapiAgent[]
}

/** An xAPI Activity (statement object or context activity). */
export interface XapiActivity {
  objectType?: string
  id: string
  definition?: Record<string, unknown>
}

/** A statement `result`. */
export interface XapiResult {
  score?: { scaled?: number; raw?: number; min?: number; max?: number }
  success?: boolean
  completion?: boolean
  response?: string
  duration?: string
  extensions?: Record<string, unknown>
}

/** The four lists of `context.contextActivities`. */
export type ContextActivityKind = 'parent' | 'grouping' | 'category' | 'other'

/** A statement `context`. */
export interface XapiContext {
  registration?: string
  contextActivities?: Partial<Record<ContextActivityKind, XapiActivity | XapiActivity[]>>
  extensions?: Record<string, unknown>
  [key: string]: unknown
}

/**
 * A statement that passed @learninglocker/xapi-validation; `stored` and `authority` are set by
 * the LRS on storage.
 */
export interface XapiStatement {
  id?: string
  actor: XapiAgent
  verb: { id: string; display?: Record<string, string> }
  object: { objectType?: string; id?: string; [key: string]: unknown }
  result?: XapiResult
  context?: XapiContext
  timestamp?: string
  stored?: string
  authority?: XapiAgent
  version?: string
  [key: string]: unknown
}

type Validate = (data: unknown) => Array<Error & { path?: unknown[]; typeName?: string; keys?: string[] }>

// The package is CommonJS with `exports.default`: Node's ESM interop and bundlers disagree on
// where that default lands.
const validate: Validate = (() => {
  const module = validation as unknown as { default?: unknown }
  const candidate = typeof module.default === 'function' ? module.default : (module.default as { default?: unknown } | undefined)?.default
  if (typeof candidate !== 'function') throw new Error('@learninglocker/xapi-validation: no validation function exported')
  return candidate as Validate
})()

/** What is wrong with a statement, one message per problem (empty when valid). */
export function statementProblems(statement: unknown): string[] {
  if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) return ['a statement must be a JSON object']
  return validate(statement).map((warning) => {
    const path = (warning.path ?? []).join('.')
    const detail = warning.typeName ? ` (expected ${warning.typeName})` : warning.keys ? ` (unknown keys: ${warning.keys.join(', ')})` : ''
    return `${warning.constructor.name} at ${path}${detail}`
  })
}

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const

/**
 * An agent query parameter (State, Agent Profile, statement filter): JSON with exactly one
 * inverse functional identifier; the reason otherwise.
 */
export function parseAgentParam(value: string | null, name = 'agent'): { agent: XapiAgent } | { error: string } {
  if (value === null) return { error: `missing parameter ${name}` }
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return { error: `parameter ${name} is not JSON` }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: `parameter ${name} is not an Agent object` }
  const agent = parsed as XapiAgent
  if (agent.objectType !== undefined && agent.objectType !== 'Agent' && agent.objectType !== 'Group') return { error: `parameter ${name} has objectType ${String(agent.objectType)}` }
  const key = ifiKey(agent)
  return key === null ? { error: `parameter ${name} must carry exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account)` } : { agent }
}

/** One string per identity (its one IFI), or null when the agent has none or several, or a malformed one. */
export function ifiKey(agent: XapiAgent): string | null {
  const present = IFIS.filter((ifi) => agent[ifi] !== undefined)
  if (present.length !== 1) return null
  const ifi = present[0]!
  if (ifi === 'account') {
    const account = agent.account
    if (!account || typeof account.homePage !== 'string' || typeof account.name !== 'string' || account.name === '') return null
    return `account:${account.homePage}|${account.name}`
  }
  const value = agent[ifi]
  if (typeof value !== 'string' || value === '') return null
  if (ifi === 'mbox' && !value.startsWith('mailto:')) return null
  return `${ifi}:${value}`
}

/** Whether a statement mentions the agent as actor, or as object when the object is an agent. */
export function involvesAgent(statement: XapiStatement, key: string): boolean {
  if (ifiKey(statement.actor) === key) return true
  const object = statement.object as XapiAgent & { objectType?: string }
  return (object.objectType === 'Agent' || object.objectType === 'Group') && ifiKey(object) === key
}

/** Context activities of one kind as an array (xAPI accepts a single object; LRSs return arrays). */
export function contextActivities(statement: XapiStatement, kind: ContextActivityKind): XapiActivity[] {
  const value = statement.context?.contextActivities?.[kind]
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

const IGNORED_ON_COMPARE = new Set(['stored', 'authority', 'version'])

/**
 * Whether two statements with the same id say the same thing: the xAPI rule for a resent id,
 * ignoring what the LRS adds and key order.
 */
export function sameStatement(a: XapiStatement, b: XapiStatement): boolean {
  return canonical(a, true) === canonical(b, true)
}

function canonical(value: unknown, top = false): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item)).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => item !== undefined && !(top && IGNORED_ON_COMPARE.has(key)))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** RFC 4122 UUID, any version, either case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An ISO 8601 timestamp with a time zone, as the statement resource's `since`/`until` take. */
export function parseTimestamp(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : time
}

/** A statement timestamp in UTC (`Z` or `+00:00`), as cmi5 requires. */
export function isUtcTimestamp(value: unknown): value is string {
  return typeof value === 'string' && /(Z|[+]00:?00)$/.test(value) && parseTimestamp(value) !== null
}
