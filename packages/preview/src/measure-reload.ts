import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { get, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { PackageTarget } from '@cafes/packager'
import { startPreview } from './preview-server.js'

export interface MeasureReloadOptions {
  /** Timed saves, after one untimed warm-up. @default 5 */
  runs?: number
  /** @default 'scorm2004' */
  target?: PackageTarget
  /** `modulePath` is relative to it. @default process.cwd() */
  cwd?: string
}

export interface ReloadTimes {
  /** Milliseconds of each timed save, in order. */
  runs: number[]
  medianMs: number
}

/** Longest wait for one reload event before the measurement gives up. */
const EVENT_TIMEOUT_MS = 30_000

/**
 * Save → reload time of `cafes preview`, as a page sees it: a copy of the module (the original
 * is never touched; a `cafes.config.yaml` above it is not copied) is previewed on a free port,
 * a Server-Sent Events client connects as the page does, and each run appends a line to the
 * copy's `module.md` and times from that write to the client receiving the `built` event that
 * makes the page relaunch the module. The frame's own load is not included.
 */
export async function measureReload(modulePath: string, options: MeasureReloadOptions = {}): Promise<ReloadTimes> {
  const runs = options.runs ?? 5
  const source = resolve(options.cwd ?? process.cwd(), modulePath)
  const workDir = mkdtempSync(join(tmpdir(), 'cafes-reload-'))
  const moduleDir = join(workDir, basename(source))
  cpSync(source, moduleDir, { recursive: true })
  const preview = await startPreview({ modulePath: moduleDir, cwd: workDir, target: options.target ?? 'scorm2004', port: 0 })
  const client = await openEventClient(`${preview.url}events`)
  try {
    const times: number[] = []
    for (let run = 0; run <= runs; run++) {
      const reloaded = client.next('built')
      const started = performance.now()
      appendFileSync(join(moduleDir, 'module.md'), `\n<!-- save ${run} -->\n`)
      await reloaded
      if (run > 0) times.push(Math.round(performance.now() - started))
    }
    const sorted = [...times].sort((a, b) => a - b)
    return { runs: times, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0 }
  } finally {
    client.close()
    await preview.close()
    rmSync(workDir, { recursive: true, force: true })
  }
}

interface EventClient {
  /** Resolves when the next event of that name arrives. */
  next(event: string): Promise<void>
  close(): void
}

/** A minimal `EventSource`: connects, waits for the greeting, then reports named events. */
function openEventClient(url: string): Promise<EventClient> {
  return new Promise((resolveClient, reject) => {
    const waiting = new Map<string, Array<() => void>>()
    let buffer = ''
    const request = get(url, (response: IncomingMessage) => {
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const name = /^event: (.+)$/m.exec(frame)?.[1]
          if (name === 'hello') resolveClient(client)
          if (name === undefined) continue
          for (const resolveEvent of waiting.get(name) ?? []) resolveEvent()
          waiting.delete(name)
        }
      })
    })
    request.on('error', reject)
    const client: EventClient = {
      next: (event) =>
        new Promise((resolveEvent, rejectEvent) => {
          const timer = setTimeout(() => rejectEvent(new Error(`no ${event} event within ${EVENT_TIMEOUT_MS} ms`)), EVENT_TIMEOUT_MS)
          const list = waiting.get(event) ?? []
          list.push(() => {
            clearTimeout(timer)
            resolveEvent()
          })
          waiting.set(event, list)
        }),
      close: () => request.destroy(),
    }
  })
}
