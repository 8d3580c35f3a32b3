import { createHash } from 'node:crypto'
import { contextActivities, ifiKey, involvesAgent, type XapiAgent, type XapiStatement } from './lrs-validate.js'

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided'

interface StoredStatement {
  /** As stored: with `id`, `stored`, `authority`, `version`, `timestamp`. */
  statement: XapiStatement
  /** As the client sent it, to judge a resend of the same id. */
  received: XapiStatement
}

/** Filters of `GET statements` (xAPI 1.0.3 Communication §2.1.3), parsed. */
export interface StatementQuery {
  agentKey?: string
  verb?: string
  activity?: string
  registration?: string
  relatedActivities?: boolean
  relatedAgents?: boolean
  since?: number
  until?: number
  ascending?: boolean
}

/** The statements an LRS holds, in stored order. */
export class StatementStore {
  private readonly list: StoredStatement[] = []
  private readonly byId = new Map<string, StoredStatement>()
  private readonly voided = new Set<string>()

  get(id: string): { statement: XapiStatement; received: XapiStatement; voided: boolean } | undefined {
    const entry = this.byId.get(id.toLowerCase())
    return entry && { ...entry, voided: this.voided.has(id.toLowerCase()) }
  }

  /** Stores statements that already have their `id`; sets `stored`, `authority`, `version` and a missing `timestamp`. */
  insert(statements: XapiStatement[], authority: XapiAgent): XapiStatement[] {
    return statements.map((received) => {
      const stored = new Date().toISOString()
      const statement: XapiStatement = {
        ...structuredClone(received),
        timestamp: received.timestamp ?? stored,
        stored,
        authority: structuredClone(authority),
        version: received.version ?? '1.0.0',
      }
      normaliseContextActivities(statement)
      const entry = { statement, received: structuredClone(received) }
      this.list.push(entry)
      this.byId.set(statement.id!.toLowerCase(), entry)
      if (statement.verb.id === VOIDED && statement.object.objectType === 'StatementRef' && typeof statement.object.id === 'string') {
        this.voided.add(statement.object.id.toLowerCase())
      }
      return statement
    })
  }

  /** Every statement, in stored order (copies). */
  all(): XapiStatement[] {
    return this.list.map((entry) => structuredClone(entry.statement))
  }

  /** Statements matching a query, voided ones left out, newest first unless ascending. */
  query(query: StatementQuery): XapiStatement[] {
    const matches = this.list
      .filter((entry) => !this.voided.has(entry.statement.id!.toLowerCase()) && matchesQuery(entry.statement, query))
      .map((entry) => entry.statement)
    return query.ascending ? matches : matches.reverse()
  }
}

function matchesQuery(statement: XapiStatement, query: StatementQuery): boolean {
  const stored = Date.parse(statement.stored!)
  if (query.since !== undefined && !(stored > query.since)) return false
  if (query.until !== undefined && !(stored <= query.until)) return false
  if (query.verb !== undefined && statement.verb.id !== query.verb) return false
  if (query.registration !== undefined && statement.context?.registration?.toLowerCase() !== query.registration.toLowerCase()) return false
  if (query.agentKey !== undefined) {
    const related = query.relatedAgents === true && [statement.authority, ...(statement.context?.['instructor'] ? [statement.context['instructor'] as XapiAgent] : [])]
      .some((agent) => agent !== undefined && ifiKey(agent) === query.agentKey)
    if (!involvesAgent(statement, query.agentKey) && !related) return false
  }
  if (query.activity !== undefined) {
    const direct = statement.object.id === query.activity && (statement.object.objectType ?? 'Activity') === 'Activity'
    const related = query.relatedActivities === true &&
      (['parent', 'grouping', 'category', 'other'] as const).some((kind) => contextActivities(statement, kind).some((activity) => activity.id === query.activity))
    if (!direct && !related) return false
  }
  return true
}

/** LRSs return context activities as arrays, whatever form they were sent in. */
function normaliseContextActivities(statement: XapiStatement): void {
  const activities = statement.context?.contextActivities
  if (!activities) return
  for (const kind of ['parent', 'grouping', 'category', 'other'] as const) {
    const value = activities[kind]
    if (value !== undefined && !Array.isArray(value)) activities[kind] = [value]
  }
}

/** One stored document of the State, Agent Profile or Activity Profile resource. */
export interface StoredDocument {
  content: Buffer
  contentType: string
  updated: Date
  etag: string
}

/** Documents of one resource, keyed by their scope (activity, agent, registration…) and id. */
export class DocumentStore {
  private readonly documents = new Map<string, Map<string, StoredDocument>>()

  get(scope: string, id: string): StoredDocument | undefined {
    return this.documents.get(scope)?.get(id)
  }

  ids(scope: string, since?: number): string[] {
    return [...(this.documents.get(scope) ?? new Map<string, StoredDocument>()).entries()]
      .filter(([, document]) => since === undefined || document.updated.getTime() > since)
      .map(([id]) => id)
  }

  put(scope: string, id: string, content: Buffer, contentType: string): StoredDocument {
    let documents = this.documents.get(scope)
    if (!documents) this.documents.set(scope, (documents = new Map()))
    const document = { content, contentType, updated: new Date(), etag: `"${createHash('sha1').update(content).digest('hex')}"` }
    documents.set(id, document)
    return document
  }

  delete(scope: string, id?: string): void {
    if (id === undefined) this.documents.delete(scope)
    else this.documents.get(scope)?.delete(id)
  }
}

/** A JSON document as an object, or null when it is not a JSON object. */
export function jsonObject(document: { content: Buffer; contentType: string }): Record<string, unknown> | null {
  if (!document.contentType.toLowerCase().startsWith('application/json')) return null
  try {
    const value: unknown = JSON.parse(document.content.toString('utf8'))
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
