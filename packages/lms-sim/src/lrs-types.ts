import type { XapiAgent, XapiStatement } from './lrs-validate.js'

/** Faults of the LRS listener, switchable while a page runs (`LmsSim.lrs.faults`). */
export interface LrsFaults {
  /** Destroy the connection of every request, preflights included: the browser sees a network error. */
  down?: boolean
  /** Answer every non-OPTIONS request with this status (e.g. 500) without processing it. */
  status?: number
  /** Answer every non-OPTIONS request after this delay. */
  delayMs?: number
  /** Answer this many non-OPTIONS requests with 500 without processing them, then recover. */
  failNext?: number
}

/** One request the LRS origin received, as tests print it on failure. */
export interface LrsRequest {
  method: string
  /** Path and query. */
  path: string
  /** Status answered; 0 when the connection was destroyed (`faults.down`). */
  status: number
  /** Why, for every non-2xx answer. */
  reason?: string
  /** ISO time of arrival. */
  at: string
}

/** Which document resource a request is on. */
export type DocumentResource = 'state' | 'agentProfile' | 'activityProfile'

/** A write (PUT/POST/DELETE) on a document resource, as a guard sees it. */
export interface DocumentWrite {
  resource: DocumentResource
  method: 'PUT' | 'POST' | 'DELETE'
  /** `stateId` or `profileId`; absent for a DELETE of every state in a scope. */
  id?: string
  activityId?: string
  agent?: XapiAgent
  registration?: string
}

/** Extra rules a client's requests must follow (a cmi5 session): each returns a reason to refuse with 403, or null. */
export interface LrsClientGuard {
  /** New statements (not identical resends), ids assigned, before storage. */
  statements(statements: XapiStatement[]): string | null
  /** The same statements once stored (with `stored`). */
  accepted(statements: XapiStatement[]): void
  documentWrite(write: DocumentWrite): string | null
}

/** A credential the LRS accepts. */
export interface LrsClient {
  /** The exact `Authorization` header value. */
  authorization: string
  /** Names the client in `authority`. */
  name: string
  guard?: LrsClientGuard
}

/** What a resource handler answers. */
export interface LrsResponse {
  status: number
  /** JSON-serialised unless a Buffer or string. */
  body?: unknown
  contentType?: string
  headers?: Record<string, string>
}

/** A refusal, answered with its status and reason (logged in `requests`). */
export class LrsError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}
