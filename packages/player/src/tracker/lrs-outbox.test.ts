import { describe, expect, it } from 'vitest'
import { type OutboxOptions, type XapiStatement, createOutbox } from './lrs-outbox.js'

const connection = { endpoint: 'https://lrs.example.com/xapi/', auth: 'Basic dXNlcjpwYXNz' }
const address = {
  activityId: 'https://example.com/course',
  agent: { mbox: 'mailto:a@example.com' },
  registration: '6a7b0c1d-0000-4000-8000-000000000001',
  stateId: 'cafes-state',
}
const STATE_URL =
  'https://lrs.example.com/xapi/activities/state?activityId=https%3A%2F%2Fexample.com%2Fcourse' +
  '&agent=%7B%22mbox%22%3A%22mailto%3Aa%40example.com%22%7D&registration=6a7b0c1d-0000-4000-8000-000000000001&stateId=cafes-state'
const STATEMENTS_URL = 'https://lrs.example.com/xapi/statements'
const ANSWERED = 'http://adlnet.gov/expapi/verbs/answered'
const KEY = 'cafes:xapi:demo'

function statement(id: string, extra: Record<string, unknown> = {}): XapiStatement {
  return { id, actor: address.agent, verb: { id: ANSWERED }, object: { id: address.activityId }, timestamp: '2025-01-01T00:00:00.000Z', ...extra }
}

interface Recorded {
  method: string
  url: string
  body: unknown
  bodyText: string | undefined
  keepalive: boolean
}

/** One answer of the fake LRS: 'ok' (it stores), 'down' (no HTTP answer), 'lost' (it stores, then the answer is lost), or an HTTP status. */
type Answer = 'ok' | 'down' | 'lost' | number

/** An LRS that keeps one statement per id, as real ones do, and counts the duplicates it was sent. */
class FakeLrs {
  readonly requests: Recorded[] = []
  readonly stored: string[] = []
  readonly states: unknown[] = []
  duplicates = 0
  /** Answers for the next requests, in order; then `usually`. */
  readonly script: Answer[] = []
  usually: Answer = 'ok'
  /** Statement ids the LRS refuses, with the status; a batch holding one is refused whole. */
  readonly refused = new Map<string, number>()
  /** Requests wait for `release()` while true. */
  holding = false
  inFlight = 0
  maxInFlight = 0
  private readonly held: Array<() => void> = []

  readonly fetchImpl = (async (url: string, init: RequestInit) => {
    const bodyText = typeof init.body === 'string' ? init.body : undefined
    const body: unknown = bodyText === undefined ? undefined : JSON.parse(bodyText)
    this.requests.push({ method: init.method ?? 'GET', url, body, bodyText, keepalive: init.keepalive === true })
    const answer = this.script.shift() ?? this.usually
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve))
      if (answer === 'down') throw new TypeError('Failed to fetch')
      if (typeof answer === 'number') return new Response('server says no', { status: answer })
      if (init.method === 'PUT') {
        this.states.push(body)
        return new Response(null, { status: 204 })
      }
      const batch = body as XapiStatement[]
      const culprit = batch.find((candidate) => this.refused.has(candidate.id))
      if (culprit !== undefined) {
        return Response.json({ message: `statement ${culprit.id} is invalid` }, { status: this.refused.get(culprit.id) ?? 400 })
      }
      for (const { id } of batch) {
        if (this.stored.includes(id)) this.duplicates++
        else this.stored.push(id)
      }
      if (answer === 'lost') throw new TypeError('connection reset')
      return Response.json(batch.map(({ id }) => id))
    } finally {
      this.inFlight--
    }
  }) as unknown as typeof fetch

  release(): void {
    for (const resolve of this.held.splice(0)) resolve()
  }

  statementBatches(): string[][] {
    return this.requests.filter((request) => request.url === STATEMENTS_URL).map((request) => (request.body as XapiStatement[]).map(({ id }) => id))
  }
}

interface Timer {
  run: () => void
  ms: number
  cancelled: boolean
  fired: boolean
}

/** The outbox's scheduler, run by hand. */
function fakeScheduler() {
  const timers: Timer[] = []
  return {
    timers,
    schedule: (run: () => void, ms: number) => {
      const timer: Timer = { run, ms, cancelled: false, fired: false }
      timers.push(timer)
      return () => void (timer.cancelled = true)
    },
    delays: () => timers.map((timer) => timer.ms),
    live: () => timers.filter((timer) => !timer.cancelled && !timer.fired),
    fire(): void {
      const [timer, ...others] = timers.filter((candidate) => !candidate.cancelled && !candidate.fired)
      expect(timer, 'one retry timer waiting').toBeDefined()
      expect(others).toHaveLength(0)
      timer!.fired = true
      timer!.run()
    },
  }
}

