import type { Agent } from './xapi-statements.js'

/**
 * Reading how an LMS launched the package: the Tin Can query parameters (Rustici's launch
 * convention, STANDARDS.md §3.8) and the cmi5 ones (§4.2). Pure: takes `location.search`.
 */

/** Tin Can launch: `endpoint`, `auth`, `actor`, optional `registration`, `activity_id`, `grouping`. */
export interface TinCanLaunch {
  /** The LRS base URL, ending with `/`. */
  endpoint: string
  /** The complete `Authorization` header value; '' when the LMS gave none. */
  auth: string
  actor: Agent
  registration?: string
  /** The root activity the LMS tracks (default: the course IRI). */
  activityId?: string
  grouping?: string[]
}

/** cmi5 launch: every parameter is required (§8.1). */
export interface Cmi5LaunchParameters {
  endpoint: string
  /** The one-time URL that gives the session's auth token. */
  fetch: string
  actor: Agent
  registration: string
  /** The LMS-generated activity id: the object of every cmi5 defined statement. */
  activityId: string
}

/** A launch, or why it cannot be used (shown in the console; the learner sees the "not saved" notice). */
export type Parsed<T> = { launch: T } | { error: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i
/** Inverse functional identifiers, in the order kept when a legacy actor gives several. */
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const

export function parseTinCanLaunch(search: string): Parsed<TinCanLaunch> {
  const params = new URLSearchParams(search)
  const endpoint = lrsEndpoint(params.get('endpoint'))
  if (endpoint === null) return problem('endpoint', params.get('endpoint'), 'the LRS address (http or https)')
  const actor = parseAgent(params.get('actor'))
  if (actor === null) return problem('actor', params.get('actor'), 'the learner as an xAPI Agent (JSON)')
  const launch: TinCanLaunch = { endpoint, auth: params.get('auth') ?? '', actor }
  const registration = params.get('registration')
  if (registration) {
    if (!UUID.test(registration)) return problem('registration', registration, 'a UUID')
    launch.registration = registration.toLowerCase()
  }
  const activityId = params.get('activity_id')
  if (activityId) {
    if (!ABSOLUTE_IRI.test(activityId)) return problem('activity_id', activityId, 'an absolute IRI')
    launch.activityId = activityId
  }
  const grouping = params.get('grouping')
  if (grouping && ABSOLUTE_IRI.test(grouping)) launch.grouping = [grouping]
  return { launch }
}

export function parseCmi5Launch(search: string): Parsed<Cmi5LaunchParameters> {
  const params = new URLSearchParams(search)
  const endpoint = lrsEndpoint(params.get('endpoint'))
  if (endpoint === null) return problem('endpoint', params.get('endpoint'), 'the LRS address (http or https)')
  const fetchUrl = lrsEndpoint(params.get('fetch'))
  if (fetchUrl === null) return problem('fetch', params.get('fetch'), 'the auth token URL (http or https)')
  const actor = parseAgent(params.get('actor'))
  if (actor === null || actor['account'] === undefined) return problem('actor', params.get('actor'), 'an xAPI Agent with an `account` (JSON)')
  const registration = params.get('registration') ?? ''
  if (!UUID.test(registration)) return problem('registration', registration, 'a UUID')
  const activityId = params.get('activityId') ?? ''
  if (!ABSOLUTE_IRI.test(activityId)) return problem('activityId', activityId, 'an absolute IRI')
  // The fetch URL is used as given (its query is the token's key): no slash added.
  return { launch: { endpoint, fetch: params.get('fetch')!, actor, registration: registration.toLowerCase(), activityId } }
}

/**
 * An Agent from launch JSON, normalised from the pre-1.0 "0.95" form (`{"name":["Jo"],
 * "account":[{"accountServiceHomePage":…,"accountName":…}]}`) as TinCanJS does; exactly one
 * identifier kept. Null when it is not an Agent with an identifier.
 */
export function parseAgent(json: string | null): Agent | null {
  let value: unknown
  try {
    value = JSON.parse(json ?? '')
  } catch {
    return null
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const source = value as Record<string, unknown>
  const first = (key: string): unknown => (Array.isArray(source[key]) ? (source[key] as unknown[])[0] : source[key])
  const agent: Agent = { objectType: 'Agent' }
  const name = first('name')
  if (typeof name === 'string' && name !== '') agent['name'] = name
  for (const key of IFIS) {
    const ifi = key === 'account' ? account(first(key)) : first(key)
    if (typeof ifi === 'string' ? ifi !== '' : ifi !== undefined && ifi !== null) {
      agent[key] = ifi
      return agent
    }
  }
  return null
}

/** The learner's identifier as one string: seeds the shuffles and keys local storage. */
export function agentKey(agent: Agent): string {
  const account = agent['account'] as { homePage?: string; name?: string } | undefined
  if (account) return `${account.homePage ?? ''}|${account.name ?? ''}`
  return String(agent['mbox'] ?? agent['mbox_sha1sum'] ?? agent['openid'] ?? '')
}

/** A version 4 UUID from `crypto.getRandomValues`, which (unlike `randomUUID`) plain-http LMS pages have too. */
export function newUuid(random: (bytes: Uint8Array<ArrayBuffer>) => void = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = new Uint8Array(16)
  random(bytes)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function account(value: unknown): { homePage: string; name: string } | null {
  if (value === null || typeof value !== 'object') return null
  const record = value as Record<string, unknown>
  const homePage = record['homePage'] ?? record['accountServiceHomePage']
  const name = record['name'] ?? record['accountName']
  return typeof homePage === 'string' && typeof name === 'string' && homePage !== '' && name !== '' ? { homePage, name } : null
}

/** An absolute http(s) URL, with a final `/` so resources can be appended. */
function lrsEndpoint(value: string | null): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  } catch {
    return null
  }
  return value.endsWith('/') ? value : `${value}/`
}

function problem(name: string, value: string | null, expected: string): { error: string } {
  const found = value === null || value === '' ? 'missing' : `invalid (${JSON.stringify(value.slice(0, 80))})`
  return { error: `launch parameter \`${name}\` is ${found}: expected ${expected}. Launch this module from your LMS.` }
}
