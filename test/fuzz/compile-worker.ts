/**
 * Runs one fuzz input at a time for `compile.fuzz.test.ts`, in a worker thread so that the test can
 * give up on an input that hangs (a synchronous parse cannot be interrupted) and start a new worker.
 */
import { readdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import { parentPort } from 'node:worker_threads'
import { compileModule } from '@cafes/compiler'
import { hasErrors, type Diagnostic } from '@cafes/core'
import { build } from '@cafes/packager'

export interface FuzzJob {
  id: number
  /** The module folder, absolute. */
  dir: string
  /** Where `build` writes; absent before. */
  outDir: string
  cwd: string
}

export interface FuzzResult {
  id: number
  /** What went wrong, for the test to report; empty when the input was handled. */
  problems: string[]
  errors: number
}

async function run(job: FuzzJob): Promise<FuzzResult> {
  const problems: string[] = []
  let errors = 0
  try {
    const compiled = await compileModule(job.dir, { cwd: job.cwd })
    problems.push(...compiled.diagnostics.flatMap(malformed))
    if (compiled.module) {
      // Every file to ship lies inside the module, symbolic links resolved.
      const root = await realpath(job.dir)
      for (const asset of compiled.module.assets) {
        const inside = path.relative(root, asset.source)
        if (inside.startsWith('..') || path.isAbsolute(inside)) problems.push(`ships a file outside the module: ${asset.source}`)
      }
    }
    const report = await build({ paths: [job.dir], targets: ['web'], outDir: job.outDir, cwd: job.cwd })
    problems.push(...report.diagnostics.flatMap(malformed))
    const written = await readdir(job.outDir).catch(() => [] as string[])
    errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
    if (hasErrors(report.diagnostics) && written.length > 0) problems.push(`wrote ${written.join(', ')} despite errors`)
    if (!hasErrors(report.diagnostics) && written.length !== 1) problems.push(`no error, but wrote [${written.join(', ')}]`)
    if (hasErrors(compiled.diagnostics) !== hasErrors(report.diagnostics.filter((d) => d.source === 'compiler'))) {
      problems.push('compileModule and build disagree on errors')
    }
  } catch (error) {
    problems.push(`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
  return { id: job.id, problems, errors }
}

/** What is wrong with a diagnostic's shape, if anything (the CLI and `--json` rely on it). */
function malformed(diagnostic: Diagnostic): string[] {
  const problems: string[] = []
  const where = `${diagnostic.file}:${diagnostic.line}: [${diagnostic.ruleId}]`
  if (diagnostic.severity !== 'error' && diagnostic.severity !== 'warning') problems.push(`${where} bad severity`)
  if (!/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)?$/.test(diagnostic.ruleId) || diagnostic.ruleId === 'unknown') {
    problems.push(`${where} bad rule id`)
  }
  if (!diagnostic.message || /^error:/i.test(diagnostic.message)) problems.push(`${where} bad message`)
  if (!diagnostic.file || path.isAbsolute(diagnostic.file) || diagnostic.file.includes('\\')) problems.push(`${where} bad file`)
  for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
    const value = diagnostic[key]
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) problems.push(`${where} bad ${key} ${value}`)
  }
  return problems
}

parentPort?.on('message', (job: FuzzJob) => {
  void run(job).then((result) => parentPort?.postMessage(result))
})
