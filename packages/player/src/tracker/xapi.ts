import type { Course } from '@cafes/core'
import type { LearnerReport } from '../engine/report.js'
import { fetchAuthToken, lrsRequest, type LrsConnection } from './lrs-client.js'
import { createOutbox, type Outbox, type StateAddress } from './lrs-outbox.js'
import { browserStorage } from './none.js'
import type { AnswerRecord, LaunchData, PathRecord, Tracker, TrackerHealth } from './tracker.js'
import { agentKey, newUuid, type Cmi5LaunchParameters, type TinCanLaunch } from './xapi-launch.js'
import {
  answerStatement,
  pageStatement,
  pathStatement,
  resultStatements,
  sessionStatement,
  type Agent,
  type Cmi5Launch,
  type Statement,
  type StatementSession,
  type Verb,
} from './xapi-statements.js'

/** The player's own state document (never cmi5's `LMS.LaunchData`): `{ location, suspendData }`. */
export const STATE_ID = 'cafes-state'

/** Retries of each start-up read before the player gives up on the LRS (cmi5 cannot start without them). */
const START_TRIES = 3

interface SavedState {
  location: string
  suspendData: string
}

/**
 * The xAPI and cmi5 tracker: the engine's decisions as statements, the bookmark and state in
 * the State API, everything through an outbox that keeps it until the LRS has it.
 */
export class XapiTracker implements Tracker {
  private launched: LaunchData | null = null
  private startedAt = 0
  private lastLocation = ''
  private finished = false
  private hidden = false

  constructor(
    private readonly session: StatementSession,
    private readonly outbox: Outbox,
    private readonly saved: SavedState | null,
    private readonly returnUrl: ((url: string) => void) | null = null,
    private readonly languagePreference?: string,
  ) {}

  start(): LaunchData {
    if (this.launched) return this.launched
    const { actor, cmi5 } = this.session
    this.startedAt = this.session.now().getTime()
    const location = this.saved?.location ?? ''
    this.lastLocation = location
    this.launched = {
      mode: cmi5?.launchMode === 'Browse' ? 'browse' : cmi5?.launchMode === 'Review' ? 'review' : 'normal',
      credit: true,
      suspendData: this.saved?.suspendData ?? '',
      location,
      learnerId: agentKey(actor),
      ...(typeof actor['name'] === 'string' ? { learnerName: actor['name'] } : {}),
      ...(cmi5?.masteryScore !== undefined ? { masteryScore: cmi5.masteryScore } : {}),
      ...(this.languagePreference ? { languagePreference: this.languagePreference } : {}),
    }
    this.send(sessionStatement(this.session, 'initialized'))
    if (this.launched.suspendData !== '') this.sendAllowed('resumed')
    return this.launched
  }

  saveProgress(location: string, suspendData: string): void {
    if (this.finished) return
    this.outbox.saveState({ location, suspendData } satisfies SavedState)
    if (location === this.lastLocation) return
    this.lastLocation = location
    const page = (this.session.course as Course).pages.find((candidate) => candidate.id === location)
    if (page && this.normal()) this.send(pageStatement(this.session, page))
  }

  recordAnswer(answer: AnswerRecord): void {
    if (this.normal()) this.send(answerStatement(this.session, answer))
  }

  recordPath(path: PathRecord): void {
    if (this.normal()) this.send(pathStatement(this.session, path))
  }

  reportResult(report: LearnerReport): void {
    // Progress is told by `experienced`; only the final report is a result.
    if (!report.final || !this.normal() || this.finished) return
    for (const statement of resultStatements(this.session, report, this.elapsed())) this.send(statement)
  }

  commit(): boolean {
    void this.outbox.flush()
    return this.outbox.health() === 'connected'
  }

  finish(exit: 'suspend' | 'normal', sessionTimeMs: number): void {
    if (this.finished || this.launched === null) return
    if (exit === 'suspend') this.sendAllowed('suspended', sessionTimeMs)
    this.send(sessionStatement(this.session, 'terminated', sessionTimeMs))
    this.finished = true
    // On `pagehide`, `pageHidden` sends with keepalive; on the learner's own exit, deliver and go back to the LMS.
    setTimeout(() => void this.leave(), 0)
  }