function memoryStorage() {
  const data = new Map<string, string>()
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data }
}

function setup(overrides: Partial<OutboxOptions> = {}) {
  const lrs = new FakeLrs()
  const scheduler = fakeScheduler()
  const storage = memoryStorage()
  const logs: string[] = []
  const options: OutboxOptions = {
    connection,
    state: address,
    storage,
    storageKey: KEY,
    fetchImpl: lrs.fetchImpl,
    schedule: scheduler.schedule,
    log: (message) => logs.push(message),
    ...overrides,
  }
  const open = (more: Partial<OutboxOptions> = {}) => createOutbox({ ...options, ...more })
  return { lrs, scheduler, storage, logs, options, open, outbox: open() }
}

function savedIn(storage: { getItem(key: string): string | null }): { statements: XapiStatement[]; state?: { document: unknown } } {
  return JSON.parse(storage.getItem(KEY) ?? 'null')
}

const idsIn = (storage: { getItem(key: string): string | null }) => savedIn(storage).statements.map(({ id }) => id)

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

describe('LRS outbox: statements', () => {
  it('persists statements before any request, then POSTs them as one batch and forgets them', async () => {
    const { lrs, storage, outbox } = setup()
    outbox.send([statement('s1'), statement('s2')])
    expect(lrs.requests).toHaveLength(0)
    expect(savedIn(storage)).toEqual({ statements: [statement('s1'), statement('s2')] })
    expect(outbox.pendingCount()).toBe(2)
    await outbox.flush()
    expect(lrs.requests).toEqual([
      { method: 'POST', url: STATEMENTS_URL, body: [statement('s1'), statement('s2')], bodyText: JSON.stringify([statement('s1'), statement('s2')]), keepalive: false },
    ])
    expect(savedIn(storage)).toEqual({ statements: [] })
    expect(outbox.pendingCount()).toBe(0)
    expect(outbox.health()).toBe('connected')
  })

  it('sends what one task queued in one batch, without an explicit flush', async () => {
    const { lrs, outbox } = setup()
    outbox.send([statement('s1')])
    outbox.send([statement('s2')])
    await nextTask()
    expect(lrs.statementBatches()).toEqual([['s1', 's2']])
  })

  it('sends in FIFO order, in batches, one request at a time', async () => {
    const { lrs, outbox } = setup({ batchSize: 2 })
    outbox.send(['s1', 's2', 's3', 's4', 's5'].map((id) => statement(id)))
    await outbox.flush()
    expect(lrs.statementBatches()).toEqual([['s1', 's2'], ['s3', 's4'], ['s5']])
    expect(lrs.maxInFlight).toBe(1)
    expect(lrs.stored).toEqual(['s1', 's2', 's3', 's4', 's5'])
  })

  it('keeps statements through a network failure, retries with back-off, and delivers once the LRS is back', async () => {
    const { lrs, scheduler, storage, outbox } = setup()
    const seen: string[] = []
    outbox.onHealthChange(() => seen.push(outbox.health()))
    lrs.usually = 'down'
    outbox.send([statement('s1'), statement('s2')])
    await outbox.flush()
    expect(outbox.health()).toBe('failing')
    expect(seen).toEqual(['failing'])
    expect(idsIn(storage)).toEqual(['s1', 's2'])
    expect(scheduler.delays()).toEqual([1000])
    scheduler.fire()
    await outbox.flush()
    expect(scheduler.delays()).toEqual([1000, 2000])
    lrs.usually = 'ok'
    scheduler.fire()
    await outbox.flush()
    expect(lrs.statementBatches()).toEqual([['s1', 's2'], ['s1', 's2'], ['s1', 's2']])
    expect(lrs.stored).toEqual(['s1', 's2'])
    expect(idsIn(storage)).toEqual([])
    expect(outbox.health()).toBe('connected')
    expect(seen).toEqual(['failing', 'connected'])
    expect(scheduler.live()).toHaveLength(0)
  })

  it('backs off exponentially on 500, up to 30 s', async () => {
    const { lrs, scheduler, outbox } = setup()
    lrs.usually = 500
    outbox.send([statement('s1')])
    await outbox.flush()
    for (let retry = 0; retry < 6; retry++) {
      scheduler.fire()
      await outbox.flush()
    }
    expect(scheduler.delays()).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
    expect(lrs.requests).toHaveLength(7)
    expect(outbox.pendingCount()).toBe(1)
    lrs.usually = 'ok'
    scheduler.fire()
    await outbox.flush()
    expect(outbox.pendingCount()).toBe(0)
    expect(outbox.health()).toBe('connected')
  })

  it.each([408, 429, 502, 503])('retries on %i rather than dropping', async (status) => {
    const { lrs, scheduler, logs, outbox } = setup()
    lrs.script.push(status)
    outbox.send([statement('s1')])
    await outbox.flush()
    expect(outbox.health()).toBe('failing')
    expect(outbox.pendingCount()).toBe(1)
    expect(scheduler.delays()).toEqual([1000])
    scheduler.fire()
    await outbox.flush()
    expect(lrs.stored).toEqual(['s1'])
    expect(logs).toEqual([])
  })

  it('tries again at once on a new send while a retry waits, and cancels the retry once delivered', async () => {
    const { lrs, scheduler, outbox } = setup()
    lrs.script.push('down')
    outbox.send([statement('s1')])
    await outbox.flush()
    expect(scheduler.live()).toHaveLength(1)
    outbox.send([statement('s2')])
    await outbox.flush()
    expect(lrs.statementBatches()).toEqual([['s1'], ['s1', 's2']])
    expect(scheduler.timers[0]?.cancelled).toBe(true)
    expect(outbox.health()).toBe('connected')
  })

  it('delivers each statement once by id: only an ambiguous failure causes a resend', async () => {
    const { lrs, scheduler, outbox } = setup({ batchSize: 2 })
    lrs.script.push('ok', 'lost', 'down')
    outbox.send(['s1', 's2', 's3', 's4', 's5'].map((id) => statement(id)))
    await outbox.flush()
    scheduler.fire()
    await outbox.flush()
    scheduler.fire()
    await outbox.flush()
    expect(lrs.statementBatches()).toEqual([['s1', 's2'], ['s3', 's4'], ['s3', 's4'], ['s3', 's4'], ['s5']])
    expect(lrs.stored).toEqual(['s1', 's2', 's3', 's4', 's5'])
    expect(lrs.duplicates).toBe(2)
    outbox.send([statement('s6')])
    await outbox.flush()
    expect(lrs.stored).toEqual(['s1', 's2', 's3', 's4', 's5', 's6'])
    expect(lrs.duplicates).toBe(2)
    expect(outbox.pendingCount()).toBe(0)
  })

  it('isolates a statement the LRS refuses in a batch, drops only it, and says so', async () => {
    const { lrs, scheduler, storage, logs, outbox } = setup()
    lrs.refused.set('s2', 400)
    outbox.send([statement('s1'), statement('s2'), statement('s3')])
    await outbox.flush()
    expect(lrs.statementBatches()).toEqual([['s1', 's2', 's3'], ['s1'], ['s2'], ['s3']])
    expect(lrs.stored).toEqual(['s1', 's3'])
    expect(logs).toEqual([`cafes: the LRS refused statement s2 (${ANSWERED}): HTTP 400 statement s2 is invalid`])
    expect(idsIn(storage)).toEqual([])
    expect(outbox.health()).toBe('connected')
    expect(scheduler.timers).toHaveLength(0)
  })

  it('drops a statement refused with 409, without retrying', async () => {
    const { lrs, scheduler, logs, outbox } = setup()
    lrs.refused.set('s1', 409)
    outbox.send([{ id: 's1', timestamp: '2025-01-01T00:00:00.000Z' }])
    await outbox.flush()
    expect(lrs.requests).toHaveLength(1)
    expect(logs).toEqual(['cafes: the LRS refused statement s1: HTTP 409 statement s1 is invalid'])
    expect(outbox.pendingCount()).toBe(0)
    expect(scheduler.timers).toHaveLength(0)
  })

  it('is failing only while something waits for a retry; a refusal does not make it fail', async () => {
    const { lrs, scheduler, outbox } = setup()
    const seen: string[] = []
    outbox.onHealthChange(() => seen.push(outbox.health()))
    lrs.script.push('down')
    outbox.send([statement('s1')])
    await outbox.flush()
    expect(seen).toEqual(['failing'])
    lrs.refused.set('s2', 400)
    lrs.refused.set('s3', 403)
    outbox.send([statement('s2')])
    await outbox.flush()
    expect(lrs.statementBatches()).toEqual([['s1'], ['s1', 's2'], ['s1'], ['s2']])
    expect(seen).toEqual(['failing', 'connected'])
    outbox.send([statement('s3')])
    await outbox.flush()
    expect(outbox.health()).toBe('connected')
    expect(seen).toEqual(['failing', 'connected'])
    expect(scheduler.live()).toHaveLength(0)
  })

  it('resends after a reload what the previous page left unacknowledged, before anything new', async () => {
    const { lrs, storage, open, outbox } = setup()
    lrs.usually = 'down'
    outbox.send([statement('s1'), statement('s2')])
    await outbox.flush()
    lrs.usually = 'ok'
    const reloaded = open()
    expect(reloaded.pendingCount()).toBe(2)
    reloaded.send([statement('s3')])
    await reloaded.flush()
    expect(lrs.statementBatches().slice(1)).toEqual([['s1', 's2', 's3']])
    expect(lrs.stored).toEqual(['s1', 's2', 's3'])
    expect(idsIn(storage)).toEqual([])
  })
})

