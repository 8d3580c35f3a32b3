import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { dirname, extname, join } from 'node:path'
import { Cmi5Lms, type Cmi5Session } from './cmi5-lms.js'
import { apiMethods, lmsFrame, type FrameLaunch } from './lms-frame.js'
import { importPackage, type ImportedPackage } from './import-package.js'
import { startLrs, type SimLrs } from './lrs.js'
import { tincanLaunchUrl, type Learner } from './tincan-launch.js'
import { readZip } from './unzip.js'
import type { ApiCall, CmiTree, LaunchOptions, SimAttempt, SimSession } from './types.js'

export interface LmsSim {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** The LRS's own origin (another port), which content reaches cross-origin. */
  lrsOrigin: string
  /** The xAPI 1.0.3 LRS (endpoint `${lrsOrigin}/xapi/`): stored statements, requests, documents, faults. */
  lrs: SimLrs
  /** Imports a zip as an LMS administrator would; throws with the LMS's reason when it refuses it. */
  importPackage(zipPath: string): Promise<ImportedPackage>
  /** Serves a package's files as a plain web server would (the `web` target); returns the URL of `index.html`. */
  servePackage(zipPath: string): Promise<string>
  /**
   * SCORM: URL of an LMS page that launches the package for a learner (a new session each
   * time). xAPI: the content URL with the Tin Can launch parameters. cmi5: the AU URL with the
   * cmi5 launch parameters, for a new session (an open one of the learner is abandoned).
   */
  launchUrl(packageId: string, options?: LaunchOptions): string
  /** xAPI, cmi5: the learner's current registration (enrolment) on a package, once launched. */
  registration(packageId: string, learner?: string): string | undefined
  /** cmi5: the most recent session of a learner on a package. */
  cmi5Session(packageId: string, learner?: string): Cmi5Session | undefined
  /** cmi5: every session, oldest first, optionally of one package and learner. */
  cmi5Sessions(packageId?: string, learner?: string): Cmi5Session[]
  attempt(packageId: string, learner?: string): SimAttempt | undefined
  /** The most recent session of a learner on a package. */
  lastSession(packageId: string, learner?: string): SimSession | undefined
  close(): Promise<void>
}

const DEFAULT_LEARNER = 'learner-1'
const DEFAULT_LEARNER_NAME = 'Martin, Camille'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
}

const scormAgainDir = dirname(createRequire(import.meta.url).resolve('scorm-again/scorm12'))

/**
 * The one simulated LMS: scorm-again provides the SCORM 1.2 and 2004 APIs in the page that
 * frames the content, and this server keeps what an LMS keeps: imported packages, and per
 * learner the CMI persisted at each Commit/Finish, every API call, every session. For xAPI
 * and cmi5 packages it launches the content directly and is also the LRS, on a second
 * listener (another origin, as a real LRS is).
 */
