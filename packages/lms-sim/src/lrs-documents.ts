import { DocumentStore, jsonObject, type StoredDocument } from './lrs-store.js'
import { LrsError, type DocumentResource, type DocumentWrite, type LrsClient, type LrsResponse } from './lrs-types.js'
import { UUID, ifiKey, parseAgentParam, parseTimestamp, type XapiAgent } from './lrs-validate.js'

interface ResourceShape {
  /** Parameters that scope the documents (all required but `registration`). */
  scope: readonly ('activityId' | 'agent' | 'registration')[]
  idParam: 'stateId' | 'profileId'
  /** xAPI 1.0.3 makes If-Match/If-None-Match mandatory on profile PUTs over an existing document. */
  concurrencyRequired: boolean
}

const SHAPES: Record<DocumentResource, ResourceShape> = {
  state: { scope: ['activityId', 'agent', 'registration'], idParam: 'stateId', concurrencyRequired: false },
  agentProfile: { scope: ['agent'], idParam: 'profileId', concurrencyRequired: true },
  activityProfile: { scope: ['activityId'], idParam: 'profileId', concurrencyRequired: true },
}

/** A document request, parsed. */
interface DocumentRequest {
  method: string
  params: URLSearchParams
  contentType: string
  body: Buffer
  ifMatch?: string
  ifNoneMatch?: string
}

/** What identifies a document outside HTTP (for `LmsSim.lrs.stateDocument` and the LMS's own writes). */
export interface DocumentKey {
  activityId?: string
  agent?: XapiAgent
  registration?: string
  id: string
}

/**
 * The State, Agent Profile and Activity Profile resources (xAPI 1.0.3 Communication §2.2–2.7):
 * PUT replaces, POST merges JSON objects, GET answers a document or the list of ids, DELETE.
 */
export class DocumentsResource {
  private readonly stores: Record<DocumentResource, DocumentStore> = {
    state: new DocumentStore(),
    agentProfile: new DocumentStore(),
    activityProfile: new DocumentStore(),
  }

  handle(resource: DocumentResource, client: LrsClient, request: DocumentRequest): LrsResponse {
    const shape = SHAPES[resource]
    const allowed = [...shape.scope, shape.idParam, ...(request.method === 'GET' ? ['since'] : [])]
    for (const key of request.params.keys()) if (!allowed.includes(key)) throw new LrsError(400, `unknown parameter ${key}`)
    const activityId = shape.scope.includes('activityId') ? required(request.params, 'activityId') : undefined
    if (activityId !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(activityId)) throw new LrsError(400, 'activityId must be an IRI')
    let agent: XapiAgent | undefined
    if (shape.scope.includes('agent')) {
      const parsed = parseAgentParam(request.params.get('agent'))
      if ('error' in parsed) throw new LrsError(400, parsed.error)
      agent = parsed.agent
    }
    const registration = request.params.get('registration') ?? undefined
    if (registration !== undefined && !UUID.test(registration)) throw new LrsError(400, 'registration must be a UUID')
    const id = request.params.get(shape.idParam) ?? undefined
    const scope = scopeKey({ activityId, agent, registration })
    const store = this.stores[resource]

    if (request.method === 'GET') {
      if (id === undefined) {
        const sinceText = request.params.get('since')
        const since = sinceText === null ? undefined : parseTimestamp(sinceText)
        if (since === null) throw new LrsError(400, 'since must be an ISO 8601 timestamp with a time zone')
        return { status: 200, body: store.ids(scope, since) }
      }
      const document = store.get(scope, id)
      if (!document) throw new LrsError(404, `no ${resource} document ${id}`)
      return { status: 200, body: document.content, contentType: document.contentType, headers: documentHeaders(document) }
    }
    if (request.method !== 'PUT' && request.method !== 'POST' && request.method !== 'DELETE') throw new LrsError(405, `${request.method} is not allowed on ${resource}`)
    if (id === undefined && (request.method !== 'DELETE' || resource !== 'state')) throw new LrsError(400, `missing parameter ${shape.idParam}`)
    const write: DocumentWrite = { resource, method: request.method, ...(id === undefined ? {} : { id }), ...(activityId === undefined ? {} : { activityId }), ...(agent ? { agent } : {}), ...(registration ? { registration } : {}) }
    const refusal = client.guard?.documentWrite(write)
    if (refusal) throw new LrsError(403, refusal)
    const existing = id === undefined ? undefined : store.get(scope, id)
    checkPreconditions(existing, request, shape.concurrencyRequired && request.method === 'PUT')

    if (request.method === 'DELETE') {
      store.delete(scope, id)
      return { status: 204 }
    }
    const contentType = request.contentType || 'application/octet-stream'
    if (request.method === 'POST' && existing) {
      const incoming = jsonObject({ content: request.body, contentType })
      const current = jsonObject(existing)
      if (!incoming || !current) throw new LrsError(400, `POST merges JSON objects only: the ${!current ? 'stored document' : 'request body'} is not an application/json object`)
      const merged = store.put(scope, id!, Buffer.from(JSON.stringify({ ...current, ...incoming })), 'application/json')
      return { status: 204, headers: { ETag: merged.etag } }
    }
    if (contentType.toLowerCase().startsWith('application/json')) {
      try {
        JSON.parse(request.body.toString('utf8'))
      } catch {
        throw new LrsError(400, 'the body is declared application/json but is not JSON')
      }
    }
    const document = store.put(scope, id!, request.body, contentType)
    return { status: 204, headers: { ETag: document.etag } }
  }

