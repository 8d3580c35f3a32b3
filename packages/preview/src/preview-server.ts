import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { formatDiagnostic, type Diagnostic } from '@cafes/core'
import type { CompiledModule } from '@cafes/compiler'
import type { LmsSim } from '@cafes/lms-sim'
import type { PackageTarget, StateSize } from '@cafes/packager'
import { errorOverlay, type ErrorOverlay } from './error-overlay.js'
import { EventStream } from './event-stream.js'
import { listenOnFreePort } from './listen.js'
import type { LmsRecord } from './lms-record.js'
import { buildForPreview, discardZip, errorMessage, toPosix } from './preview-build.js'
import { PreviewLms, STORAGE_RESET_PAGE, storageResetZipPath } from './preview-lms.js'
import { previewPage } from './preview-page.js'
import { resolveModuleDir } from './resolve-module.js'
import { RULES, report } from './rules.js'
import { watchModule, type ModuleWatcher } from './watch-module.js'

/** The port asked for when none is given (Vite's preview port: authors know it is a preview). */
export const DEFAULT_PORT = 4173
const HOST = '127.0.0.1'
/** POST bodies are a few bytes of JSON. */
const MAX_BODY_BYTES = 16 * 1024

/** Where the preview reports what the terminal shows. */
export interface PreviewLog {
  /** One line of progress (no newline at the end). */
  info(message: string): void
  /** A build's diagnostics, to print as `cafes build` does. */
  diagnostics(diagnostics: readonly Diagnostic[]): void
}

export interface PreviewOptions {
  /** The module folder (or its `module.md`); relative paths start from `cwd`. */
  modulePath: string
  /** The user's working directory: diagnostics name files relative to it. */
  cwd: string
  /**
   * The target the module is first launched as; the page can switch.
   * @default the module's first target (its `targets`, else the config's, else scorm12)
   */
  target?: PackageTarget
  /**
   * The port to listen on (127.0.0.1 only); when it is taken, the next free one. `0`: any free port.
   * @default 4173
   */
  port?: number
  /** @default nothing is printed */
  log?: PreviewLog
  /**
   * Quiet time after a change before the rebuild, in milliseconds.
   * @default 40
   */
  debounceMs?: number
}

/** One build after a change (or a target switch), once the open pages have been told. */
export interface RebuildEvent {
  /** Counts every build of this preview, the first one included. */
  build: number
  ok: boolean
  target: PackageTarget
  /** Absolute paths whose change caused it; empty for the first build and target switches. */
  changedPaths: string[]
  /** Errors and warnings of this build (and, when the LMS refused the package, why). */
  diagnostics: Diagnostic[]
  /** From the first change the watcher reported to the event sent to the pages. */
  durationMs: number
}

export interface Preview {
  /** `http://127.0.0.1:<port>/` */
  url: string
  port: number
  /** The module folder, absolute. */
  moduleDir: string
  /** The target the page shows now. */
  readonly target: PackageTarget
  /** Resolves at the end of the next build (after the pages have been told to reload or show the errors). */
  rebuilt(): Promise<RebuildEvent>
  /** Calls `listener` after every build; returns the function that stops it. */
  onRebuild(listener: (event: RebuildEvent) => void): () => void
  /** What the panel shows now (the `/api/state` payload). */
  panelState(): PanelState
  /** Stops watching, closes the pages' connections, the server and the simulated LMS, and removes the preview's files. */
  close(): Promise<void>
}

/** The panel's data, served as JSON at `/api/state`. */
export interface PanelState {
  module: { id: string; title: string; version: string; language: string } | null
  target: PackageTarget
  learner: string
  /** The player's interface language the next launch asks for. */
  uiLanguage: 'fr' | 'en'
  languageNote: string
  /** The latest build and, when it failed, its errors. */
  build: number
  ok: boolean
  overlay: ErrorOverlay | null
  /** SCORM targets: the module's worst-case `suspend_data` length and the edition's limit. */
  stateSize: StateSize | null
  /** What the LMS or LRS holds for the learner. */
  record: LmsRecord
  /** Why the record may be empty. */
  recordNote: string
}

/** The preview could not start: the module path names no single module, or no port was free. */
export class PreviewStartError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message)
  }
}

interface BuildState {
  build: number
  ok: boolean
  diagnostics: Diagnostic[]
  overlay: ErrorOverlay | null
}

