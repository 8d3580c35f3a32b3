import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DocumentsResource, type DocumentKey } from './lrs-documents.js'
import { StatementsResource } from './lrs-statements.js'
import { StatementStore } from './lrs-store.js'
import { LrsError, type DocumentResource, type LrsClient, type LrsFaults, type LrsRequest, type LrsResponse } from './lrs-types.js'
import { statementProblems, type XapiAgent, type XapiStatement } from './lrs-validate.js'

/** What tests see of the LRS (`LmsSim.lrs`). */
export interface SimLrs {
  /** `http://127.0.0.1:<port>`: another origin than the LMS, as a real LRS is. */
  readonly origin: string
  /** `${origin}/xapi/` */
  readonly endpoint: string
  /** Faults, switchable while a page runs: mutate it or assign a new object. */
  faults: LrsFaults
  /** Every request the LRS origin received, in arrival order, with the reason of each non-2xx answer. */
  readonly requests: LrsRequest[]
  /** Every stored statement, in stored order (copies, with `stored` and `authority`). */
  statements(): XapiStatement[]
  /** A State document (parsed JSON, or text), undefined when absent. */
  stateDocument(key: { activityId: string; agent: XapiAgent; registration?: string; stateId: string }): unknown
  /** An Agent Profile document (parsed JSON, or text), undefined when absent. */
  agentProfile(key: { agent: XapiAgent; profileId: string }): unknown
  /** A new `Authorization` value (Basic) with plain LRS access, for tests and tools. */
  issueAuth(name?: string): string
}

/** The LRS as the rest of the sim drives it. */
export interface Lrs extends SimLrs {
  addClient(client: LrsClient): void
  /** Routes outside `/xapi/` on the LRS origin (the cmi5 fetch URL); no version or auth check. */
  routes: Map<string, (method: string, url: URL) => LrsResponse>
  /** Stores statements the LMS itself issues (cmi5 launched, abandoned, satisfied); throws when one is invalid. */
  storeAsLms(statements: XapiStatement[]): XapiStatement[]
  writeDocument(resource: DocumentResource, key: DocumentKey, value: unknown): void
  readDocument(resource: DocumentResource, key: DocumentKey): unknown
  /** The `authority` of statements a client stores. */
  authorityOf(name: string): XapiAgent
  close(): Promise<void>
}

const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match'
const EXPOSED_HEADERS = 'X-Experience-API-Version, X-Experience-API-Consistent-Through, ETag, Last-Modified, Content-Type, Content-Length'
const VERSION = /^1\.0(\.\d+)?$/
const DOCUMENT_PATHS: Record<string, DocumentResource> = {
  'activities/state': 'state',
  'agents/profile': 'agentProfile',
  'activities/profile': 'activityProfile',
}

/**
 * An xAPI 1.0.3 LRS on its own 127.0.0.1 listener, strict where the spec says MUST: version
 * header, credentials it issued, statement validation and id rules, document semantics; full
 * CORS so content on the LMS origin talks to it as to a real LRS.
 */
