import { randomUUID } from 'node:crypto'
import { CMI5, type LaunchOptions, type LmsSim, type XapiAgent } from '../src/index.js'
import { lrsFetch } from './helpers.js'

type Verb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated'

const DEFAULT_RESULTS: Record<Verb, Record<string, unknown> | undefined> = {
  initialized: undefined,
  completed: { completion: true, duration: 'PT1M' },
  passed: { success: true, score: { scaled: 0.9 }, duration: 'PT2M' },
  failed: { success: false, score: { scaled: 0.1 }, duration: 'PT2M' },
  terminated: { duration: 'PT3M' },
}

/** A JSON statement a test may break at will. */
export type Json = Record<string, any>

/** A well-behaved AU, as the player should be: fetches its token, reads LaunchData, builds statements from the template. */
export class TestAu {
  private clock: number

  private constructor(
    private readonly sim: LmsSim,
    readonly url: URL,
    readonly auth: string,
    readonly actor: XapiAgent,
    readonly registration: string,
    readonly activityId: string,
    readonly launchData: Json,
  ) {
    this.clock = Date.now()
  }

  static async launch(sim: LmsSim, packageId: string, options: LaunchOptions = {}): Promise<TestAu> {
    const url = new URL(sim.launchUrl(packageId, options))
    const params = url.searchParams
    const fetched = (await (await fetch(params.get('fetch')!, { method: 'POST' })).json()) as Json
    const auth = `Basic ${String(fetched['auth-token'])}`
    const actor = JSON.parse(params.get('actor')!) as XapiAgent
    const registration = params.get('registration')!
    const activityId = params.get('activityId')!
    const query = new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId: 'LMS.LaunchData' })
    const launchData = (await (await lrsFetch(sim, `activities/state?${query}`, { auth })).json()) as Json
    return new TestAu(sim, url, auth, actor, registration, activityId, launchData)
  }

  /** A UTC timestamp later than the previous one. */
  timestamp(): string {
    this.clock += 10
    return new Date(this.clock).toISOString()
  }

  /** A cmi5 defined statement, correct for this session. */
  defined(verb: Verb): Json {
    const judged = verb === 'completed' || verb === 'passed' || verb === 'failed'
    const masteryScore = this.launchData['masteryScore'] as number | undefined
    const template = this.launchData['contextTemplate'] as Json
    const result = DEFAULT_RESULTS[verb]
    return {
      id: randomUUID(),
      timestamp: this.timestamp(),
      actor: this.actor,
      verb: { id: CMI5.verbs[verb], display: { 'en-US': verb } },
      object: { objectType: 'Activity', id: this.activityId },
      ...(result === undefined ? {} : { result: structuredClone(result) }),
      context: {
        registration: this.registration,
        contextActivities: {
          ...structuredClone(template['contextActivities']),
          category: [{ id: CMI5.categories.cmi5 }, ...(judged ? [{ id: CMI5.categories.moveon }] : [])],
        },
        extensions: {
          ...structuredClone(template['extensions']),
          ...((verb === 'passed' || verb === 'failed') && masteryScore !== undefined ? { [CMI5.extensions.masteryscore]: masteryScore } : {}),
        },
      },
    }
  }

  /** A cmi5 allowed statement (an answered question): template context, no cmi5 category. */
  allowed(verbId = 'http://adlnet.gov/expapi/verbs/answered'): Json {
    const template = this.launchData['contextTemplate'] as Json
    return {
      id: randomUUID(),
      timestamp: this.timestamp(),
      actor: this.actor,
      verb: { id: verbId, display: { 'en-US': verbId.slice(verbId.lastIndexOf('/') + 1) } },
      object: { objectType: 'Activity', id: `${this.activityId}/q1` },
      result: { response: 'a', success: true },
      context: { registration: this.registration, contextActivities: structuredClone(template['contextActivities']), extensions: structuredClone(template['extensions']) },
    }
  }

  /** POSTs statements; the status. */
  async send(...statements: Json[]): Promise<number> {
    const response = await lrsFetch(this.sim, 'statements', { method: 'POST', auth: this.auth, body: statements.length === 1 ? statements[0] : statements })
    return response.status
  }

  /** POSTs defined statements of these verbs, each expected to be accepted. */
  async run(...verbs: Verb[]): Promise<void> {
    for (const verb of verbs) {
      const status = await this.send(this.defined(verb))
      if (status !== 200) throw new Error(`${verb} answered ${status}: ${this.sim.lrs.requests.at(-1)?.reason ?? ''}`)
    }
  }
}
