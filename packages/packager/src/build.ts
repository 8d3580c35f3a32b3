import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { compareDiagnostics, DEFAULT_TARGETS, hasErrors, type Diagnostic, type TargetId } from '@cafes/core'
import type { CompiledModule } from '@cafes/compiler'
import { facilitatorEdition, facilitatorZipFileName, learnerCourse } from './facilitator-package.js'
import { buildPackage, zipFileName, type StateSize } from './package.js'
import { playerAssets, type PlayerAssetOptions } from './player-assets.js'
import { RULES, report } from './rules.js'
import { defaultTargets } from './targets.js'
import { writeZip } from './zip.js'

export interface BuildOptions {
  /** Module folders, or folders holding modules; relative paths start from `cwd`. */
  paths: string[]
  /**
   * Targets asked for explicitly.
   * @default per module: its `targets`, else the config's, else `DEFAULT_TARGETS` (scorm12,
   * scorm2004, xapi and cmi5)
   */
  targets?: TargetId[]
  /** Where the zips go; created when missing. Relative paths start from `cwd`. */
  outDir: string
  /** The user's working directory: diagnostics and report paths are relative to it. */
  cwd: string
  /** Where the player's files come from (tests use their own entries). */
  player?: PlayerAssetOptions
  /**
   * Also write each module's facilitator edition, `<id>-<version>-facilitator.zip`: a static,
   * printable session guide compiled with the facilitator notes kept. Learner packages never
   * carry the notes.
   */
  facilitator?: boolean
  /**
   * Called as each module's packages are done, in order (`index` from 1 of `total` modules to
   * package): the CLI prints progress with it.
   * @default none
   */
  onModule?: (progress: { index: number; total: number; module: string; packages: PackageReport[]; durationMs: number }) => void
}

/** One module × target. */
export interface PackageReport {
  module: string
  version: string
  /** `web` for the facilitator edition, which `edition` marks. */
  target: TargetId
  /** Set on the facilitator edition only. */
  edition?: 'facilitator'
  /** The zip: relative to `cwd` (`/` separators) when inside it, else absolute; absent when none was written. */
  zip?: string
  /** Bytes of the zip. */
  size?: number
  /** Entries in the zip. */
  fileCount?: number
  /** SCORM targets: worst-case learner state against the `suspend_data` limit. */
  state?: StateSize
  /** This package's own diagnostics. */
  diagnostics: Diagnostic[]
  durationMs: number
}

export interface BuildReport {
  /** Every diagnostic of the build (finding, compiling, packaging), sorted for printing. */
  diagnostics: Diagnostic[]
  /** The modules that compiled without error, with their front matter (release indexes list it). */
  modules: Pick<CompiledModule, 'dir' | 'meta' | 'idPlace'>[]
  /** One per module × target that was attempted, in module then target order. */
  packages: PackageReport[]
  durationMs: number
}

/** Zips above this draw a warning (B20 default; the smallest documented cap is higher). */
export const ZIP_SIZE_WARNING = 200 * 1000 * 1000

