import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runPool, type PoolOptions } from '../../build/release/pool.js'

const WORKER = fileURLToPath(new URL('./fixtures/pool-worker.ts', import.meta.url))

function options(size: number): PoolOptions<number, number | string> {
  return { script: WORKER, args: [], execArgv: ['--import', 'tsx'], size, failed: (job, reason) => `job ${job} failed: ${reason}` }
}

describe('runPool', () => {
  it('runs every job in worker processes and gives the results in job order, with each worker\'s peak memory', async () => {
    const { results, workers, workerMaxRssBytes } = await runPool([1, 3, 5, 6, 7], options(2))
    expect(results).toEqual([10, 30, 50, 60, 70])
    expect(workers).toBe(2)
    expect(workerMaxRssBytes).toHaveLength(2)
    for (const bytes of workerMaxRssBytes) expect(bytes).toBeGreaterThan(10_000_000)
  }, 60_000)

  it('starts no more workers than jobs, and none for no job', async () => {
    const one = await runPool([1], options(8))
    expect(one.workers).toBe(1)
    expect(one.workerMaxRssBytes).toHaveLength(1)
    expect(await runPool([], options(8))).toEqual({ results: [], workers: 0, workerMaxRssBytes: [] })
    // At least one worker, whatever the size asked for.
    expect((await runPool([1, 3], options(0))).results).toEqual([10, 30])
  }, 60_000)

  it('fails the job of a worker that stops, and gives the rest to the others', async () => {
    const { results } = await runPool([1, 2, 3, 5, 6], options(2))
    expect(results).toEqual([10, 'job 2 failed: exited with code 3', 30, 50, 60])
  }, 60_000)

  it('fails what is left when no worker remains, naming the error without its stack', async () => {
    const { results, workers, workerMaxRssBytes } = await runPool([4, 1], options(1))
    expect(results[0]).toMatch(/^job 4 failed: exited with code 1: TypeError: job 4 went wrong$/)
    expect(results[1]).toBe('job 1 failed: no worker could take it')
    expect(workers).toBe(1)
    expect(workerMaxRssBytes).toEqual([])
  }, 60_000)
})