describe('LRS outbox: state', () => {
  it('PUTs the latest document; one saved during a PUT follows it, and storage clears only on its own acknowledgement', async () => {
    const { lrs, storage, outbox } = setup()
    outbox.saveState({ page: 1 })
    expect(savedIn(storage)).toEqual({ statements: [], state: { document: { page: 1 } } })
    lrs.holding = true
    const round = outbox.flush()
    expect(lrs.requests).toHaveLength(1)
    outbox.saveState({ page: 2 })
    outbox.saveState({ page: 3 })
    lrs.release()
    await nextTask()
    // Page 1 acknowledged, page 3 in flight: page 3 stays in storage.
    expect(lrs.states).toEqual([{ page: 1 }])
    expect(lrs.requests).toHaveLength(2)
    expect(savedIn(storage).state).toEqual({ document: { page: 3 } })
    lrs.holding = false
    lrs.release()
    await round
    expect(lrs.requests.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'PUT', url: STATE_URL, body: { page: 1 } },
      { method: 'PUT', url: STATE_URL, body: { page: 3 } },
    ])
    expect(lrs.maxInFlight).toBe(1)
    expect(savedIn(storage)).toEqual({ statements: [] })
  })

  it('leaves registration out of the query when there is none', async () => {
    const { lrs, outbox } = setup({ state: { ...address, registration: undefined } })
    outbox.saveState('x')
    await outbox.flush()
    expect(lrs.requests[0]?.url).toBe(STATE_URL.replace('&registration=6a7b0c1d-0000-4000-8000-000000000001', ''))
  })

  it('drops a document the LRS refuses, and says so', async () => {
    const { lrs, scheduler, storage, logs, outbox } = setup()
    lrs.script.push(400)
    outbox.saveState({ page: 1 })
    await outbox.flush()
    expect(logs).toEqual(['cafes: the LRS refused the state document: HTTP 400 server says no'])
    expect(savedIn(storage).state).toBeUndefined()
    expect(outbox.health()).toBe('connected')
    expect(scheduler.timers).toHaveLength(0)
    await outbox.flush()
    expect(lrs.requests).toHaveLength(1)
  })

  it('retries a state PUT that failed, with back-off', async () => {
    const { lrs, scheduler, storage, outbox } = setup()
    lrs.script.push(503, 'down')
    outbox.saveState({ page: 1 })
    await outbox.flush()
    expect(outbox.health()).toBe('failing')
    scheduler.fire()
    await outbox.flush()
    outbox.saveState({ page: 2 })
    await outbox.flush()
    expect(scheduler.delays()).toEqual([1000, 2000])
    expect(lrs.states).toEqual([{ page: 2 }])
    expect(savedIn(storage).state).toBeUndefined()
    expect(outbox.health()).toBe('connected')
    expect(scheduler.live()).toHaveLength(0)
  })

  it('offers a previous page’s unacknowledged document as unsentState, and delivers it', async () => {
    const { lrs, open, outbox } = setup()
    expect(outbox.unsentState).toBeUndefined()
    lrs.usually = 'down'
    outbox.saveState({ page: 'quiz' })
    await outbox.flush()
    lrs.usually = 'ok'
    const reloaded = open()
    expect(reloaded.unsentState).toEqual({ page: 'quiz' })
    await reloaded.flush()
    expect(lrs.states).toEqual([{ page: 'quiz' }])
    expect(open().unsentState).toBeUndefined()
  })
})