/**
 * Builds every module under `paths` for every target: find, compile, check duplicate ids,
 * then one zip per module and target in `outDir`, named `<id>-<version>-<target>.zip`.
 * A module with any error writes no zip (and removes nothing); the other modules are built.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now()
  const cwd = resolve(options.cwd)
  const outDir = resolve(cwd, options.outDir)
  const compiler = await import('@cafes/compiler')
  const diagnostics: Diagnostic[] = []
  const packages: PackageReport[] = []

  // Start bundling the player (in esbuild's own process) while the modules compile.
  for (const target of options.targets ?? DEFAULT_TARGETS) {
    playerAssets(target, options.player).catch(() => undefined)
  }

  const found = await compiler.findModules(options.paths.map((path) => resolve(cwd, path)), cwd)
  diagnostics.push(...found.diagnostics)
  const compiled = await Promise.all(found.dirs.map((dir) => compiler.compileModule(dir, { cwd })))
  const modules: CompiledModule[] = []
  for (const result of compiled) {
    diagnostics.push(...result.diagnostics)
    if (result.module && !hasErrors(result.diagnostics)) modules.push(result.module)
  }
  const compiledModules = compiled.flatMap((result) => (result.module ? [result.module] : []))
  diagnostics.push(...compiler.checkDuplicateModuleIds(compiledModules, cwd))
  const idCounts = new Map<string, number>()
  for (const module of compiledModules) idCounts.set(module.meta.id, (idCounts.get(module.meta.id) ?? 0) + 1)

  for (const [index, module] of modules.entries()) {
    if ((idCounts.get(module.meta.id) ?? 0) > 1) continue
    const moduleStarted = performance.now()
    const targets = options.targets ?? defaultTargets(module)
    const built = await Promise.all(
      targets.map(async (target) => {
        const targetStarted = performance.now()
        const zipPath = join(outDir, zipFileName(module, target))
        const zipFile = displayPath(cwd, zipPath)
        const result = await buildPackage({ ...module, course: learnerCourse(module.course) }, target, { cwd, zipFile, player: options.player })
        return { target, edition: undefined as 'facilitator' | undefined, result, zipPath, durationMs: performance.now() - targetStarted }
      }),
    )
    if (options.facilitator) {
      const editionStarted = performance.now()
      const result = await facilitatorEdition(module, { cwd })
      const zipPath = join(outDir, facilitatorZipFileName(module))
      built.push({ target: 'web', edition: 'facilitator', result, zipPath, durationMs: performance.now() - editionStarted })
    }
    // A module with any error writes no zip at all.
    const moduleFailed = built.some(({ result }) => hasErrors(result.diagnostics))
    // The targets' zips are written together: archiver deflates one entry at a time and waits
    // for the thread pool each time, so one zip's waits leave room for the others' work.
    const reports = await Promise.all(
      built.map(async ({ target, edition, result, zipPath, durationMs }): Promise<PackageReport> => {
        const writeStarted = performance.now()
        const packageDiagnostics = [...result.diagnostics]
        let written: { zip: string; size: number; fileCount: number } | undefined
        if (!moduleFailed) {
          const zipFile = displayPath(cwd, zipPath)
          try {
            const { size } = await writeZip(result.files, zipPath)
            written = { zip: zipFile, size, fileCount: result.files.length }
            if (size > ZIP_SIZE_WARNING) {
              packageDiagnostics.push(
                report(RULES.tooLarge, { size: formatBytes(size), limit: formatBytes(ZIP_SIZE_WARNING) }, { file: zipFile }),
              )
            }
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error)
            packageDiagnostics.push(report(RULES.writeFailed, { reason }, { file: zipFile }))
          }
        }
        return {
          module: module.meta.id,
          version: module.meta.version,
          target,
          ...(edition ? { edition } : {}),
          ...written,
          ...(result.state ? { state: result.state } : {}),
          diagnostics: packageDiagnostics,
          durationMs: Math.round(durationMs + performance.now() - writeStarted),
        }
      }),
    )
    for (const entry of reports) {
      packages.push(entry)
      diagnostics.push(...entry.diagnostics)
    }
    const durationMs = Math.round(performance.now() - moduleStarted)
    options.onModule?.({ index: index + 1, total: modules.length, module: module.meta.id, packages: reports, durationMs })
  }

  return {
    diagnostics: sortDiagnostics(diagnostics),
    modules: modules.map(({ dir, meta, idPlace }) => ({ dir, meta, ...(idPlace ? { idPlace } : {}) })),
    packages,
    durationMs: Math.round(performance.now() - started),
  }
}

/** `812 B`, `18.4 kB`, `1.2 MB` (powers of 1000, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1000 * 1000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1000 / 1000).toFixed(1)} MB`
}

/** Stable order, each diagnostic once (a compiler diagnostic may reach us twice). */
function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  const unique = diagnostics.filter((diagnostic) => {
    const key = JSON.stringify(diagnostic)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return unique.sort(compareDiagnostics)
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}

/** Relative to `cwd` with `/` separators when inside it, else absolute (no `../../tmp/x.zip`). */
function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path)
  return relativePath === '..' || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath) ? toPosix(path) : toPosix(relativePath)
}