export async function startLrs(lmsOrigin: string): Promise<Lrs> {
  const requests: LrsRequest[] = []
  const clients = new Map<string, LrsClient>()
  const routes = new Map<string, (method: string, url: URL) => LrsResponse>()
  const store = new StatementStore()
  let faults: LrsFaults = {}
  const authorityOf = (name: string): XapiAgent => ({ objectType: 'Agent', name, account: { homePage: lmsOrigin, name } })
  const statements = new StatementsResource(store, (client) => authorityOf(client.name))
  const documents = new DocumentsResource()

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const entry: LrsRequest = { method: request.method ?? 'GET', path: url.pathname + url.search, status: 0, at: new Date().toISOString() }
    requests.push(entry)
    handle(request, response, url, entry).catch((error: unknown) => {
      if (!response.headersSent) reply(request, response, entry, { status: 500, body: String(error) }, `internal error: ${String(error)}`)
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL, entry: LrsRequest): Promise<void> {
    if (faults.down) return destroy(request, entry)
    if (request.method === 'OPTIONS') return preflight(request, response, entry)
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs))
    const body = await readBody(request)
    if (faults.down) return destroy(request, entry)
    if (faults.status !== undefined) return reply(request, response, entry, { status: faults.status, body: 'simulated fault' }, `fault: status ${faults.status}`)
    if (faults.failNext !== undefined && faults.failNext > 0) {
      faults.failNext--
      return reply(request, response, entry, { status: 500, body: 'simulated fault' }, 'fault: failNext')
    }
    try {
      reply(request, response, entry, route(request, url, body))
    } catch (error) {
      if (!(error instanceof LrsError)) throw error
      reply(request, response, entry, { status: error.status, body: error.message }, error.message)
    }
  }

  function route(request: IncomingMessage, url: URL, body: Buffer): LrsResponse {
    const method = request.method ?? 'GET'
    const extra = routes.get(url.pathname)
    if (extra) return extra(method, url)
    if (!url.pathname.startsWith('/xapi/')) throw new LrsError(404, `no resource ${url.pathname}`)
    const resource = url.pathname.slice('/xapi/'.length)
    if (resource === 'about') {
      if (method !== 'GET') throw new LrsError(405, `${method} is not allowed on about`)
      return { status: 200, body: { version: ['1.0.3'] } }
    }
    const version = header(request, 'x-experience-api-version')
    if (version === undefined) throw new LrsError(400, 'missing X-Experience-API-Version header')
    if (!VERSION.test(version)) throw new LrsError(400, `X-Experience-API-Version ${version} is not supported (1.0.x)`)
    const authorization = header(request, 'authorization')
    const client = authorization === undefined ? undefined : clients.get(authorization)
    if (!client) throw new LrsError(401, authorization === undefined ? 'missing Authorization header' : 'Authorization is not a credential this LRS issued')
    const contentType = header(request, 'content-type') ?? ''
    if (resource === 'statements') {
      if (method === 'POST') return statements.post(client, url.searchParams, contentType, body)
      if (method === 'PUT') return statements.put(client, url.searchParams, contentType, body)
      if (method === 'GET') return statements.get(url.searchParams)
      throw new LrsError(405, `${method} is not allowed on statements`)
    }
    const more = /^statements\/more\/([\w-]+)$/.exec(resource)
    if (more) {
      if (method !== 'GET') throw new LrsError(405, `${method} is not allowed on a more URL`)
      return statements.getMore(more[1]!)
    }
    const documentResource = DOCUMENT_PATHS[resource]
    if (documentResource) {
      return documents.handle(documentResource, client, {
        method,
        params: url.searchParams,
        contentType,
        body,
        ...optional('ifMatch', header(request, 'if-match')),
        ...optional('ifNoneMatch', header(request, 'if-none-match')),
      })
    }
    throw new LrsError(404, `no resource ${resource} in this LRS`)
  }

  function preflight(request: IncomingMessage, response: ServerResponse, entry: LrsRequest): void {
    reply(request, response, entry, {
      status: 204,
      headers: {
        'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      },
    })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    origin,
    endpoint: `${origin}/xapi/`,
    get faults() {
      return faults
    },
    set faults(value: LrsFaults) {
      faults = value
    },
    requests,
    routes,
    statements: () => store.all(),
    stateDocument: ({ stateId, ...scope }) => documents.read('state', { ...scope, id: stateId }),
    agentProfile: ({ agent, profileId }) => documents.read('agentProfile', { agent, id: profileId }),
    issueAuth(name = `client-${randomBytes(4).toString('hex')}`) {
      const authorization = basicAuth(name, randomBytes(12).toString('hex'))
      clients.set(authorization, { authorization, name })
      return authorization
    },
    addClient: (client) => void clients.set(client.authorization, client),
    storeAsLms(list) {
      for (const statement of list) {
        const problems = statementProblems(statement)
        if (problems.length > 0) throw new Error(`the LMS built an invalid statement: ${problems.join('; ')}`)
      }
      return store.insert(list, authorityOf('lms'))
    },
    writeDocument: (resource, key, value) => documents.write(resource, key, value),
    readDocument: (resource, key) => documents.read(resource, key),
    authorityOf,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** `Basic base64(key:secret)`, as Tin Can launches hand it in `auth`. */
export function basicAuth(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`
}

function destroy(request: IncomingMessage, entry: LrsRequest): void {
  entry.status = 0
  entry.reason = 'fault: down (connection destroyed)'
  request.socket.destroy()
}

function reply(request: IncomingMessage, response: ServerResponse, entry: LrsRequest, answer: LrsResponse, reason?: string): void {
  entry.status = answer.status
  if (reason !== undefined && (answer.status < 200 || answer.status > 299)) entry.reason = reason
  const headers: Record<string, string> = {
    // Echoing the origin (not `*`) keeps it working should a client send credentials mode.
    'Access-Control-Allow-Origin': header(request, 'origin') ?? '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    Vary: 'Origin',
    'X-Experience-API-Version': '1.0.3',
    'Cache-Control': 'no-store',
    ...answer.headers,
  }
  let payload: Buffer | string = ''
  if (answer.body !== undefined && answer.status !== 204) {
    if (Buffer.isBuffer(answer.body)) payload = answer.body
    else if (typeof answer.body === 'string') payload = answer.body
    else payload = JSON.stringify(answer.body)
    headers['Content-Type'] = answer.contentType ?? (typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json')
  }
  response.writeHead(answer.status, headers)
  response.end(payload)
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>)
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}
