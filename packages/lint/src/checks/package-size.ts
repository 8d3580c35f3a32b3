/**
 * File count and weight of the package against what LMSs accept (LMS-PROFILES B20 and §2): the
 * module's files, plus the files every package carries (launch page, player, descriptor, schemas).
 */
import { stat } from 'node:fs/promises'
import type { Diagnostic } from '@cafes/core'
import { FILE_COUNT_WARNING, formatBytes, ZIP_SIZE_WARNING } from '@cafes/packager'
import { modulePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'

/** Documented caps, smallest first (LMS-PROFILES §2: vendors' help pages). */
export const LMS_SIZE_LIMITS: ReadonlyArray<{ lms: string; bytes: number }> = [
  { lms: 'CrossKnowledge', bytes: 200 * 1000 * 1000 },
  { lms: 'Cornerstone Course Publisher', bytes: 250 * 1000 * 1000 },
  { lms: 'Rise Up', bytes: 1000 * 1000 * 1000 },
  { lms: 'Docebo (xAPI)', bytes: 1024 * 1000 * 1000 },
  { lms: '360Learning', bytes: 1500 * 1000 * 1000 },
]
export const LMS_FILE_LIMITS: ReadonlyArray<{ lms: string; files: number }> = [{ lms: '360Learning', files: 50_000 }]

/** Launch page, player script and style, descriptor: the least a package adds to the module's files. */
const PACKAGE_OWN_FILES = 4

export const checkPackageSize: LintCheck = async (context) => {
  const found: Diagnostic[] = []
  const place = modulePlace(context)
  const count = context.module.assets.length + PACKAGE_OWN_FILES
  if (count > FILE_COUNT_WARNING) {
    const refusedBy = named(LMS_FILE_LIMITS.filter((limit) => count > limit.files).map((limit) => `${limit.lms} (${limit.files.toLocaleString('en')})`))
    found.push(lintDiagnostic(LINT_RULES.packageTooManyFiles, { count, limit: FILE_COUNT_WARNING, refusedBy }, place))
  }
  const sources = [...new Set(context.module.assets.map((asset) => asset.source))]
  const sizes = new Map(await Promise.all(sources.map(async (source) => [source, await stat(source).then((stats) => stats.size, () => 0)] as const)))
  const bytes = context.module.assets.reduce((sum, asset) => sum + (sizes.get(asset.source) ?? 0), 0)
  if (bytes > ZIP_SIZE_WARNING) {
    const refusedBy = named(LMS_SIZE_LIMITS.filter((limit) => bytes > limit.bytes).map((limit) => `${limit.lms} (${formatBytes(limit.bytes)})`))
    found.push(lintDiagnostic(LINT_RULES.packageTooLarge, { size: formatBytes(bytes), limit: formatBytes(ZIP_SIZE_WARNING), refusedBy }, place))
  }
  return found
}

function named(refusals: string[]): string {
  return refusals.length === 0 ? '' : `, and ${refusals.join(', ')} refuse${refusals.length === 1 ? 's' : ''} this one`
}
