import { randomUUID } from 'node:crypto'
import { LrsError, type LrsClient, type LrsResponse } from './lrs-types.js'
import type { StatementQuery, StatementStore } from './lrs-store.js'
import { UUID, ifiKey, parseAgentParam, parseTimestamp, sameStatement, statementProblems, type XapiAgent, type XapiStatement } from './lrs-validate.js'

const QUERY_PARAMS = new Set([
  'statementId', 'voidedStatementId', 'agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents',
  'since', 'until', 'limit', 'format', 'attachments', 'ascending',
])

/** Pages of a query still to be read through `more`. */
interface MorePage {
  rest: XapiStatement[]
  limit: number
}

/** The Statement resource (xAPI 1.0.3 Communication §2.1) over a store. */
export class StatementsResource {
  private readonly more = new Map<string, MorePage>()

  constructor(
    private readonly store: StatementStore,
    private readonly authority: (client: LrsClient) => XapiAgent,
  ) {}

  /** POST: one statement or an array; answers the ids. */
  post(client: LrsClient, params: URLSearchParams, contentType: string, body: Buffer): LrsResponse {
    if ([...params.keys()].length > 0) throw new LrsError(400, `unexpected parameters on POST statements: ${[...params.keys()].join(', ')} (the alternate request syntax is not supported)`)
    const parsed = parseBody(contentType, body)
    const ids = this.save(client, Array.isArray(parsed) ? parsed : [parsed])
    return { status: 200, body: ids }
  }

  /** PUT ?statementId=: one statement; 204. */
  put(client: LrsClient, params: URLSearchParams, contentType: string, body: Buffer): LrsResponse {
    onlyParams(params, ['statementId'])
    const statementId = params.get('statementId')
    if (statementId === null || !UUID.test(statementId)) throw new LrsError(400, 'PUT statements needs statementId, a UUID')
    const parsed = parseBody(contentType, body)
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new LrsError(400, 'PUT statements takes one statement object')
    const statement = parsed as Record<string, unknown>
    if (statement['id'] !== undefined && String(statement['id']).toLowerCase() !== statementId.toLowerCase()) {
      throw new LrsError(400, `statement id ${String(statement['id'])} differs from statementId ${statementId}`)
    }
    this.save(client, [{ ...statement, id: statement['id'] ?? statementId }])
    return { status: 204 }
  }

  /** Validates, applies the id rules and the client's guard, stores; all or nothing. */
  private save(client: LrsClient, statements: unknown[]): string[] {
    const problems = statements.flatMap((statement, index) => statementProblems(statement).map((problem) => `statement ${index}: ${problem}`))
    if (problems.length > 0) throw new LrsError(400, `invalid statement: ${problems.join('; ')}`)
    const withIds = (statements as XapiStatement[]).map((statement) => ({ ...statement, id: statement.id ?? randomUUID() }))
    const seen = new Set<string>()
    for (const statement of withIds) {
      const id = statement.id.toLowerCase()
      if (seen.has(id)) throw new LrsError(400, `statement id ${statement.id} appears twice in the batch`)
      seen.add(id)
    }
    const fresh: XapiStatement[] = []
    for (const statement of withIds) {
      const existing = this.store.get(statement.id)
      if (!existing) {
        fresh.push(statement)
        continue
      }
      // A resend of what is already stored is a no-op, before any other rule: clients resend
      // after an ambiguous failure.
      if (sameStatement(existing.received, statement) || sameStatement(existing.statement, statement)) continue
      throw new LrsError(409, `statement ${statement.id} is already stored with different content`)
    }
    for (const statement of fresh) {
      if (statement.verb.id === 'http://adlnet.gov/expapi/verbs/voided') {
        const target = statement.object.objectType === 'StatementRef' && typeof statement.object.id === 'string' ? this.store.get(statement.object.id) : undefined
        if (target?.statement.verb.id === 'http://adlnet.gov/expapi/verbs/voided') throw new LrsError(400, `statement ${statement.id} voids a voiding statement`)
      }
    }
    if (fresh.length > 0) {
      const refusal = client.guard?.statements(fresh)
      if (refusal) throw new LrsError(403, refusal)
      const stored = this.store.insert(fresh, this.authority(client))
      client.guard?.accepted(stored)
    }
    return withIds.map((statement) => statement.id)
  }

