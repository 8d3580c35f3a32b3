/**
 * `pnpm release`: every module of `modules/` (or `--modules`) × every target, plus the
 * facilitator edition, into `dist/` (or `--out`) with `SHA256SUMS`, `index.json` and
 * `index.html`; see `build/release/release-catalogue.ts`. The same file is each worker
 * process: run with `WORKER_ARG` and an IPC channel, it builds the modules it is sent.
 * Exit 0 released, 1 a module or package failed, 2 usage error.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatDiagnostic } from '@cafes/core'
import { formatBytes } from '@cafes/packager'
import { releaseModule, type ModuleJob, type ModuleJobResult } from './release/module-release.js'
import { HELP, parseReleaseArgs, ReleaseArgsError } from './release/options.js'
import { displayPath } from './release/paths.js'
import { serveJobs } from './release/pool.js'
import { INDEX_FILES } from './release/publish.js'
import { releaseCatalogue, ReleaseUsageError, type ReleaseResult } from './release/release-catalogue.js'
import { report, RULES } from './release/rules.js'

const WORKER_ARG = '--cafes-release-worker'
const EXIT = { ok: 0, errors: 1, usage: 2 } as const

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseReleaseArgs>
  try {
    args = parseReleaseArgs(argv)
  } catch (error) {
    if (!(error instanceof ReleaseArgsError)) throw error
    process.stderr.write(`pnpm release: ${error.message}\nRun \`pnpm release --help\` for its options.\n`)
    return EXIT.usage
  }
  if (args.help) {
    process.stdout.write(HELP)
    return EXIT.ok
  }
  // As every cafes command: relative paths start from where the user ran pnpm.
  const cwd = process.env.INIT_CWD ?? process.cwd()
  let result: ReleaseResult
  try {
    result = await releaseCatalogue({
      modulesDir: resolve(cwd, args.modules),
      outDir: resolve(cwd, args.out),
      cwd,
      worker: { script: fileURLToPath(import.meta.url), args: [WORKER_ARG], execArgv: process.execArgv },
    })
  } catch (error) {
    if (!(error instanceof ReleaseUsageError)) throw error
    process.stderr.write(`pnpm release: ${error.message}\n`)
    return EXIT.usage
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } else {
    for (const diagnostic of result.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`)
    printSummary(result, displayPath(cwd, resolve(cwd, args.modules)), displayPath(cwd, resolve(cwd, args.out)))
  }
  return result.status === 'released' ? EXIT.ok : EXIT.errors
}

function printSummary(result: ReleaseResult, modulesDir: string, outDir: string): void {
  const indexFiles = Object.values(INDEX_FILES).map((name) => `${outDir}/${name}`).join(', ')
  if (result.status === 'failed') {
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
    process.stderr.write(`Release failed (${errors} ${errors === 1 ? 'error' : 'errors'}): ${outDir}/ was left as it was.\n`)
    return
  }
  const { modules } = result.index
  if (modules.length === 0) {
    process.stdout.write(`No module in ${modulesDir}/ yet (a module is a folder holding module.md): wrote an empty catalogue, ${indexFiles}.\n`)
    return
  }
  const rows = modules.flatMap((module) => module.targets.map((entry) => [`${outDir}/${entry.file}`, formatBytes(entry.size), `${entry.fileCount} files`]))
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  for (const row of rows) process.stdout.write(`${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  ')}\n`)
  const seconds = (result.durationMs / 1000).toFixed(1)
  process.stdout.write(
    `Released ${modules.length} ${modules.length === 1 ? 'module' : 'modules'} (${rows.length} zips) in ${seconds} s on ${result.workers} ${result.workers === 1 ? 'worker' : 'workers'}: ${indexFiles}.\n`,
  )
}

/** A worker: one module at a time; a bug becomes the module's diagnostic, not a crash. */
async function releaseModuleSafely(job: ModuleJob): Promise<ModuleJobResult> {
  try {
    return await releaseModule(job)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { diagnostics: [report(RULES.workerFailed, { reason }, { file: displayPath(job.cwd, resolve(job.moduleDir, 'module.md')) })] }
  }
}

if (process.argv[2] === WORKER_ARG && process.send !== undefined) {
  serveJobs(releaseModuleSafely)
} else {
  process.exitCode = await main(process.argv.slice(2))
}
