import { fork, type ChildProcess } from 'node:child_process'

/** Main → worker. */
export type ToWorker<Job> = { kind: 'job'; id: number; job: Job } | { kind: 'stop' }

/** Worker → main. */
export type FromWorker<Result> = { kind: 'result'; id: number; result: Result } | { kind: 'stopped'; maxRssBytes: number }

export interface PoolOptions<Job, Result> {
  /** The script each worker runs (it calls `serveJobs`). */
  script: string
  /** Its arguments (what tells the script to be a worker). */
  args: string[]
  /** Node options of the workers (`--import tsx` when run from sources). */
  execArgv: string[]
  /** At most this many workers; never more than jobs. */
  size: number
  /** The result of a job whose worker stopped before answering. */
  failed: (job: Job, reason: string) => Result
}

export interface PoolResult<Result> {
  /** In the order of the jobs. */
  results: Result[]
  /** Worker processes started. */
  workers: number
  /** Each worker's peak resident set (`process.resourceUsage().maxRSS`), for those that stopped cleanly. */
  workerMaxRssBytes: number[]
}

/** The first characters of a worker's stderr kept for the failure message. */
const STDERR_HEAD = 4000

/**
 * Runs jobs in child processes, one job at a time per worker, each worker taking the next job
 * when done, so a big module does not hold up the small ones. Separate processes rather than
 * threads: each has its own heap and its own peak memory (which the benchmark reports), and a
 * crash fails one module, not the release. A worker that stops fails its job; the others take
 * the rest (no restart, which could loop on a worker that cannot start).
 */
export function runPool<Job, Result>(jobs: readonly Job[], options: PoolOptions<Job, Result>): Promise<PoolResult<Result>> {
  const results: Result[] = new Array(jobs.length)
  const workerMaxRssBytes: number[] = []
  let next = 0
  let alive = 0
  return new Promise((resolve) => {
    const count = jobs.length === 0 ? 0 : Math.max(1, Math.min(options.size, jobs.length))
    if (count === 0) return resolve({ results, workers: 0, workerMaxRssBytes })
    const finish = (): void => {
      if (alive === 0) {
        for (; next < jobs.length; next++) results[next] = options.failed(jobs[next]!, 'no worker could take it')
        resolve({ results, workers: count, workerMaxRssBytes })
      }
    }
    for (let index = 0; index < count; index++) {
      const child = fork(options.script, options.args, { execArgv: options.execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
      alive++
      let current: number | undefined
      let stderr = ''
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < STDERR_HEAD) stderr += chunk.toString('utf8')
      })
      const give = (): void => {
        if (next < jobs.length) {
          current = next++
          send(child, { kind: 'job', id: current, job: jobs[current]! })
        } else {
          current = undefined
          send(child, { kind: 'stop' })
        }
      }
      child.on('message', (message: FromWorker<Result>) => {
        if (message.kind === 'result' && message.id === current) {
          results[current] = message.result
          give()
        } else if (message.kind === 'stopped') {
          workerMaxRssBytes.push(message.maxRssBytes)
        }
      })
      let exited = false
      const onExit = (reason: string): void => {
        if (exited) return
        exited = true
        alive--
        if (current !== undefined) {
          const error = errorLine(stderr)
          results[current] = options.failed(jobs[current]!, error === undefined ? reason : `${reason}: ${error}`)
          current = undefined
        }
        finish()
      }
      child.once('error', (error) => onExit(error.message))
      // `close`, not `exit`: by then every message the worker sent has arrived.
      child.once('close', (code, signal) => onExit(signal ? `killed by ${signal}` : `exited with code ${code}`))
      give()
    }
  })
}

/** The error's own line in a crashed worker's stderr (`TypeError: …`), without its stack. */
function errorLine(stderr: string): string | undefined {
  return stderr.split('\n').find((line) => /^[A-Za-z]*Error(?: \[[A-Z_]+\])?: /.test(line))
}

function send<Job>(child: ChildProcess, message: ToWorker<Job>): void {
  // A worker that has died already is reported by its `exit` event.
  child.send(message, () => undefined)
}

/**
 * The worker's side: answers each job with `handle`'s result, and on `stop` reports its peak
 * memory and lets the process end. `handle` must not throw (turn errors into results).
 */
export function serveJobs<Job, Result>(handle: (job: Job) => Promise<Result>): void {
  process.on('message', (message: ToWorker<Job>) => {
    if (message.kind === 'job') {
      void handle(message.job).then((result) => reply({ kind: 'result', id: message.id, result }))
    } else {
      // `maxRSS` is in kilobytes; disconnecting ends the process once the reply is sent.
      process.send?.({ kind: 'stopped', maxRssBytes: process.resourceUsage().maxRSS * 1024 } satisfies FromWorker<Result>, () => process.disconnect())
    }
  })
}

function reply<Result>(message: FromWorker<Result>): void {
  process.send?.(message)
}
