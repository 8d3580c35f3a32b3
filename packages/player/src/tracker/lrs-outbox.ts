import { type LrsConnection, type LrsResponse, lrsRequest } from './lrs-client.js'
import type { KeyValueStorage } from './none.js'

/** A statement as JSON; it always carries its own `id` (UUID) and `timestamp`. */
export type XapiStatement = { id: string } & Record<string, unknown>

/** Where the learner's state document lives in the LRS (`activities/state`). */
export interface StateAddress {
  activityId: string
  /** Agent JSON. */
  agent: unknown
  registration?: string
  stateId: string
}

export interface OutboxOptions {
  connection: LrsConnection
  state: StateAddress
  /** localStorage; null when refused (then memory only). */
  storage: KeyValueStorage | null
  storageKey: string
  fetchImpl?: typeof fetch
  /** setTimeout-like; returns a cancel function. Default: window/global setTimeout. */
  schedule?: (run: () => void, ms: number) => () => void
  /** Default: console.error. */
  log?: (message: string) => void
  /** Statements per POST; default 50. */
  batchSize?: number
}

/** What the xAPI and cmi5 trackers hand their statements and state to; it never throws. */
export interface Outbox {
  /** Queues statements (persisted to storage at once, before any network) and schedules delivery soon. */
  send(statements: XapiStatement[]): void
  /** The learner's latest state document: replaces any pending one, persisted at once, delivered with PUT activities/state (latest wins). */
  saveState(document: unknown): void
  /** A state document a previous page left in storage and the LRS never acknowledged; undefined when none. Read by the tracker at start to prefer it over the LRS's copy. */
  readonly unsentState: unknown
  /** Delivers what is pending now; resolves when this round is over (success or failure). */
  flush(): Promise<void>
  /** The page is going away: sends the pending state, then pending statements, with `keepalive: true`, keeping the total of keepalive bodies ≤ 60 000 bytes (Chromium's 64 KiB in-flight cap); nothing is removed from storage, so a later page resends anything unacknowledged. */
  flushOnExit(): void
  /** 'failing' while something pending could not be delivered (network error / 5xx / 408 / 429) and a retry is scheduled; 'connected' otherwise. */
  health(): 'connected' | 'failing'
  /** Called whenever health() changes (the UI shows a "not saved, retrying" banner). */
  onHealthChange(listener: () => void): void
  /** Statements not yet acknowledged. */
  pendingCount(): number
}

/** What `storageKey` holds; `state` only while a document awaits the LRS's acknowledgement. */
interface SavedOutbox {
  statements: XapiStatement[]
  state?: { document: unknown }
}

type Channel = 'statements' | 'state'

/** Below Chromium's 64 KiB cap on keepalive bodies in flight, which refuses the whole request past it. */
const KEEPALIVE_BUDGET_BYTES = 60_000
const FIRST_RETRY_MS = 1_000
const LAST_RETRY_MS = 30_000