  /** A document as the sim's inspection API gives it: parsed JSON when JSON, else text. */
  read(resource: DocumentResource, key: DocumentKey): unknown {
    const document = this.stores[resource].get(scopeKey(key), key.id)
    if (!document) return undefined
    const object = jsonObject(document)
    if (object) return object
    return document.contentType.toLowerCase().startsWith('application/json') ? JSON.parse(document.content.toString('utf8')) : document.content.toString('utf8')
  }

  /** A write by the LMS itself (LMS.LaunchData, learner preferences), outside any guard. */
  write(resource: DocumentResource, key: DocumentKey, value: unknown): void {
    this.stores[resource].put(scopeKey(key), key.id, Buffer.from(JSON.stringify(value)), 'application/json')
  }
}

function scopeKey(key: Omit<DocumentKey, 'id'>): string {
  return JSON.stringify([key.activityId ?? null, key.agent ? ifiKey(key.agent) : null, key.registration?.toLowerCase() ?? null])
}

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name)
  if (value === null || value === '') throw new LrsError(400, `missing parameter ${name}`)
  return value
}

function checkPreconditions(existing: StoredDocument | undefined, request: DocumentRequest, headerRequired: boolean): void {
  if (request.ifMatch !== undefined) {
    const tags = request.ifMatch.split(',').map((tag) => tag.trim())
    if (!existing || (!tags.includes('*') && !tags.includes(existing.etag))) throw new LrsError(412, `If-Match ${request.ifMatch} does not match the document`)
  }
  if (request.ifNoneMatch !== undefined && existing) {
    const tags = request.ifNoneMatch.split(',').map((tag) => tag.trim())
    if (tags.includes('*') || tags.includes(existing.etag)) throw new LrsError(412, `If-None-Match ${request.ifNoneMatch}: the document exists`)
  }
  if (headerRequired && existing && request.ifMatch === undefined && request.ifNoneMatch === undefined) {
    throw new LrsError(409, 'the document exists: a PUT over it needs If-Match (or If-None-Match), xAPI 1.0.3 Communication §3.1')
  }
}

function documentHeaders(document: StoredDocument): Record<string, string> {
  return { ETag: document.etag, 'Last-Modified': document.updated.toUTCString() }
}
