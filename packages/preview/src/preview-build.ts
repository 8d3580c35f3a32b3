import { rmSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { hasErrors, type Diagnostic } from '@cafes/core'
import type { CompiledModule } from '@cafes/compiler'
import type { PackageTarget, StateSize } from '@cafes/packager'
import { RULES, report } from './rules.js'

export interface PreviewBuildOptions {
  /** The user's working directory: diagnostics name files relative to it. */
  cwd: string
  /** Where the zip is written (a folder of the preview's own). */
  outDir: string
  /** Makes the zip's name unique within `outDir`. */
  sequence: number
}

/** A build the simulated LMS can import. */
export interface PreviewBuildSuccess {
  ok: true
  module: CompiledModule
  zipPath: string
  /** Warnings only. */
  diagnostics: Diagnostic[]
  /** SCORM targets: the worst-case `suspend_data` length and the edition's limit. */
  state?: StateSize
}

export interface PreviewBuildFailure {
  ok: false
  /** At least one error; the module when it compiled far enough to have one. */
  diagnostics: Diagnostic[]
  module?: CompiledModule
}

export type PreviewBuildResult = PreviewBuildSuccess | PreviewBuildFailure

/**
 * One module, one target, as `cafes build` makes it (the same compile, the same package files,
 * the same zip writer), written to the preview's folder. The player bundle is cached per
 * process by `playerAssets`, so a rebuild costs the compile and the zip. Never throws: an
 * unexpected failure becomes a `preview-build-crashed` diagnostic.
 */
export async function buildForPreview(moduleDir: string, target: PackageTarget, options: PreviewBuildOptions): Promise<PreviewBuildResult> {
  const moduleFile = toPosix(relative(options.cwd, join(moduleDir, 'module.md')))
  try {
    const [{ compileModule }, { buildPackage, writeZip }] = await Promise.all([import('@cafes/compiler'), import('@cafes/packager')])
    const compiled = await compileModule(moduleDir, { cwd: options.cwd })
    if (!compiled.module || hasErrors(compiled.diagnostics)) {
      return { ok: false, diagnostics: compiled.diagnostics, ...(compiled.module ? { module: compiled.module } : {}) }
    }
    const module = compiled.module
    const packaged = await buildPackage(module, target, { cwd: options.cwd })
    const diagnostics = [...compiled.diagnostics, ...packaged.diagnostics]
    if (hasErrors(diagnostics)) return { ok: false, diagnostics, module }
    const zipPath = join(options.outDir, `${module.meta.id}-${target}-${options.sequence}.zip`)
    await writeZip(packaged.files, zipPath)
    return { ok: true, module, zipPath, diagnostics, ...(packaged.state ? { state: packaged.state } : {}) }
  } catch (error) {
    return { ok: false, diagnostics: [report(RULES.buildCrashed, { reason: errorMessage(error) }, moduleFile)] }
  }
}

/** Removes a zip the simulated LMS has read already (it keeps the files in memory). */
export function discardZip(zipPath: string): void {
  rmSync(zipPath, { force: true })
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function toPosix(path: string): string {
  return path.split(sep).join('/')
}