  /** GET: one statement by id, or a filtered list with `more`. */
  get(params: URLSearchParams): LrsResponse {
    for (const key of params.keys()) if (!QUERY_PARAMS.has(key)) throw new LrsError(400, `unknown parameter ${key} on GET statements`)
    const consistent = { 'X-Experience-API-Consistent-Through': new Date().toISOString() }
    const statementId = params.get('statementId')
    const voidedStatementId = params.get('voidedStatementId')
    if (statementId !== null || voidedStatementId !== null) {
      const extra = [...params.keys()].filter((key) => !['statementId', 'voidedStatementId', 'attachments', 'format'].includes(key))
      if (extra.length > 0 || (statementId !== null && voidedStatementId !== null)) throw new LrsError(400, `statementId/voidedStatementId cannot be combined with ${extra.join(', ') || 'each other'}`)
      const id = (statementId ?? voidedStatementId)!
      const entry = this.store.get(id)
      if (!entry || entry.voided !== (voidedStatementId !== null)) throw new LrsError(404, `no ${voidedStatementId !== null ? 'voided ' : ''}statement ${id}`)
      return { status: 200, body: entry.statement, headers: consistent }
    }
    const query = parseQuery(params)
    const limit = params.has('limit') ? Number(params.get('limit')) : 0
    if (!Number.isInteger(limit) || limit < 0) throw new LrsError(400, 'limit must be a non-negative integer')
    return { status: 200, body: this.page(this.store.query(query), limit), headers: consistent }
  }

  /** GET of a `more` URL. */
  getMore(token: string): LrsResponse {
    const page = this.more.get(token)
    if (!page) throw new LrsError(404, 'unknown or expired more URL')
    this.more.delete(token)
    return { status: 200, body: this.page(page.rest, page.limit), headers: { 'X-Experience-API-Consistent-Through': new Date().toISOString() } }
  }

  private page(statements: XapiStatement[], limit: number): { statements: XapiStatement[]; more: string } {
    if (limit === 0 || statements.length <= limit) return { statements, more: '' }
    const token = randomUUID()
    this.more.set(token, { rest: statements.slice(limit), limit })
    return { statements: statements.slice(0, limit), more: `/xapi/statements/more/${token}` }
  }
}

function parseBody(contentType: string, body: Buffer): unknown {
  if (contentType.toLowerCase().startsWith('multipart/')) throw new LrsError(400, 'statements with attachments (multipart/mixed) are not supported by the simulator')
  if (!contentType.toLowerCase().startsWith('application/json')) throw new LrsError(400, `statements must be sent as application/json, not "${contentType}"`)
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    throw new LrsError(400, 'the body is not JSON')
  }
}

function onlyParams(params: URLSearchParams, allowed: string[]): void {
  for (const key of params.keys()) if (!allowed.includes(key)) throw new LrsError(400, `unknown parameter ${key}`)
}

function parseQuery(params: URLSearchParams): StatementQuery {
  const query: StatementQuery = {}
  const agent = params.get('agent')
  if (agent !== null) {
    const parsed = parseAgentParam(agent)
    if ('error' in parsed) throw new LrsError(400, parsed.error)
    query.agentKey = ifiKey(parsed.agent)!
  }
  for (const key of ['verb', 'activity'] as const) {
    const value = params.get(key)
    if (value !== null) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) throw new LrsError(400, `${key} must be an IRI`)
      query[key] = value
    }
  }
  const registration = params.get('registration')
  if (registration !== null) {
    if (!UUID.test(registration)) throw new LrsError(400, 'registration must be a UUID')
    query.registration = registration
  }
  for (const key of ['since', 'until'] as const) {
    const value = params.get(key)
    if (value !== null) {
      const time = parseTimestamp(value)
      if (time === null) throw new LrsError(400, `${key} must be an ISO 8601 timestamp with a time zone`)
      query[key] = time
    }
  }
  query.ascending = booleanParam(params, 'ascending')
  query.relatedActivities = booleanParam(params, 'related_activities')
  query.relatedAgents = booleanParam(params, 'related_agents')
  const format = params.get('format')
  if (format !== null && !['ids', 'exact', 'canonical'].includes(format)) throw new LrsError(400, 'format must be ids, exact or canonical')
  return query
}

function booleanParam(params: URLSearchParams, key: string): boolean {
  const value = params.get(key)
  if (value === null) return false
  if (value !== 'true' && value !== 'false') throw new LrsError(400, `${key} must be true or false`)
  return value === 'true'
}