/**
 * Delivers statements (FIFO, one POST at a time) and the latest state document (PUT) to the
 * LRS, keeping both in storage until the LRS acknowledges them, so nothing is lost to a
 * network failure or a closed page. Resending is safe: the LRS keeps one statement per id.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { connection, storage, storageKey, fetchImpl, batchSize = 50 } = options
  const schedule =
    options.schedule ??
    ((run, ms) => {
      const timer = setTimeout(run, ms)
      return () => clearTimeout(timer)
    })
  const log = options.log ?? ((message: string) => console.error(message))
  const { activityId, agent, registration, stateId } = options.state
  const stateQuery = { activityId, agent: JSON.stringify(agent), ...(registration ? { registration } : {}), stateId }

  const saved = load(storage, storageKey)
  let queue = saved.statements
  let pendingState = saved.state ?? null
  const failing = new Set<Channel>()
  const running: Partial<Record<Channel, Promise<void>>> = {}
  const listeners: Array<() => void> = []
  let cancelRetry: (() => void) | null = null
  let retries = 0

  function persist(): void {
    try {
      storage?.setItem(storageKey, JSON.stringify({ statements: queue, state: pendingState ?? undefined } satisfies SavedOutbox))
    } catch {
      // Quota or privacy mode: memory still holds everything for this page.
    }
  }

  function health(): 'connected' | 'failing' {
    return failing.size > 0 ? 'failing' : 'connected'
  }

  /** Records whether the LRS answered on a channel, and keeps one retry timer while any channel is failing. */
  function settle(channel: Channel, answered: boolean): void {
    const before = health()
    if (answered) failing.delete(channel)
    else failing.add(channel)
    if (failing.size === 0) {
      retries = 0
      cancelRetry?.()
      cancelRetry = null
    } else {
      // A failure while the timer waits (an early try on `send`) does not push the retry back.
      cancelRetry ??= schedule(
        () => {
          cancelRetry = null
          void flush()
        },
        Math.min(FIRST_RETRY_MS * 2 ** retries++, LAST_RETRY_MS),
      )
    }
    if (health() !== before) for (const listener of listeners) listener()
  }

  /** False when the LRS gave no usable answer. A refused batch of several is resent one by one, so only the culprits are dropped. */
  async function deliverBatch(batch: XapiStatement[]): Promise<boolean> {
    const response = await lrsRequest(connection, 'POST', 'statements', { body: batch, fetchImpl })
    if (isRetryable(response.status)) return false
    if (!isSuccess(response.status)) {
      if (batch.length > 1) {
        for (const statement of batch) if (!(await deliverBatch([statement]))) return false
        return true
      }
      log(refusal(describeStatement(batch[0]), response))
    }
    queue = queue.filter((statement) => !batch.includes(statement))
    persist()
    return true
  }

  async function deliverStatements(): Promise<void> {
    while (queue.length > 0) {
      const answered = await deliverBatch(queue.slice(0, batchSize))
      settle('statements', answered)
      if (!answered) return
    }
  }

  async function deliverState(): Promise<void> {
    while (pendingState !== null) {
      const sent = pendingState
      const response = await lrsRequest(connection, 'PUT', 'activities/state', { query: stateQuery, body: sent.document, fetchImpl })
      const answered = !isRetryable(response.status)
      if (answered && !isSuccess(response.status)) log(refusal('the state document', response))
      // A document saved during the PUT is still pending: the loop sends it next.
      if (answered && pendingState === sent) {
        pendingState = null
        persist()
      }
      settle('state', answered)
      if (!answered) return
    }
  }

  /** Joins the channel's round in progress, whose loop also takes what was queued since it began. */
  function run(channel: Channel, deliver: () => Promise<void>): Promise<void> {
    return (running[channel] ??= deliver().finally(() => delete running[channel]))
  }

  function flush(): Promise<void> {
    return Promise.all([run('statements', deliverStatements), run('state', deliverState)]).then(() => undefined)
  }

  /** Waits for the caller's other calls of this task, so they leave in one batch. */
  function flushSoon(): void {
    queueMicrotask(() => void flush())
  }

  function flushOnExit(): void {
    let budget = KEEPALIVE_BUDGET_BYTES
    if (pendingState !== null) {
      const bytes = byteLength(JSON.stringify(pendingState.document))
      if (bytes <= budget) {
        budget -= bytes
        void lrsRequest(connection, 'PUT', 'activities/state', { query: stateQuery, body: pendingState.document, keepalive: true, fetchImpl })
      }
    }
    const post = (batch: XapiStatement[]) => void lrsRequest(connection, 'POST', 'statements', { body: batch, keepalive: true, fetchImpl })
    // A batch's body is '[' + statements joined by ',' + ']': 1 byte, plus each statement and its separator.
    let batch: XapiStatement[] = []
    let batchBytes = 1
    for (const statement of queue) {
      const cost = byteLength(JSON.stringify(statement)) + 1
      if (batch.length > 0 && (batch.length === batchSize || batchBytes + cost > budget)) {
        post(batch)
        budget -= batchBytes
        batch = []
        batchBytes = 1
      }
      // Stops rather than skips, so the LRS still receives statements in the order they happened.
      if (batchBytes + cost > budget) break
      batch.push(statement)
      batchBytes += cost
    }
    if (batch.length > 0) post(batch)
  }

  if (queue.length > 0 || pendingState !== null) flushSoon()

  return {
    send(statements) {
      if (statements.length === 0) return
      queue.push(...statements)
      persist()
      flushSoon()
    },
    saveState(document) {
      pendingState = { document }
      persist()
      flushSoon()
    },
    unsentState: saved.state?.document,
    flush,
    flushOnExit,
    health,
    onHealthChange: (listener) => void listeners.push(listener),
    pendingCount: () => queue.length,
  }
}

/** What a previous page left; anything unreadable counts as nothing. */
function load(storage: KeyValueStorage | null, storageKey: string): SavedOutbox {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(storageKey) ?? 'null')
    if (saved === null || typeof saved !== 'object') return { statements: [] }
    const { statements, state } = saved as { statements?: unknown; state?: unknown }
    return {
      statements: Array.isArray(statements) ? statements.filter(isStatement) : [],
      ...(state !== null && typeof state === 'object' && 'document' in state ? { state: { document: state.document } } : {}),
    }
  } catch {
    return { statements: [] }
  }
}

function isStatement(value: unknown): value is XapiStatement {
  return value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}

/** No answer, a server error, or "try later": the same request may well succeed on another try. */
function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500
}

function describeStatement(statement: XapiStatement | undefined): string {
  const verb = (statement?.['verb'] as { id?: unknown } | undefined)?.id
  return `statement ${statement?.id ?? ''}${typeof verb === 'string' ? ` (${verb})` : ''}`
}

function refusal(subject: string, response: LrsResponse): string {
  const { body } = response
  const message = (body as { message?: unknown } | null)?.message
  const text = typeof body === 'string' ? body : typeof message === 'string' ? message : body === null ? '' : JSON.stringify(body)
  return `cafes: the LRS refused ${subject}: HTTP ${response.status} ${text.replace(/\s+/g, ' ').slice(0, 200)}`.trimEnd()
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length
}