describe('LRS outbox: leaving the page', () => {
  const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length
  /** About 12 kB of UTF-8 in about 6 000 characters, so counting characters would let more through. */
  const heavy = (id: string) => statement(id, { result: { response: 'é'.repeat(6_000) } })

  async function pendingWhileDown(batchSize?: number) {
    const context = setup(batchSize === undefined ? {} : { batchSize })
    context.lrs.usually = 'down'
    context.outbox.saveState({ notes: 'n'.repeat(10_000) })
    context.outbox.send(['s1', 's2', 's3', 's4', 's5'].map(heavy))
    await context.outbox.flush()
    context.lrs.requests.length = 0
    return context
  }

  it('sends the state then the statements with keepalive, at once, within 60 000 bytes, and removes nothing', async () => {
    const { lrs, storage, outbox } = await pendingWhileDown()
    const before = storage.getItem(KEY)
    outbox.flushOnExit()
    expect(lrs.requests.map(({ method, keepalive }) => [method, keepalive])).toEqual([
      ['PUT', true],
      ['POST', true],
    ])
    expect(lrs.requests[0]?.body).toEqual({ notes: 'n'.repeat(10_000) })
    expect(lrs.statementBatches()).toEqual([['s1', 's2', 's3', 's4']])
    const total = lrs.requests.reduce((sum, request) => sum + new TextEncoder().encode(request.bodyText ?? '').length, 0)
    expect(total).toBeLessThanOrEqual(60_000)
    expect(total).toBe(utf8({ notes: 'n'.repeat(10_000) }) + utf8(['s1', 's2', 's3', 's4'].map(heavy)))
    await nextTask()
    expect(storage.getItem(KEY)).toBe(before)
    expect(outbox.pendingCount()).toBe(5)
  })

  it('splits statements into several keepalive POSTs by batch size, still within the total', async () => {
    const { lrs, outbox } = await pendingWhileDown(2)
    outbox.flushOnExit()
    expect(lrs.requests.map(({ method }) => method)).toEqual(['PUT', 'POST', 'POST'])
    expect(lrs.statementBatches()).toEqual([
      ['s1', 's2'],
      ['s3', 's4'],
    ])
    const total = lrs.requests.reduce((sum, request) => sum + new TextEncoder().encode(request.bodyText ?? '').length, 0)
    expect(total).toBeLessThanOrEqual(60_000)
  })

  it('leaves a statement too big to fit for the next page, and what follows it', async () => {
    const { lrs, outbox } = setup()
    lrs.usually = 'down'
    outbox.send([statement('big', { result: { response: 'x'.repeat(60_000) } }), statement('small')])
    await outbox.flush()
    lrs.requests.length = 0
    outbox.flushOnExit()
    expect(lrs.requests).toHaveLength(0)
  })

  it('sends nothing when nothing is pending', () => {
    const { lrs, outbox } = setup()
    outbox.flushOnExit()
    expect(lrs.requests).toHaveLength(0)
  })
})