/**
 * `cafes preview`: builds the module for a target, imports it into the simulated LMS
 * (`@cafes/lms-sim`) and serves, on 127.0.0.1, a page showing the module as the LMS launches
 * it beside a panel of what the LMS or LRS received. Every save rebuilds the module (only it,
 * for the shown target; the player bundle is cached) and the page relaunches it, told by
 * Server-Sent Events; while it does not build, the page shows the errors over the module and
 * the log prints them.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const cwd = resolve(options.cwd)
  const log = options.log
  const resolved = await resolveModuleDir(options.modulePath, cwd)
  if ('diagnostics' in resolved) throw new PreviewStartError(`no module to preview at ${options.modulePath}`, resolved.diagnostics)
  const moduleDir = resolved.dir
  const moduleFile = toPosix(relative(cwd, join(moduleDir, 'module.md')))

  const { compileModule } = await import('@cafes/compiler')
  const { defaultTargets, writeZip, PACKAGE_TARGETS } = await import('@cafes/packager')
  const { startLmsSim } = await import('@cafes/lms-sim')
  const first = await compileModule(moduleDir, { cwd })
  let target: PackageTarget = options.target ?? (first.module ? defaultTargets(first.module)[0] : undefined) ?? 'scorm12'
  let module: CompiledModule | undefined = first.module

  const workDir = mkdtempSync(join(tmpdir(), 'cafes-preview-'))
  let sim: LmsSim
  try {
    sim = await startLmsSim()
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true })
    throw error
  }
  const storageResetZip = async (): Promise<string> => {
    const path = storageResetZipPath(workDir)
    await writeZip([{ path: 'index.html', data: Buffer.from(STORAGE_RESET_PAGE) }], path)
    return path
  }
  const lms = new PreviewLms(sim, storageResetZip)
  const events = new EventStream()
  const instance = randomUUID()
  const listeners = new Set<(event: RebuildEvent) => void>()
  /** Bumped at each change: a target's package is current when built from the latest version. */
  let contentVersion = 0
  const installedVersion = new Map<PackageTarget, number>()
  const installedBuild = new Map<PackageTarget, number>()
  const stateSizes = new Map<PackageTarget, StateSize>()
  let languagePreference: 'fr' | 'en' | undefined
  let buildCount = 0
  let latest: BuildState = { build: 0, ok: false, diagnostics: [], overlay: null }
  let printedWarnings = ''
  let closed = false
  let facilitatorBuilds = 0

  // Builds and target switches run one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve()
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task)
    queue = result.catch(() => undefined)
    return result
  }

  /** Builds the current content for `buildTarget`, installs it in the LMS, tells the pages and the listeners. */
  async function buildAndInstall(buildTarget: PackageTarget, changedPaths: string[], startedAt: number): Promise<RebuildEvent> {
    const build = ++buildCount
    const version = contentVersion
    events.send('building', { build })
    const result = await buildForPreview(moduleDir, buildTarget, { cwd, outDir: workDir, sequence: build })
    if (result.module) module = result.module
    let diagnostics = result.diagnostics
    let ok = result.ok
    if (result.ok) {
      try {
        await lms.install(buildTarget, result.zipPath)
        installedVersion.set(buildTarget, version)
        installedBuild.set(buildTarget, build)
        if (result.state) stateSizes.set(buildTarget, result.state)
        else stateSizes.delete(buildTarget)
      } catch (error) {
        ok = false
        diagnostics = [...diagnostics, report(RULES.packageRefused, { target: buildTarget, reason: errorMessage(error) }, moduleFile)]
      } finally {
        discardZip(result.zipPath)
      }
    }
    const overlay = ok ? null : errorOverlay(diagnostics, cwd)
    latest = { build, ok, diagnostics, overlay }
    const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning')
    const event: RebuildEvent = { build, ok, target: buildTarget, changedPaths, diagnostics, durationMs: Math.round(performance.now() - startedAt) }
    if (closed) return event
    if (ok) {
      events.send('built', { build, target: buildTarget, durationMs: event.durationMs, warningCount: warnings.length })
    } else {
      events.send('failed', { build, target: buildTarget, overlay })
    }
    printBuild(event, warnings)
    for (const listener of [...listeners]) listener(event)
    return event
  }

  /** The terminal: errors at each failed build, warnings when they change, one line per rebuild. */
  function printBuild(event: RebuildEvent, warnings: Diagnostic[]): void {
    if (!log) return
    const warningsKey = JSON.stringify(warnings)
    if (!event.ok) {
      log.diagnostics(event.diagnostics)
      printedWarnings = warningsKey
      const errors = event.diagnostics.length - warnings.length
      log.info(`${event.target}: ${errors} ${errors === 1 ? 'error' : 'errors'}; the page shows ${errors === 1 ? 'it' : 'them'} until the next save`)
      return
    }
    if (warningsKey !== printedWarnings) log.diagnostics(warnings)
    printedWarnings = warningsKey
    const changed = event.changedPaths.map((path) => toPosix(relative(cwd, path))).join(', ')
    log.info(`${event.target}: ${changed ? `${changed} changed, rebuilt` : 'built'} in ${event.durationMs} ms`)
  }

  const pendingPaths = new Set<string>()
  let firstChangeAt: number | undefined
  let rebuildQueued = false
  const onChange = (paths: string[]): void => {
    for (const path of paths) pendingPaths.add(path)
    firstChangeAt ??= performance.now()
    contentVersion++
    if (rebuildQueued) return
    rebuildQueued = true
    void enqueue(async () => {
      // Changes made while an earlier build ran are all taken by this one.
      rebuildQueued = false
      const changed = [...pendingPaths].sort()
      const startedAt = firstChangeAt ?? performance.now()
      pendingPaths.clear()
      firstChangeAt = undefined
      if (!closed) await buildAndInstall(target, changed, startedAt)
    })
  }

  /** Switches the page's target, building it first unless its package is current. */
  function switchTarget(next: PackageTarget): Promise<void> {
    return enqueue(async () => {
      target = next
      if (installedVersion.get(next) !== contentVersion || !lms.has(next)) await buildAndInstall(next, [], performance.now())
    })
  }

  /** What the page needs after a launch request: where to point the frame, and the errors to show. */
  async function launchAnswer(): Promise<{ launchUrl: string | null; build: number; target: PackageTarget; overlay: ErrorOverlay | null }> {
    const launchOptions = target === 'cmi5' && languagePreference ? { languagePreference } : {}
    const launchUrl = lms.has(target) ? await lms.launchUrl(target, launchOptions) : null
    return { launchUrl, build: installedBuild.get(target) ?? 0, target, overlay: latest.overlay }
  }

  function panelState(): PanelState {
    const moduleLanguage = module?.meta.language ?? 'fr'
    return {
      module: module ? { id: module.meta.id, title: module.meta.title, version: module.meta.version, language: moduleLanguage } : null,
      target,
      learner: lms.learner,
      uiLanguage: languagePreference ?? playerLanguage(moduleLanguage),
      languageNote:
        target === 'cmi5'
          ? "The player's interface follows the learner's cmi5 languagePreference, which the LMS sets at launch."
          : 'Only cmi5 tells the player a learner language preference: switching the language relaunches the module as cmi5.',
      build: latest.build,
      ok: latest.ok,
      overlay: latest.overlay,
      stateSize: stateSizes.get(target) ?? null,
      record: lms.record(target),
      recordNote:
        target === 'web'
          ? "The web edition reports to no LMS: progress stays in the browser's storage (Reset attempt clears it)."
          : '',
    }
  }

  async function facilitatorGuide(response: ServerResponse): Promise<void> {
    const { build } = await import('@cafes/packager')
    const outDir = join(workDir, `facilitator-${++facilitatorBuilds}`)
    mkdirSync(outDir, { recursive: true })
    const built = await build({ paths: [moduleDir], targets: [], outDir, cwd, facilitator: true })
    const zip = built.packages.find((entry) => entry.edition === 'facilitator' && entry.zip !== undefined)?.zip
    if (zip === undefined) {
      const errors = built.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
      log?.diagnostics(errors)
      const items = errors.map((diagnostic) => `<li><pre>${escapeHtml(formatDiagnostic(diagnostic))}</pre></li>`).join('')
      return send(response, 200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Facilitator guide</title></head><body><main><h1>The facilitator guide does not build</h1><ul>${items}</ul></main></body></html>`, 'text/html; charset=utf-8')
    }
    const url = await sim.servePackage(resolve(cwd, zip))
    response.writeHead(303, { location: url, 'cache-control': 'no-store' })
    response.end()
  }

  let port = 0
  const allowedHosts = (): string[] => [`${HOST}:${port}`, `localhost:${port}`]
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, JSON.stringify({ error: errorMessage(error) }), 'application/json')
      else response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Another site's page must not drive the preview through the browser (DNS rebinding, cross-site POST).
    if (!allowedHosts().includes(request.headers.host ?? '')) return send(response, 421, 'unknown host')
    const origin = request.headers.origin
    if (request.method === 'POST' && origin !== undefined && !allowedHosts().some((host) => origin === `http://${host}`)) {
      return send(response, 403, 'cross-origin request refused')
    }
    const url = new URL(request.url ?? '/', `http://${HOST}`)
    if (request.method === 'GET') {
      if (url.pathname === '/') return send(response, 200, previewPage(module?.meta.title ?? moduleFile), 'text/html; charset=utf-8')
      if (url.pathname === '/events') {
        return events.attach(request, response, {
          event: 'hello',
          data: { instance, build: latest.build, launchable: lms.has(target), overlay: latest.overlay },
        })
      }
      if (url.pathname === '/api/state') return sendJson(response, panelState())
      if (url.pathname === '/facilitator') return facilitatorGuide(response)
      return send(response, 404, 'not found')
    }
    if (request.method !== 'POST') return send(response, 405, 'method not allowed')
    const body = await readJson(request)
    if (url.pathname === '/api/launch') {
      await lms.settle(target)
      return sendJson(response, await launchAnswer())
    }
    if (url.pathname === '/api/reset') {
      await lms.settle(target)
      lms.resetLearner()
      return sendJson(response, await launchAnswer())
    }
    if (url.pathname === '/api/target') {
      const next = body.target
      if (typeof next !== 'string' || !(PACKAGE_TARGETS as readonly string[]).includes(next)) return send(response, 400, 'unknown target')
      await lms.settle(target)
      await switchTarget(next as PackageTarget)
      return sendJson(response, await launchAnswer())
    }
    if (url.pathname === '/api/language') {
      const language = body.language
      if (language !== 'fr' && language !== 'en') return send(response, 400, 'language must be fr or en')
      await lms.settle(target)
      languagePreference = language
      if (target !== 'cmi5') await switchTarget('cmi5')
      return sendJson(response, await launchAnswer())
    }
    return send(response, 404, 'not found')
  }

  let watcher: ModuleWatcher | undefined
  try {
    port = await listenOnFreePort(server, options.port ?? DEFAULT_PORT, HOST)
    watcher = watchModule(moduleDir, onChange, {
      ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
      onError: (error) => log?.info(`watching stopped for part of the module: ${error.message}`),
    })
    await enqueue(() => buildAndInstall(target, [], performance.now()))
  } catch (error) {
    watcher?.close()
    events.close()
    server.closeAllConnections()
    server.close()
    await sim.close()
    rmSync(workDir, { recursive: true, force: true })
    throw error instanceof Error && /are all in use/.test(error.message) ? new PreviewStartError(error.message) : error
  }

  const url = `http://${HOST}:${port}/`
  return {
    url,
    port,
    moduleDir,
    get target() {
      return target
    },
    rebuilt: () =>
      new Promise((resolveEvent) => {
        const listener = (event: RebuildEvent): void => {
          listeners.delete(listener)
          resolveEvent(event)
        }
        listeners.add(listener)
      }),
    onRebuild(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    panelState,
    async close() {
      if (closed) return
      closed = true
      watcher?.close()
      events.close()
      await queue
      await new Promise<void>((resolveClose) => {
        server.closeAllConnections()
        server.close(() => resolveClose())
      })
      await sim.close()
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}

/** The player's own rule (`uiLanguage` in `player/src/i18n/strings.ts`): English for `en*` content, French otherwise. */
function playerLanguage(courseLanguage: string): 'fr' | 'en' {
  return /^en\b/i.test(courseLanguage) ? 'en' : 'fr'
}

function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      try {
        const parsed: unknown = chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'))
        resolveBody(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {})
      } catch {
        resolveBody({})
      }
    })
    request.on('error', reject)
  })
}

function sendJson(response: ServerResponse, value: unknown): void {
  send(response, 200, JSON.stringify(value), 'application/json; charset=utf-8')
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  response.end(body)
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
