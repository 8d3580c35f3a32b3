import { existsSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { compareDiagnostics, hasErrors, type Diagnostic } from '@cafes/core'
import { zipDate } from '@cafes/packager'
import { indexHtml } from './index-html.js'
import { indexJson, sha256Sums } from './index-files.js'
import type { ModuleJob, ModuleJobResult } from './module-release.js'
import { displayPath } from './paths.js'
import { runPool, type PoolResult } from './pool.js'
import { createStaging, discardStaging, INDEX_FILES, previousRelease, publishRelease } from './publish.js'
import type { ReleaseIndex, ReleaseModule } from './release-index.js'
import { report, RULES } from './rules.js'
import { xmllintVersion } from './xmllint.js'

export interface ReleaseOptions {
  /** The folder of modules (absolute). */
  modulesDir: string
  /** Where the release goes (absolute): created when missing, replaced when it holds an earlier release. */
  outDir: string
  /** The user's working directory: diagnostics and messages name files relative to it. */
  cwd: string
  /** How to start a worker: a script that calls `serveJobs(releaseModule)` when given `args`. */
  worker: { script: string; args: string[]; execArgv: string[] }
  /**
   * Workers at most (one module each at a time).
   * @default `os.availableParallelism()`
   */
  parallelism?: number
}

export interface ReleaseResult {
  /** `released`: the whole release is in `outDir`; `failed`: `outDir` was left as it was. */
  status: 'released' | 'failed'
  /** What was released; empty when it failed. */
  index: ReleaseIndex
  /** Every problem, warnings too, sorted for printing. */
  diagnostics: Diagnostic[]
  /** Worker processes started. */
  workers: number
  durationMs: number
  /** Peak resident set sizes. */
  memory: { mainMaxRssBytes: number; workerMaxRssBytes: number[] }
}

/** A mistake in the options or the environment: exit 2, nothing written. */
export class ReleaseUsageError extends Error {}

/**
 * Builds every module under `modulesDir` for every target and its facilitator edition, one
 * module per worker process, all cores busy; validates and checksums every zip; then, only if
 * nothing failed, publishes the zips with `SHA256SUMS`, `index.json` and `index.html` into
 * `outDir`, replacing an earlier release. The bytes depend on the sources and
 * `SOURCE_DATE_EPOCH` only. An empty catalogue gives an empty index.
 */
export async function releaseCatalogue(options: ReleaseOptions): Promise<ReleaseResult> {
  const started = performance.now()
  const { cwd, modulesDir, outDir } = options
  const shownModules = `${displayPath(cwd, modulesDir)}/`
  if (!existsSync(modulesDir) || !statSync(modulesDir).isDirectory()) {
    throw new ReleaseUsageError(`--modules: ${shownModules} is not a folder`)
  }
  try {
    zipDate()
  } catch (error) {
    throw new ReleaseUsageError(error instanceof Error ? error.message : String(error))
  }
  let previous: string[]
  try {
    previous = previousRelease(outDir, `${displayPath(cwd, outDir)}/`)
  } catch (error) {
    throw new ReleaseUsageError(error instanceof Error ? error.message : String(error))
  }

  const finish = (diagnostics: Diagnostic[], released?: ReleaseIndex, pool?: PoolResult<unknown>): ReleaseResult => ({
    status: released ? 'released' : 'failed',
    index: released ?? { modules: [] },
    diagnostics: [...diagnostics].sort(compareDiagnostics),
    workers: pool?.workers ?? 0,
    durationMs: Math.round(performance.now() - started),
    memory: { mainMaxRssBytes: process.resourceUsage().maxRSS * 1024, workerMaxRssBytes: pool?.workerMaxRssBytes ?? [] },
  })

  const { findModules, rules } = await import('@cafes/compiler')
  const found = await findModules([modulesDir], cwd)
  // An empty catalogue is a release too (the index says so), not an error.
  const diagnostics = found.diagnostics.filter((diagnostic) => diagnostic.ruleId !== rules.noModuleFound.id)
  if (hasErrors(diagnostics)) return finish(diagnostics)
  if (found.dirs.length > 0) {
    const xmllint = await xmllintVersion()
    if (!xmllint.ok) return finish([...diagnostics, report(RULES.xmllintMissing, { reason: xmllint.reason }, { file: 'xmllint' })])
  }

  let stagingDir: string
  try {
    stagingDir = createStaging(outDir)
  } catch (error) {
    return finish([...diagnostics, publishFailed(error, cwd, outDir)])
  }
  try {
    const jobs: ModuleJob[] = found.dirs.map((moduleDir, index) => ({
      moduleDir,
      outDir: join(stagingDir, String(index)),
      cwd,
      publishedDir: displayPath(cwd, outDir),
    }))
    const pool = await runPool<ModuleJob, ModuleJobResult>(jobs, {
      ...options.worker,
      size: options.parallelism ?? availableParallelism(),
      failed: (job, reason) => ({ diagnostics: [report(RULES.workerFailed, { reason }, { file: moduleFile(cwd, job.moduleDir) })] }),
    })
    const built: BuiltModule[] = []
    pool.results.forEach((result, index) => {
      diagnostics.push(...result.diagnostics)
      if (result.module) built.push({ module: result.module, job: jobs[index]!, idLine: result.idLine })
    })
    diagnostics.push(...duplicateIds(built, cwd))
    if (hasErrors(diagnostics)) return finish(diagnostics, undefined, pool)

    const index: ReleaseIndex = { modules: built.map((entry) => entry.module).sort((a, b) => compareText(a.id, b.id)) }
    try {
      publishRelease({
        outDir,
        stagingDir,
        zips: built.flatMap(({ module, job }) => module.targets.map((entry) => ({ name: entry.file, path: join(job.outDir, entry.file) }))),
        indexFiles: { [INDEX_FILES.sums]: sha256Sums(index), [INDEX_FILES.json]: indexJson(index), [INDEX_FILES.html]: indexHtml(index) },
        previous,
      })
    } catch (error) {
      return finish([...diagnostics, publishFailed(error, cwd, outDir)], undefined, pool)
    }
    return finish(diagnostics, index, pool)
  } finally {
    discardStaging(stagingDir)
  }
}

/** A module every package of which was built, validated and checksummed. */
interface BuiltModule {
  module: ReleaseModule
  job: ModuleJob
  idLine: number | undefined
}

function publishFailed(error: unknown, cwd: string, outDir: string): Diagnostic {
  return report(RULES.publishFailed, { reason: error instanceof Error ? error.message : String(error) }, { file: displayPath(cwd, outDir) })
}

/** An error on each module whose id an earlier module (in path order) has already. */
function duplicateIds(modules: readonly BuiltModule[], cwd: string): Diagnostic[] {
  const first = new Map<string, string>()
  const diagnostics: Diagnostic[] = []
  for (const { module, job, idLine } of modules) {
    const file = moduleFile(cwd, job.moduleDir)
    const other = first.get(module.id)
    if (other === undefined) first.set(module.id, file)
    else diagnostics.push(report(RULES.duplicateModuleId, { id: module.id, other }, { file, ...(idLine !== undefined ? { line: idLine } : {}) }))
  }
  return diagnostics
}

function moduleFile(cwd: string, moduleDir: string): string {
  return displayPath(cwd, join(moduleDir, 'module.md'))
}

function compareText(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}
