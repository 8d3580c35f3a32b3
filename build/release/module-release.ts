import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { hasErrors, type Diagnostic } from '@cafes/core'
import type { ReleaseModule, ReleasePackage, ReleaseTarget } from './release-index.js'
import { validateRelease } from './validate-release.js'

/** One module to release, as the main process hands it to a worker. */
export interface ModuleJob {
  /** Absolute path of the module folder. */
  moduleDir: string
  /** Absolute path of the folder the module's zips go to (a staging folder of its own). */
  outDir: string
  /** The user's working directory: diagnostics name files relative to it. */
  cwd: string
  /** Where the zips will be published, as diagnostics name it (relative to `cwd`, `/` separators). */
  publishedDir: string
}

/** What a worker sends back: the module's entry of the index when every package was built and is valid. */
export interface ModuleJobResult {
  module?: ReleaseModule
  /** The line of `module.md` that sets `id`, for the duplicate-id diagnostic. */
  idLine?: number
  diagnostics: Diagnostic[]
}

/** Every target a release builds, then the facilitator edition: the order of the index. */
export const RELEASE_TARGETS = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web', 'facilitator'] as const satisfies readonly ReleaseTarget[]

/**
 * Builds one module for every target and its facilitator edition with the library `cafes build`
 * uses, then validates and checksums each zip; the index lists the front matter the build reports.
 */
export async function releaseModule(job: ModuleJob): Promise<ModuleJobResult> {
  const { build, PACKAGE_TARGETS } = await import('@cafes/packager')
  const built = await build({ paths: [job.moduleDir], targets: [...PACKAGE_TARGETS], outDir: job.outDir, cwd: job.cwd, facilitator: true })
  const diagnostics = [...built.diagnostics]
  const compiled = built.modules[0]
  if (hasErrors(diagnostics) || compiled === undefined) return { diagnostics }
  const { meta } = compiled

  const targets = await Promise.all(
    built.packages.map(async (entry): Promise<ReleasePackage | undefined> => {
      if (entry.zip === undefined) return undefined
      const file = basename(entry.zip)
      const path = join(job.outDir, file)
      diagnostics.push(...(await validateRelease(path, { file: `${job.publishedDir}/${file}` })))
      const data = readFileSync(path)
      return {
        target: entry.edition ?? entry.target,
        file,
        size: data.length,
        fileCount: entry.fileCount ?? 0,
        sha256: createHash('sha256').update(data).digest('hex'),
      }
    }),
  )
  if (hasErrors(diagnostics)) return { diagnostics }
  const order = (target: ReleaseTarget): number => RELEASE_TARGETS.indexOf(target)
  const module: ReleaseModule = {
    id: meta.id,
    title: meta.title,
    version: meta.version,
    language: meta.language,
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    ...(meta.duration !== undefined ? { duration: meta.duration } : {}),
    objectives: meta.objectives,
    targets: targets.filter((target) => target !== undefined).sort((a, b) => order(a.target) - order(b.target)),
  }
  return { module, ...(compiled.idPlace ? { idLine: compiled.idPlace.line } : {}), diagnostics }
}
