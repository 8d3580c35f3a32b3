import { readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import {
  hasErrors,
  LOCATION_LIMIT,
  SCORM2004_SUSPEND_DATA_WARNING,
  stateShape,
  SUSPEND_DATA_LIMIT,
  worstCaseStateLength,
  type Diagnostic,
  type TargetId,
} from '@cafes/core'
import type { CompiledModule } from '@cafes/compiler'
import { checkEntryNames } from './entry-names.js'
import { checkDescriptor } from './check-descriptor.js'
import { checkManifest } from './check-manifest.js'
import { cmi5Xml } from './descriptor-cmi5.js'
import { DESCRIPTOR_FORMATS } from './descriptor-formats.js'
import { tincanXml } from './descriptor-tincan.js'
import { launchPage } from './launch-page.js'
import { LAUNCH_PAGE, MANIFEST_FILE, MANIFEST_TITLE_LIMIT, compareBytes, scormManifestModel } from './manifest-model.js'
import { scorm12Manifest } from './manifest-scorm12.js'
import { scorm2004Manifest } from './manifest-scorm2004.js'
import type { PackageFile } from './package-file.js'
import { playerAssets, type PlayerAssetOptions } from './player-assets.js'
import { RULES, report } from './rules.js'
import { schemaFiles } from './schemas.js'
import { isLrsTarget } from './targets.js'

export interface BuildPackageOptions {
  /** Diagnostics name files relative to this folder (the user's working directory). */
  cwd: string
  /**
   * The zip these files are meant for, relative to `cwd`: manifest diagnostics name it.
   * @default `<id>-<version>-<target>.zip`
   */
  zipFile?: string
  /** Where the player's files come from (tests use their own entries). */
  player?: PlayerAssetOptions
}

/** Worst-case size of the learner state against the target's `suspend_data` limit. */
export interface StateSize {
  /** Characters of the longest state the course can produce. */
  length: number
  /** 4096 (SCORM 1.2) or 64000 (SCORM 2004). */
  limit: number
}

export interface PackageResult {
  /** Every file of the package, sorted by the bytes of their paths; empty when there are errors. */
  files: PackageFile[]
  /** Errors and warnings; any error means: write no zip. */
  diagnostics: Diagnostic[]
  /** SCORM targets only. */
  state?: StateSize
}

/** More than this and some LMSs refuse the package (B20; 360Learning stops at 50,000). */
export const FILE_COUNT_WARNING = 10_000

/** The zip's file name: `<id>-<version>-<target>.zip`. */
export function zipFileName(module: Pick<CompiledModule, 'meta'>, target: TargetId): string {
  return `${module.meta.id}-${module.meta.version}-${target}.zip`
}

/**
 * Every file of one module's package for one target: the launch page, the player, the
 * assets and, for SCORM, `imsmanifest.xml` with the edition's schema files; for xAPI
 * `tincan.xml`, for cmi5 `cmi5.xml`. Checks the worst-case learner state against the
 * edition's `suspend_data` limit, page ids against the location limit, entry names, and the
 * generated manifest or descriptor with `checkManifest` or `checkDescriptor` (an error there
 * is a packager bug, and fails the target like any other).
 */
export async function buildPackage(
  module: CompiledModule,
  target: TargetId,
  options: BuildPackageOptions,
): Promise<PackageResult> {
  const moduleFile = toPosix(relative(options.cwd, join(module.dir, 'module.md')))
  const here = { file: moduleFile }
  const { course } = module
  const diagnostics: Diagnostic[] = []
  let state: StateSize | undefined

  if (target === 'scorm12' || target === 'scorm2004') {
    state = { length: worstCaseStateLength(stateShape(course)), limit: SUSPEND_DATA_LIMIT[target] }
    const edition = target === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004'
    if (state.length > state.limit) {
      diagnostics.push(report(RULES.suspendDataTooLarge, { ...state, edition }, here))
    } else if (target === 'scorm2004' && state.length > SCORM2004_SUSPEND_DATA_WARNING) {
      diagnostics.push(report(RULES.suspendDataLarge, { length: state.length, limit: SCORM2004_SUSPEND_DATA_WARNING }, here))
    }
    const element = target === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location'
    for (const page of course.pages) {
      if (page.id.length > LOCATION_LIMIT[target]) {
        diagnostics.push(report(RULES.locationTooLong, { page: page.id, length: page.id.length, limit: LOCATION_LIMIT[target], element }, here))
      }
    }
  }

  const files: PackageFile[] = [{ path: LAUNCH_PAGE, data: Buffer.from(launchPage(course, target)) }]
  try {
    const player = await playerAssets(target, options.player)
    files.push({ path: 'player.js', data: player.js }, { path: 'player.css', data: player.css })
  } catch (error) {
    diagnostics.push(report(RULES.playerBuildFailed, { target, reason: errorMessage(error) }, here))
  }
  // Read synchronously: one thread-pool round trip per asset cost more than the read.
  for (const asset of module.assets) {
    try {
      files.push({ path: asset.path, data: readFileSync(asset.source) })
    } catch (error) {
      const source = toPosix(relative(options.cwd, asset.source))
      diagnostics.push(report(RULES.assetUnreadable, { path: source, reason: errorMessage(error) }, { file: source }))
    }
  }

  const exempt = new Set<string>()
  if (target === 'scorm12' || target === 'scorm2004') {
    const schemas = await schemaFiles(target)
    for (const schema of schemas) exempt.add(schema.path)
    const paths = [...files.map((file) => file.path), ...schemas.map((schema) => schema.path), MANIFEST_FILE]
    const model = scormManifestModel(course, paths)
    if (Array.from(course.title).length > MANIFEST_TITLE_LIMIT) {
      diagnostics.push(report(RULES.titleTruncated, { limit: MANIFEST_TITLE_LIMIT }, here))
    }
    const manifest = target === 'scorm12' ? scorm12Manifest(model) : scorm2004Manifest(model)
    files.push(...schemas, { path: MANIFEST_FILE, data: Buffer.from(manifest) })
    diagnostics.push(
      ...checkManifest({ manifest, files: paths, file: options.zipFile ?? zipFileName(module, target), edition: target }),
    )
  }

  if (isLrsTarget(target)) {
    const descriptor = target === 'xapi' ? tincanXml(course) : cmi5Xml(course)
    files.push({ path: DESCRIPTOR_FORMATS[target].file, data: Buffer.from(descriptor) })
    diagnostics.push(
      ...checkDescriptor({
        descriptor,
        files: files.map((file) => file.path),
        file: options.zipFile ?? zipFileName(module, target),
        format: target,
      }),
    )
  }

  files.sort((a, b) => compareBytes(a.path, b.path))
  diagnostics.push(...checkEntryNames(files.map((file) => file.path), exempt, here))
  if (files.length > FILE_COUNT_WARNING) {
    diagnostics.push(report(RULES.tooManyFiles, { count: files.length, limit: FILE_COUNT_WARNING }, here))
  }
  const result: PackageResult = { files: hasErrors(diagnostics) ? [] : files, diagnostics }
  if (state) result.state = state
  return result
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
