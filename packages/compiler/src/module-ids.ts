/**
 * The one check across modules: two modules of a build must not share an id (LMSs key records on it).
 */
import path from 'node:path'
import type { Diagnostic } from '@cafes/core'
import { VFile } from 'vfile'
import { report, toDiagnostics, type Note } from './report.js'
import { FIRST_DEFINED_HERE, rules } from './rules.js'
import type { CompiledModule } from './types.js'

/** An error on the `id` line of each module whose id an earlier module of `modules` already has. */
export function checkDuplicateModuleIds(modules: readonly CompiledModule[], cwd: string): Diagnostic[] {
  const seen = new Map<string, Note>()
  const files: VFile[] = []
  for (const module of modules) {
    const { id } = module.meta
    if (id === '') continue
    const file = path.join(module.dir, 'module.md')
    const first = seen.get(id)
    if (!first) {
      seen.set(id, { message: FIRST_DEFINED_HERE, file, place: module.idPlace })
      continue
    }
    const vfile = new VFile({ path: file })
    report(vfile, rules.moduleDuplicateId, { id }, module.idPlace, [first])
    files.push(vfile)
  }
  return toDiagnostics(files, cwd)
}