  health(): TrackerHealth {
    return this.outbox.health()
  }

  onHealthChange(listener: () => void): void {
    this.outbox.onHealthChange(listener)
  }

  /** The page is going away: what is pending leaves with keepalive (and stays stored until acknowledged). */
  pageHidden(): void {
    this.hidden = true
    this.outbox.flushOnExit()
  }

  /** cmi5 §8.3: once `terminated` is delivered, the window goes to `returnURL`. */
  private async leave(): Promise<void> {
    if (this.hidden) return
    await this.outbox.flush()
    const url = this.session.cmi5?.returnURL
    if (this.hidden || url === undefined || this.returnUrl === null) return
    if (this.outbox.pendingCount() === 0) this.returnUrl(url)
    else setTimeout(() => void this.leave(), 2000)
  }

  /** Browse and Review launches send `initialized` and `terminated` only (cmi5 §10.2.2). */
  private normal(): boolean {
    return this.launched?.mode === 'normal'
  }

  /** Statements cmi5 does not define, sent only in Normal mode. */
  private sendAllowed(verb: Verb, durationMs?: number): void {
    if (this.normal()) this.send(sessionStatement(this.session, verb, durationMs))
  }

  private send(statement: Statement): void {
    this.outbox.send([statement])
  }

  private elapsed(): number {
    return Math.max(0, this.session.now().getTime() - this.startedAt)
  }
}

export interface ConnectOptions {
  win: Window
  course: Course
  fetchImpl?: typeof fetch
}

/** A Tin Can launch: reads the bookmark from the State API, then tracks. */
export async function connectTinCan({ win, course, fetchImpl }: ConnectOptions, launch: TinCanLaunch): Promise<XapiTracker> {
  const connection: LrsConnection = { endpoint: launch.endpoint, auth: launch.auth }
  const activityId = launch.activityId ?? course.iri
  const session = statementSession(course, launch.actor, activityId, launch.registration)
  if (launch.grouping) session.grouping = launch.grouping
  const address: StateAddress = stateAddress(activityId, launch.actor, launch.registration)
  const outbox = openOutbox(win, connection, address, fetchImpl)
  const saved = await readSavedState(connection, address, outbox, fetchImpl)
  return new XapiTracker(session, outbox, saved)
}

/** A cmi5 launch, in the spec's order: token, `LMS.LaunchData`, learner preferences, then the bookmark. */
export async function connectCmi5(
  { win, course, fetchImpl }: ConnectOptions,
  launch: Cmi5LaunchParameters,
): Promise<{ tracker: XapiTracker } | { error: string }> {
  const token = await sessionToken(win, launch.fetch, fetchImpl)
  if ('error' in token) return token
  const connection: LrsConnection = { endpoint: launch.endpoint, auth: `Basic ${token.token}` }
  const agent = JSON.stringify(launch.actor)
  const launchData = await readWithRetries(connection, 'activities/state', {
    activityId: launch.activityId, agent, registration: launch.registration, stateId: 'LMS.LaunchData',
  }, fetchImpl)
  if (launchData.status !== 200 || launchData.body === null || typeof launchData.body !== 'object') {
    return { error: `cmi5: LMS.LaunchData could not be read (HTTP ${launchData.status})` }
  }
  const cmi5 = cmi5Launch(launchData.body as Record<string, unknown>)
  const preferences = await readWithRetries(connection, 'agents/profile', { agent, profileId: 'cmi5LearnerPreferences' }, fetchImpl)
  const language = (preferences.body as { languagePreference?: unknown } | null)?.languagePreference
  const session = statementSession(course, launch.actor, launch.activityId, launch.registration)
  session.cmi5 = cmi5
  const address = stateAddress(launch.activityId, launch.actor, launch.registration)
  const outbox = openOutbox(win, connection, address, fetchImpl)
  const saved = await readSavedState(connection, address, outbox, fetchImpl)
  const preference = preferences.status === 200 && typeof language === 'string' ? language : undefined
  return { tracker: new XapiTracker(session, outbox, saved, (url) => win.location.assign(url), preference) }
}

