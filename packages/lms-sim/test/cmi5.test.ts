import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CMI5, startLmsSim, type LaunchOptions, type LmsSim } from '../src/index.js'
import { AU_IRI, COURSE_IRI, importCmi5, lrsFetch, refusals } from './helpers.js'
import { TestAu, type Json } from './cmi5-au.js'

let sim: LmsSim
/** masteryScore 0.8, moveOn CompletedAndPassed, launchParameters. */
let strict: string
/** No masteryScore, moveOn NotApplicable. */
let plain: string
let learners = 0

beforeAll(async () => {
  sim = await startLmsSim()
  strict = await importCmi5(sim, { masteryScore: '0.8', moveOn: 'CompletedAndPassed', launchParameters: '{"level":2}' })
  plain = await importCmi5(sim)
})

afterAll(async () => {
  await sim?.close()
})

function newLearner(): string {
  return `learner-${++learners}`
}

function stateQuery(au: TestAu, stateId: string, registration: string | null = au.registration): string {
  const params = new URLSearchParams({ activityId: au.activityId, agent: JSON.stringify(au.actor), stateId })
  if (registration !== null) params.set('registration', registration)
  return `activities/state?${params}`
}

describe('cmi5 launch', () => {
  it('hands the AU URL with endpoint, fetch, actor, registration and an LMS activityId', () => {
    const learner = newLearner()
    const url = new URL(sim.launchUrl(strict, { learner, learnerName: 'Jo Doe' }))
    const session = sim.cmi5Session(strict, learner)!
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.origin}/content/${strict}/index.html`)
    expect(url.searchParams.get('endpoint')).toBe(sim.lrs.endpoint)
    expect(url.searchParams.get('fetch')).toBe(session.fetchUrl)
    expect(new URL(session.fetchUrl).origin).toBe(sim.lrsOrigin)
    expect(JSON.parse(url.searchParams.get('actor')!)).toEqual({ objectType: 'Agent', name: 'Jo Doe', account: { homePage: sim.origin, name: learner } })
    expect(url.searchParams.get('registration')).toBe(sim.registration(strict, learner))
    const activityId = url.searchParams.get('activityId')!
    expect(activityId).not.toBe(AU_IRI)
    expect(activityId).toMatch(/^http:\/\//)
    expect(session).toMatchObject({ status: 'open', activityId, publisherId: AU_IRI, launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.8 })
  })

  it('keeps registration and activityId across launches, changes both for a new registration', () => {
    const learner = newLearner()
    const first = new URL(sim.launchUrl(strict, { learner })).searchParams
    const second = new URL(sim.launchUrl(strict, { learner })).searchParams
    expect(second.get('registration')).toBe(first.get('registration'))
    expect(second.get('activityId')).toBe(first.get('activityId'))
    expect(second.get('fetch')).not.toBe(first.get('fetch'))
    const fresh = new URL(sim.launchUrl(strict, { learner, newRegistration: true })).searchParams
    expect(fresh.get('registration')).not.toBe(first.get('registration'))
    expect(fresh.get('activityId')).not.toBe(first.get('activityId'))
  })

  it('lets a test edit the parameters', () => {
    const url = new URL(sim.launchUrl(plain, { learner: newLearner(), editLaunch: (params) => params.delete('fetch') }))
    expect(url.searchParams.has('fetch')).toBe(false)
  })

  it('gives the auth token once through the fetch URL (POST only)', async () => {
    const learner = newLearner()
    sim.launchUrl(plain, { learner })
    const session = sim.cmi5Session(plain, learner)!
    const get = await fetch(session.fetchUrl)
    expect(get.status).toBe(405)
    expect(session.fetched).toBe(false)
    const first = await fetch(session.fetchUrl, { method: 'POST' })
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toBe('application/json')
    expect(await first.json()).toEqual({ 'auth-token': session.authToken })
    const second = await fetch(session.fetchUrl, { method: 'POST' })
    expect(second.status).toBe(200)
    expect(await second.json()).toMatchObject({ 'error-code': '1' })
    expect((await lrsFetch(sim, 'statements?limit=1', { auth: `Basic ${session.authToken}` })).status).toBe(200)
    expect((await lrsFetch(sim, 'statements?limit=1', { auth: session.authToken })).status).toBe(401)
  })

  it('writes LMS.LaunchData', async () => {
    const au = await TestAu.launch(sim, strict, { learner: newLearner(), mode: 'review' })
    const session = sim.cmi5Session(strict, au.actor.account!.name)!
    expect(au.launchData).toEqual({
      contextTemplate: {
        contextActivities: { grouping: [{ id: AU_IRI }] },
        extensions: { [CMI5.extensions.sessionid]: session.id },
      },
      launchMode: 'Review',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.8,
      launchParameters: '{"level":2}',
      returnURL: `${sim.origin}/lms/returned?session=${session.id}`,
    })
    expect(sim.lrs.stateDocument({ activityId: au.activityId, agent: au.actor, registration: au.registration, stateId: 'LMS.LaunchData' })).toEqual(au.launchData)
  })

  it('lets the launch override masteryScore, moveOn and returnURL', async () => {
    const overridden = await TestAu.launch(sim, strict, { learner: newLearner(), masteryScore: 0.6, moveOn: 'Passed', returnUrl: 'https://lms.example.com/back', mode: 'browse' })
    expect(overridden.launchData).toMatchObject({ masteryScore: 0.6, moveOn: 'Passed', returnURL: 'https://lms.example.com/back', launchMode: 'Browse' })
    const bare = await TestAu.launch(sim, plain, { learner: newLearner(), returnUrl: null })
    expect(Object.keys(bare.launchData).sort()).toEqual(['contextTemplate', 'launchMode', 'moveOn'])
    expect(bare.launchData['moveOn']).toBe('NotApplicable')
  })

  it('forbids the AU to modify or delete LMS.LaunchData, not its own state', async () => {
    const au = await TestAu.launch(sim, plain, { learner: newLearner() })
    for (const method of ['PUT', 'POST', 'DELETE']) {
      const response = await lrsFetch(sim, stateQuery(au, 'LMS.LaunchData'), { method, auth: au.auth, ...(method === 'DELETE' ? {} : { body: { launchMode: 'Browse' } }) })
      expect(response.status).toBe(403)
    }
    const deleteAll = new URLSearchParams({ activityId: au.activityId, agent: JSON.stringify(au.actor), registration: au.registration })
    expect((await lrsFetch(sim, `activities/state?${deleteAll}`, { method: 'DELETE', auth: au.auth })).status).toBe(403)
    expect(refusals(sim)).toMatch(/LMS.LaunchData is written by the LMS only/)
    expect((await lrsFetch(sim, stateQuery(au, 'bookmark'), { method: 'PUT', auth: au.auth, body: { location: 'p2' } })).status).toBe(204)
    expect(sim.lrs.stateDocument({ activityId: au.activityId, agent: au.actor, registration: au.registration, stateId: 'LMS.LaunchData' })).toEqual(au.launchData)
  })

  it('serves cmi5LearnerPreferences when the launch sets them, 404 otherwise', async () => {
    const without = await TestAu.launch(sim, plain, { learner: newLearner() })
    const query = (au: TestAu): string => `agents/profile?${new URLSearchParams({ agent: JSON.stringify(au.actor), profileId: 'cmi5LearnerPreferences' })}`
    expect((await lrsFetch(sim, query(without), { auth: without.auth })).status).toBe(404)
    const withPreferences = await TestAu.launch(sim, plain, { learner: newLearner(), languagePreference: 'fr-FR,en-US', audioPreference: 'off' })
    const response = await lrsFetch(sim, query(withPreferences), { auth: withPreferences.auth })
    expect(await response.json()).toEqual({ languagePreference: 'fr-FR,en-US', audioPreference: 'off' })
  })

  it('records launched, with the launch extensions', async () => {
    const au = await TestAu.launch(sim, strict, { learner: newLearner() })
    const launched = sim.lrs.statements().filter((statement) => statement.verb.id === CMI5.verbs.launched && statement.context?.registration === au.registration)
    expect(launched).toHaveLength(1)
    expect(launched[0]).toMatchObject({
      actor: au.actor,
      object: { id: au.activityId },
      context: {
        contextActivities: { grouping: [{ id: AU_IRI }], category: [{ id: CMI5.categories.cmi5 }] },
        extensions: {
          [CMI5.extensions.sessionid]: au.launchData['contextTemplate'].extensions[CMI5.extensions.sessionid],
          [CMI5.extensions.launchmode]: 'Normal',
          [CMI5.extensions.moveon]: 'CompletedAndPassed',
          [CMI5.extensions.masteryscore]: 0.8,
          [CMI5.extensions.launchparameters]: '{"level":2}',
        },
      },
    })
  })
})

describe('cmi5 sessions', () => {
  it('accepts a correct session, marks it terminated and the registration satisfied', async () => {
    const learner = newLearner()
    const au = await TestAu.launch(sim, strict, { learner })
    expect(await au.send(au.defined('initialized'))).toBe(200)
    expect(await au.send(au.allowed(), au.allowed('http://adlnet.gov/expapi/verbs/experienced'))).toBe(200)
    await au.run('completed')
    expect(sim.cmi5Session(strict, learner)!.satisfied).toBe(false)
    await au.run('passed', 'terminated')
    const session = sim.cmi5Session(strict, learner)!
    expect(session).toMatchObject({ status: 'terminated', satisfied: true, fetched: true })
    expect(session.verbs).toEqual(['initialized', 'answered', 'experienced', 'completed', 'passed', 'terminated'])
    const satisfied = sim.lrs.statements().filter((statement) => statement.verb.id === CMI5.verbs.satisfied && statement.context?.registration === au.registration)
    expect(satisfied).toHaveLength(1)
    expect(satisfied[0]!.object).toMatchObject({ id: COURSE_IRI, definition: { type: CMI5.courseType } })
    expect(refusals(sim)).not.toMatch(new RegExp(session.id))
  })

  it('counts NotApplicable as satisfied from the first launch', async () => {
    const learner = newLearner()
    sim.launchUrl(plain, { learner })
    expect(sim.cmi5Session(plain, learner)!.satisfied).toBe(true)
  })

  it('judges a batch in timestamp order, all or nothing', async () => {
    const au = await TestAu.launch(sim, plain, { learner: newLearner() })
    const initialized = au.defined('initialized')
    const answered = au.allowed()
    const terminated = au.defined('terminated')
    expect(await au.send(terminated, answered, initialized)).toBe(200)
    const other = await TestAu.launch(sim, plain, { learner: newLearner() })
    const fine = other.defined('initialized')
    const broken = { ...other.allowed(), timestamp: undefined }
    expect(await other.send(fine, broken)).toBe(403)
    expect(sim.lrs.statements().some((statement) => statement.id === fine['id'])).toBe(false)
  })

  it('abandons the open session on relaunch; the abandoned one accepts nothing new', async () => {
    const learner = newLearner()
    const first = await TestAu.launch(sim, plain, { learner })
    const initialized = first.defined('initialized')
    expect(await first.send(initialized)).toBe(200)
    const firstSession = sim.cmi5Session(plain, learner)!
    const second = await TestAu.launch(sim, plain, { learner })
    expect(firstSession.status).toBe('abandoned')
    expect(sim.cmi5Session(plain, learner)!.status).toBe('open')
    const abandoned = sim.lrs.statements().filter((statement) => statement.verb.id === CMI5.verbs.abandoned && statement.context?.registration === first.registration)
    expect(abandoned).toHaveLength(1)
    expect(abandoned[0]!.context?.extensions?.[CMI5.extensions.sessionid]).toBe(firstSession.id)
    expect(abandoned[0]!.result?.duration).toMatch(/^PT[\d.]+S$/)
    expect(await first.send(first.allowed())).toBe(403)
    expect(sim.lrs.requests.at(-1)?.reason).toMatch(/abandoned/)
    expect(await first.send(initialized)).toBe(200)
    expect(await second.send(initialized)).toBe(200)
    expect(sim.lrs.statements().filter((statement) => statement.id === initialized['id'])).toHaveLength(1)
    expect(sim.cmi5Sessions(plain, learner).map((session) => session.status)).toEqual(['abandoned', 'open'])
  })

  it('accepts an identical resend after terminated, in the session and the next one', async () => {
    const learner = newLearner()
    const au = await TestAu.launch(sim, plain, { learner })
    const initialized = au.defined('initialized')
    const terminated = au.defined('terminated')
    expect(await au.send(initialized, terminated)).toBe(200)
    expect(await au.send(terminated)).toBe(200)
    expect(await au.send(initialized, terminated)).toBe(200)
    expect(await au.send(au.allowed())).toBe(403)
    const next = await TestAu.launch(sim, plain, { learner })
    expect(await next.send(terminated)).toBe(200)
    expect(sim.lrs.statements().filter((statement) => statement.id === terminated['id'])).toHaveLength(1)
    expect(sim.cmi5Sessions(plain, learner).map((session) => session.status)).toEqual(['terminated', 'open'])
  })

  it('marks the session returned when the browser reaches the returnURL', async () => {
    const au = await TestAu.launch(sim, plain, { learner: newLearner() })
    const page = await fetch(au.launchData['returnURL'] as string)
    expect(page.status).toBe(200)
    expect(sim.cmi5Session(plain, au.actor.account!.name)!.returned).toBe(true)
  })
})

/** One cmi5 rule: a session that breaks it (403) and one that keeps it (200), each for a new learner. */
interface RuleCase {
  rule: string
  reason: RegExp
  packageName?: 'strict' | 'plain'
  options?: LaunchOptions
  goodOptions?: LaunchOptions
  /** Sets the session up and answers the status of the last POST. */
  bad(au: TestAu, relaunch: () => Promise<TestAu>): Promise<number>
  good?(au: TestAu, relaunch: () => Promise<TestAu>): Promise<number>
}

function edit(statement: Json, change: (statement: Json) => void): Json {
  change(statement)
  return statement
}

const otherActor = { objectType: 'Agent', account: { homePage: 'https://elsewhere.example.com', name: 'someone-else' } }

const RULES: RuleCase[] = [
  {
    rule: 'actor must be the launch actor',
    reason: /actor is not the launch actor/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.allowed(), (s) => (s['actor'] = otherActor)))),
    good: async (au) => (await au.run('initialized'), au.send(au.allowed())),
  },
  {
    rule: 'registration must be the launch registration',
    reason: /is not the launch registration/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.allowed(), (s) => (s['context'].registration = randomUUID())))),
    good: async (au) => (await au.run('initialized'), au.send(au.allowed())),
  },
  {
    rule: 'the sessionid extension is required',
    reason: /sessionid missing/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.allowed(), (s) => delete s['context'].extensions[CMI5.extensions.sessionid]))),
    good: async (au) => (await au.run('initialized'), au.send(au.allowed())),
  },
  {
    rule: 'the template grouping is required',
    reason: /grouping lacks the publisher id/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('completed'), (s) => delete s['context'].contextActivities.grouping))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('completed'))),
  },
  {
    rule: 'timestamp is required',
    reason: /timestamp missing/,
    bad: (au) => au.send(edit(au.defined('initialized'), (s) => delete s['timestamp'])),
    good: (au) => au.send(au.defined('initialized')),
  },
  {
    rule: 'timestamp must be UTC',
    reason: /is not UTC/,
    bad: (au) => au.send(edit(au.defined('initialized'), (s) => (s['timestamp'] = '2030-05-01T12:00:00.000+02:00'))),
    good: (au) => au.send(edit(au.defined('initialized'), (s) => (s['timestamp'] = '2030-05-01T10:00:00.000+00:00'))),
  },
  {
    rule: 'the first statement is initialized',
    reason: /first statement of a session must be initialized/,
    bad: (au) => au.send(au.allowed()),
    good: (au) => au.send(au.defined('initialized'), au.allowed()),
  },
  {
    rule: 'nothing after terminated',
    reason: /nothing is accepted after terminated/,
    bad: async (au) => (await au.run('initialized', 'terminated'), au.send(au.allowed())),
    good: async (au) => (await au.run('initialized'), au.send(au.allowed(), au.defined('terminated'))),
  },
  {
    rule: 'no defined verb twice in a session',
    reason: /initialized was already sent in this session/,
    bad: async (au) => (await au.run('initialized'), au.send(au.defined('initialized'))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('completed'))),
  },
  {
    rule: 'completed once per registration',
    reason: /completed was already recorded in this registration/,
    bad: async (au, relaunch) => {
      await au.run('initialized', 'completed', 'terminated')
      const next = await relaunch()
      await next.run('initialized')
      return next.send(next.defined('completed'))
    },
    good: async (au, relaunch) => {
      await au.run('initialized', 'terminated')
      const next = await relaunch()
      await next.run('initialized')
      return next.send(next.defined('completed'))
    },
  },
  {
    rule: 'passed once per registration',
    reason: /passed was already recorded in this registration/,
    packageName: 'strict',
    bad: async (au, relaunch) => {
      await au.run('initialized', 'passed', 'terminated')
      const next = await relaunch()
      await next.run('initialized')
      return next.send(next.defined('passed'))
    },
    good: async (au, relaunch) => {
      await au.run('initialized', 'failed', 'terminated')
      const next = await relaunch()
      await next.run('initialized')
      return next.send(next.defined('passed'))
    },
  },
  {
    rule: 'no failed after passed in the registration',
    reason: /failed after passed in this registration/,
    packageName: 'strict',
    bad: async (au, relaunch) => {
      await au.run('initialized', 'passed', 'terminated')
      const next = await relaunch()
      await next.run('initialized')
      return next.send(next.defined('failed'))
    },
    good: async (au, relaunch) => {
      await au.run('initialized', 'failed', 'terminated')
      const next = await relaunch()
      await next.run('initialized')
      return next.send(next.defined('failed'))
    },
  },
  {
    rule: 'not passed and failed in one session',
    reason: /passed and failed in one session/,
    packageName: 'strict',
    bad: async (au) => (await au.run('initialized', 'failed'), au.send(au.defined('passed'))),
    good: async (au) => (await au.run('initialized', 'failed'), au.send(au.defined('terminated'))),
  },
  {
    rule: 'passed needs score.scaled ≥ masteryScore',
    reason: /below masteryScore 0.8/,
    packageName: 'strict',
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('passed'), (s) => (s['result'].score.scaled = 0.79)))),
    good: async (au) => (await au.run('initialized'), au.send(edit(au.defined('passed'), (s) => (s['result'].score.scaled = 0.8)))),
  },
  {
    rule: 'failed needs score.scaled < masteryScore',
    reason: /at or above masteryScore 0.8/,
    packageName: 'strict',
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('failed'), (s) => (s['result'].score.scaled = 0.8)))),
    good: async (au) => (await au.run('initialized'), au.send(edit(au.defined('failed'), (s) => (s['result'].score.scaled = 0.79)))),
  },
  {
    rule: 'result.duration on completed, passed, failed, terminated',
    reason: /result.duration is required on completed/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('completed'), (s) => delete s['result'].duration))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('completed'))),
  },
  {
    rule: 'no score on completed',
    reason: /result.score is not allowed on completed/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('completed'), (s) => (s['result'].score = { scaled: 1 })))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('completed'))),
  },
  {
    rule: 'no success on terminated',
    reason: /result.success is not allowed on terminated/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('terminated'), (s) => (s['result'].success = true)))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('terminated'))),
  },
  {
    rule: 'no result on initialized',
    reason: /result.duration is not allowed on initialized/,
    bad: (au) => au.send(edit(au.defined('initialized'), (s) => (s['result'] = { duration: 'PT0S' }))),
    good: (au) => au.send(au.defined('initialized')),
  },
  {
    rule: 'the cmi5 category on defined statements',
    reason: /the cmi5 category is missing/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('completed'), (s) => (s['context'].contextActivities.category = [{ id: CMI5.categories.moveon }])))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('completed'))),
  },
  {
    rule: 'no cmi5 category on allowed statements',
    reason: /the cmi5 category is only for cmi5 defined statements/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.allowed(), (s) => (s['context'].contextActivities.category = [{ id: CMI5.categories.cmi5 }])))),
    good: async (au) => (await au.run('initialized'), au.send(au.allowed())),
  },
  {
    rule: 'the moveon category only on completed, passed, failed',
    reason: /the moveon category is not allowed on terminated/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('terminated'), (s) => s['context'].contextActivities.category.push({ id: CMI5.categories.moveon })))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('terminated'))),
  },
  {
    rule: 'the moveon category on completed',
    reason: /the moveon category is missing on completed/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('completed'), (s) => (s['context'].contextActivities.category = [{ id: CMI5.categories.cmi5 }])))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('completed'))),
  },
  {
    rule: 'the masteryscore extension on passed/failed when LaunchData has one',
    reason: /masteryscore missing/,
    packageName: 'strict',
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('passed'), (s) => delete s['context'].extensions[CMI5.extensions.masteryscore]))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('passed'))),
  },
  {
    rule: 'defined statements are about the launch activityId',
    reason: /is not the launch activityId/,
    bad: async (au) => (await au.run('initialized'), au.send(edit(au.defined('completed'), (s) => (s['object'].id = AU_IRI)))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('completed'))),
  },
  {
    rule: 'Browse: no allowed statements',
    reason: /launchMode Browse: only initialized and terminated/,
    options: { mode: 'browse' },
    bad: async (au) => (await au.run('initialized'), au.send(au.allowed())),
    good: async (au) => (await au.run('initialized'), au.send(au.allowed())),
  },
  {
    rule: 'Review: no completed',
    reason: /launchMode Review: only initialized and terminated/,
    options: { mode: 'review' },
    goodOptions: { mode: 'review' },
    bad: async (au) => (await au.run('initialized'), au.send(au.defined('completed'))),
    good: async (au) => (await au.run('initialized'), au.send(au.defined('terminated'))),
  },
  {
    rule: 'no voiding',
    reason: /an AU may not void statements/,
    bad: async (au) => {
      const initialized = au.defined('initialized')
      await au.send(initialized)
      return au.send(edit(au.allowed('http://adlnet.gov/expapi/verbs/voided'), (s) => (s['object'] = { objectType: 'StatementRef', id: initialized['id'] })))
    },
  },
  {
    rule: 'no LMS-only verbs',
    reason: /is issued by the LMS only/,
    bad: async (au) => (await au.run('initialized'), au.send(au.allowed(CMI5.verbs.waived))),
  },
]

describe('cmi5 rules (403 with a reason)', () => {
  it.each(RULES)('$rule', async (rule) => {
    const packageId = rule.packageName === 'strict' ? strict : plain
    const run = async (scenario: NonNullable<RuleCase['good']>, options: LaunchOptions = {}): Promise<number> => {
      const learner = newLearner()
      const relaunch = (): Promise<TestAu> => TestAu.launch(sim, packageId, { ...options, learner })
      return scenario(await relaunch(), relaunch)
    }
    expect(await run(rule.bad, rule.options)).toBe(403)
    const refusal = sim.lrs.requests.at(-1)!
    expect(refusal.reason).toMatch(rule.reason)
    if (rule.good) {
      const status = await run(rule.good, rule.goodOptions)
      expect(status, refusals(sim)).toBe(200)
    }
  })
})