export async function startLmsSim(): Promise<LmsSim> {
  const packages = new Map<string, ImportedPackage>()
  const attempts = new Map<string, SimAttempt>()
  const sessions = new Map<string, { session: SimSession; attempt: SimAttempt; launchCmi: CmiTree }>()
  const pendingLaunches = new Map<string, { packageId: string; options: LaunchOptions }>()
  /** xAPI and cmi5 enrolments: package|learner → registration. */
  const enrolments = new Map<string, string>()

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' })
      response.end(String(error))
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (request.method === 'POST') {
      const body = JSON.parse(await readBody(request)) as unknown
      const entry = sessions.get(url.searchParams.get('session') ?? '')
      if (!entry) return send(response, 404, 'unknown session')
      if (url.pathname !== '/lms/call') return send(response, 404, 'not found')
      entry.session.calls.push(body as ApiCall)
      // keepalive requests may arrive out of order.
      entry.session.calls.sort((a, b) => a.seq - b.seq)
      entry.attempt.cmi = persisted(entry.launchCmi, entry.session) ?? entry.attempt.cmi
      return send(response, 204, '')
    }
    if (url.pathname === '/lms/launch') return launchPage(url, response)
    if (url.pathname === '/lms/returned') {
      const known = cmi5.markReturned(url.searchParams.get('session') ?? '')
      return send(response, known ? 200 : 404, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cafes LMS simulator</title></head>
<body><main><h1>${known ? 'You have left the module' : 'Unknown session'}</h1></main></body></html>`, CONTENT_TYPES['.html'])
    }
    if (url.pathname.startsWith('/lms/scorm-again/')) {
      const file = url.pathname.slice('/lms/scorm-again/'.length)
      if (!/^scorm(12|2004)\.min\.js$/.test(file)) return send(response, 404, 'not found')
      return send(response, 200, readFileSync(join(scormAgainDir, file)), CONTENT_TYPES['.js'])
    }
    const content = /^\/content\/([^/]+)\/(.+)$/.exec(url.pathname)
    if (content) {
      const imported = packages.get(content[1]!)
      const path = decodeURIComponent(content[2]!)
      const data = imported?.files.get(path)
      if (!data) return send(response, 404, 'not found')
      return send(response, 200, data, CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream')
    }
    send(response, 404, 'not found')
  }

  function launchPage(url: URL, response: ServerResponse): void {
    const launch = pendingLaunches.get(url.searchParams.get('launch') ?? '')
    if (!launch) return send(response, 404, 'unknown launch')
    const imported = packages.get(launch.packageId)!
    const edition = imported.edition
    if (edition !== 'scorm12' && edition !== 'scorm2004') return send(response, 404, 'not a SCORM package')
    const learner = launch.options.learner ?? DEFAULT_LEARNER
    const key = `${launch.packageId}|${learner}`
    let attempt = attempts.get(key)
    if (!attempt) {
      attempt = { packageId: launch.packageId, learner, cmi: null, sessions: [] }
      attempts.set(key, attempt)
    }
    const session: SimSession = {
      id: randomUUID(),
      packageId: launch.packageId,
      learner,
      edition,
      options: launch.options,
      calls: [],
    }
    attempt.sessions.push(session)
    const cmi = launchCmi(imported, attempt, launch.options)
    sessions.set(session.id, { session, attempt, launchCmi: cmi })
    const frameLaunch: FrameLaunch = {
      session: session.id,
      edition,
      cmi,
      faults: launch.options.faults ?? {},
      viaOpener: launch.options.viaOpener ?? false,
      contentUrl: `/content/${launch.packageId}/${imported.launchHref}`,
    }
    // Loaders such as tsx wrap named functions in a `__name` helper the browser lacks: define it.
    const script = `var __name = function (target) { return target };(${lmsFrame.toString()})(${safeJson(frameLaunch)}, ${safeJson(apiMethods(edition))})`
    const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cafes LMS simulator</title>
<style>html,body{margin:0;height:100%}</style>
<script src="/lms/scorm-again/${edition}.min.js"></script>
</head><body>
<script>${script}</script>
</body></html>`
    send(response, 200, page, CONTENT_TYPES['.html'])
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const lrs = await startLrs(origin)
  const cmi5 = new Cmi5Lms(lrs, origin)

  function enrolment(packageId: string, learner: string, fresh: boolean): string {
    const key = `${packageId}|${learner}`
    let registration = enrolments.get(key)
    if (registration === undefined || fresh) enrolments.set(key, (registration = randomUUID()))
    return registration
  }

  return {
    origin,
    lrsOrigin: lrs.origin,
    lrs,
    async importPackage(zipPath) {
      const imported = await importPackage(zipPath)
      packages.set(imported.id, imported)
      return imported
    },
    async servePackage(zipPath) {
      const entries = await readZip(zipPath)
      const id = randomUUID().slice(0, 8)
      packages.set(id, { id, edition: 'scorm12', launchHref: 'index.html', manifest: '', files: new Map(entries.map((entry) => [entry.name, entry.data])) })
      return `${origin}/content/${id}/index.html`
    },
    launchUrl(packageId, options = {}) {
      const imported = packages.get(packageId)
      if (!imported) throw new Error(`no package ${packageId} imported`)
      if (imported.edition === 'xapi' || imported.edition === 'cmi5') {
        const learnerId = options.learner ?? DEFAULT_LEARNER
        const learner: Learner = { id: learnerId, name: options.learnerName ?? DEFAULT_LEARNER_NAME, homePage: origin }
        const registration = enrolment(packageId, learnerId, options.newRegistration ?? false)
        return imported.edition === 'xapi'
          ? tincanLaunchUrl(lrs, imported, learner, registration, options)
          : cmi5.launch(imported, learner, registration, options)
      }
      const id = randomUUID()
      pendingLaunches.set(id, { packageId, options })
      return `${origin}/lms/launch?launch=${id}`
    },
    attempt: (packageId, learner = DEFAULT_LEARNER) => attempts.get(`${packageId}|${learner}`),
    lastSession: (packageId, learner = DEFAULT_LEARNER) => attempts.get(`${packageId}|${learner}`)?.sessions.at(-1),
    registration: (packageId, learner = DEFAULT_LEARNER) => enrolments.get(`${packageId}|${learner}`),
    cmi5Session: (packageId, learner = DEFAULT_LEARNER) => cmi5.sessions(packageId, learner).at(-1),
    cmi5Sessions: (packageId, learner) => cmi5.sessions(packageId, learner),
    close: async () => {
      await lrs.close()
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
    },
  }
}

/**
 * What the LMS hands the API at launch: the learner, the mode, and what the last session
 * left: resumed (`entry=resume`) only after `exit=suspend`, as RTE 1.2 and 2004 say; a 2004
 * attempt that ended normally starts afresh.
 */
function launchCmi(imported: ImportedPackage, attempt: SimAttempt, options: LaunchOptions): CmiTree {
  const learnerName = options.learnerName ?? DEFAULT_LEARNER_NAME
  const mode = options.mode ?? 'normal'
  const credit = options.credit ?? 'credit'
  const previous = attempt.cmi ? (structuredClone(attempt.cmi) as Record<string, any>) : null
  if (imported.edition === 'scorm12') {
    const cmi: Record<string, any> = {
      suspend_data: previous?.suspend_data ?? '',
      launch_data: '',
      core: {
        student_id: attempt.learner,
        student_name: learnerName,
        lesson_location: previous?.core?.lesson_location ?? '',
        credit,
        lesson_status: previous?.core?.lesson_status ?? 'not attempted',
        entry: previous ? (previous.core?.exit === 'suspend' ? 'resume' : '') : 'ab-initio',
        lesson_mode: mode,
        total_time: '0000:00:00',
      },
      student_data: { mastery_score: imported.masteryScore ?? '' },
    }
    return cmi
  }
  const resumed = previous !== null && previous.exit === 'suspend'
  const kept = resumed ? previous : null
  return {
    learner_id: attempt.learner,
    learner_name: learnerName,
    location: kept?.location ?? '',
    suspend_data: kept?.suspend_data ?? '',
    completion_status: kept?.completion_status ?? 'unknown',
    success_status: kept?.success_status ?? 'unknown',
    entry: resumed ? 'resume' : 'ab-initio',
    // A resumed 2004 attempt keeps its interactions (RTE 4th); 1.2 LMSs often start each
    // session with an empty journal, which is what this sim does for 1.2.
    ...(kept?.interactions ? { interactions: kept.interactions } : {}),
    mode,
    credit,
    ...(imported.scaledPassingScore === undefined ? {} : { scaled_passing_score: imported.scaledPassingScore }),
  }
}

const PERSISTING = new Set(['LMSCommit', 'LMSFinish', 'Commit', 'Terminate'])
const SETTING = new Set(['LMSSetValue', 'SetValue'])

/**
 * What the LMS keeps: the CMI it handed out at launch, plus every value it accepted up to the
 * last successful Commit/Finish; later writes are lost, as in a real LMS.
 */
function persisted(launchCmi: CmiTree, session: SimSession): CmiTree | null {
  const lastPersist = [...session.calls].reverse().find((call) => PERSISTING.has(call.method) && call.result === 'true')
  if (!lastPersist) return null
  const cmi = structuredClone(launchCmi) as Record<string, unknown>
  for (const call of session.calls) {
    if (call.seq > lastPersist.seq) break
    if (!SETTING.has(call.method) || call.result !== 'true') continue
    const path = call.args[0]!.replace(/^cmi\./, '').split('.')
    let node = cmi
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
    node[path.at(-1)!] = call.args[1]
  }
  return cmi
}

function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(response: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  response.end(body)
}