function statementSession(course: Course, actor: Agent, activityId: string, registration?: string): StatementSession {
  const session: StatementSession = { course, actor, activityId, newId: () => newUuid(), now: () => new Date() }
  if (registration) session.registration = registration
  return session
}

function stateAddress(activityId: string, agent: Agent, registration?: string): StateAddress {
  return { activityId, agent, stateId: STATE_ID, ...(registration ? { registration } : {}) }
}

/** One outbox per activity, registration and learner, so shared computers never mix learners. */
function openOutbox(win: Window, connection: LrsConnection, state: StateAddress, fetchImpl?: typeof fetch): Outbox {
  const storageKey = `cafes:lrs:${state.activityId}|${state.registration ?? ''}|${agentKey(state.agent as Agent)}`
  return createOutbox({ connection, state, storage: browserStorage(win), storageKey, ...(fetchImpl ? { fetchImpl } : {}) })
}

/** The bookmark: what this browser saved and the LRS never acknowledged first, else the LRS's copy. */
async function readSavedState(connection: LrsConnection, address: StateAddress, outbox: Outbox, fetchImpl?: typeof fetch): Promise<SavedState | null> {
  const local = savedState(outbox.unsentState)
  if (local) return local
  const query: Record<string, string> = { activityId: address.activityId, agent: JSON.stringify(address.agent), stateId: address.stateId }
  if (address.registration) query['registration'] = address.registration
  const response = await readWithRetries(connection, 'activities/state', query, fetchImpl)
  return response.status === 200 ? savedState(response.body) : null
}

function savedState(value: unknown): SavedState | null {
  if (value === null || typeof value !== 'object') return null
  const { location, suspendData } = value as Record<string, unknown>
  return typeof location === 'string' && typeof suspendData === 'string' ? { location, suspendData } : null
}

/** A start-up GET, retried on network errors and 5xx; a 404 is an answer. */
async function readWithRetries(connection: LrsConnection, resource: string, query: Record<string, string>, fetchImpl?: typeof fetch) {
  let response = await lrsRequest(connection, 'GET', resource, { query, ...(fetchImpl ? { fetchImpl } : {}) })
  for (let tries = 1; tries < START_TRIES && (response.status === 0 || response.status >= 500); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 1000 * tries))
    response = await lrsRequest(connection, 'GET', resource, { query, ...(fetchImpl ? { fetchImpl } : {}) })
  }
  return response
}

/**
 * The session's auth token: fetched once (cmi5 §8.2 makes the URL single-use), kept in
 * `sessionStorage` so a reload within the session still has it.
 */
async function sessionToken(win: Window, fetchUrl: string, fetchImpl?: typeof fetch): Promise<{ token: string } | { error: string }> {
  const key = `cafes:cmi5-token:${fetchUrl}`
  let storage: Storage | null = null
  try {
    storage = win.sessionStorage
    const kept = storage.getItem(key)
    if (kept) return { token: kept }
  } catch {
    // No session storage: the token lives in memory only.
  }
  const token = await fetchAuthToken(fetchUrl, fetchImpl)
  if ('token' in token) {
    try {
      storage?.setItem(key, token.token)
    } catch {
      // Kept in memory: a reload will need a new launch.
    }
  }
  return token
}

/** The parts of `LMS.LaunchData` the player uses (cmi5 §10.2). */
function cmi5Launch(data: Record<string, unknown>): Cmi5Launch {
  const launch: Cmi5Launch = {
    contextTemplate: (data['contextTemplate'] ?? {}) as Cmi5Launch['contextTemplate'],
    launchMode: data['launchMode'] === 'Browse' || data['launchMode'] === 'Review' ? data['launchMode'] : 'Normal',
  }
  if (typeof data['masteryScore'] === 'number') launch.masteryScore = data['masteryScore']
  if (typeof data['returnURL'] === 'string' && data['returnURL'] !== '') launch.returnURL = data['returnURL']
  return launch
}