describe('LRS outbox: storage', () => {
  it.each(['{not json', '"text"', 'null', '[1,2]', '{"statements":"nope","state":3}'])('starts empty from corrupt content %s', async (content) => {
    const { storage, open, lrs } = setup()
    storage.data.set(KEY, content)
    const outbox = open()
    expect(outbox.pendingCount()).toBe(0)
    expect(outbox.unsentState).toBeUndefined()
    outbox.send([statement('s1')])
    await outbox.flush()
    expect(lrs.stored).toEqual(['s1'])
  })

  it('keeps only readable statements from partly corrupt content', () => {
    const { storage, open } = setup()
    storage.data.set(KEY, JSON.stringify({ statements: [7, { noId: true }, statement('s1')], state: { other: 1 } }))
    const outbox = open()
    expect(outbox.pendingCount()).toBe(1)
    expect(outbox.unsentState).toBeUndefined()
  })

  it.each([
    ['throws', { getItem: () => { throw new Error('SecurityError') }, setItem: () => { throw new Error('QuotaExceededError') } }],
    ['is refused', null],
  ])('works in memory when storage %s', async (_case, storage) => {
    const { lrs, scheduler, open } = setup()
    lrs.script.push('down')
    const outbox = open({ storage })
    outbox.send([statement('s1')])
    outbox.saveState({ page: 1 })
    await outbox.flush()
    expect(outbox.pendingCount()).toBe(1)
    scheduler.fire()
    await outbox.flush()
    expect(lrs.stored).toEqual(['s1'])
    expect(lrs.states).toEqual([{ page: 1 }])
    expect(outbox.health()).toBe('connected')
  })
})
