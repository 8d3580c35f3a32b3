import { stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { compareDiagnostics, type Diagnostic } from '@cafes/core'
import {
  checkDescriptor, checkEntryNames, checkManifest, FILE_COUNT_WARNING, formatBytes, scormManifestInfo, ZIP_SIZE_WARNING,
} from '@cafes/packager'
import { findDescriptor, type FoundDescriptor } from './find-descriptor.js'
import type { LaunchReport } from './launch/launch-package.js'
import { readPackageZip } from './read-zip.js'
import { report, RULES } from './rules.js'
import { validateSchema } from './xsd.js'
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits.js'

export type PackageFormat = 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5' | 'web' | 'unknown'

export interface ValidateOptions {
  /** Also play the package in headless Chromium against lms-sim (`--launch`). @default false */
  launch?: boolean
  /** Diagnostics name the zip relative to this folder. @default process.cwd() */
  cwd?: string
  /** Caps under which the zip is read at all. @default DEFAULT_ZIP_LIMITS */
  limits?: Partial<ZipLimits>
}

export interface ValidationReport {
  /** The zip, relative to `cwd` (`/` separators) when inside it, else absolute. */
  file: string
  format: PackageFormat
  /** SCORM only: `1.2`, `2004 2nd Edition`, `2004 3rd Edition` or `2004 4th Edition`. */
  edition?: string
  /** Sorted for printing; any error means the package should not be uploaded. */
  diagnostics: Diagnostic[]
  /** Files in the zip (folder entries left out). */
  files: number
  /** Bytes of the zip. */
  size: number
  /** Set when `launch` was asked for and the package could be launched. */
  launch?: LaunchReport
}

/** `schemaversion` → edition, as LMSs pick the run-time from it (STANDARDS §1.5). */
const SCORM2004_EDITIONS: Record<string, string> = {
  '2004 4th Edition': '2004 4th Edition',
  '2004 3rd Edition': '2004 3rd Edition',
  'CAM 1.3': '2004 2nd Edition',
}

/** Package size limits LMSs document (LMS-PROFILES.md §1a), smallest first. */
const LMS_SIZE_LIMITS: readonly { bytes: number; who: string }[] = [
  { bytes: ZIP_SIZE_WARNING, who: 'CrossKnowledge and some other LMSs' },
  { bytes: 1000 * 1000 * 1000, who: 'Rise Up and eSuite' },
  { bytes: 1500 * 1000 * 1000, who: '360Learning' },
]
/** 360Learning refuses a package that unpacks to more than this many times its size. */
const LMS_MAX_RATIO = 200
/** `--launch` loads the package into lms-sim's memory: not above this. */
const LAUNCH_MAX_BYTES = 512 * 1024 * 1024

/**
 * Validates any SCORM 1.2, SCORM 2004 (2nd–4th Edition), Tin Can, cmi5 or web zip, made by
 * cafes or any other tool: zip hygiene (hostile archives refused unread), the descriptor at
 * the root, XSD validation against the official schemas, the packager's own checks of what
 * XSD misses (ADL CTS rules), LMS limits; with `launch`, a play in headless Chromium.
 * Never throws for a bad zip: every problem is a diagnostic.
 */
export async function validatePackage(zipPath: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const cwd = options.cwd ?? process.cwd()
  const absolute = resolve(cwd, zipPath)
  const file = displayPath(absolute, cwd)
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits }
  const result: ValidationReport = { file, format: 'unknown', diagnostics: [], files: 0, size: 0 }
  const finish = (): ValidationReport => {
    result.diagnostics = sortUnique(result.diagnostics)
    return result
  }

  const kind = await stat(absolute).then((stats) => (stats.isFile() ? 'file' : 'folder'), () => 'missing')
  if (kind !== 'file') {
    result.diagnostics.push(report(RULES.zipUnreadable, { reason: kind === 'missing' ? 'it does not exist' : 'it is a folder' }, { file }))
    return finish()
  }

  let found: FoundDescriptor = { kind: 'unknown', prefix: '', diagnostics: [] }
  const zip = await readPackageZip(absolute, {
    file,
    limits,
    keep: (paths) => {
      found = findDescriptor(paths, file)
      return found.path !== undefined && found.kind !== 'web' ? [found.path] : []
    },
  })
  result.diagnostics.push(...zip.diagnostics)
  result.size = zip.zipSize
  result.files = zip.files.length
  if (zip.refused) return finish()

  result.diagnostics.push(...found.diagnostics)
  const paths = zip.files.map((entry) => entry.path)
  // Case clashes and extensions LMSs refuse: the packager's rules. Its stricter name rule
  // (lower-case ASCII) is for what cafes writes, not for other tools' packages.
  result.diagnostics.push(...checkEntryNames(paths, new Set(paths), { file }))
  result.diagnostics.push(...lmsLimits(zip.files.length, zip.zipSize, zip.files.reduce((sum, entry) => sum + entry.size, 0), file))

  const inner = paths.filter((path) => path.startsWith(found.prefix)).map((path) => path.slice(found.prefix.length))
  const bytes = found.path === undefined ? undefined : zip.kept.get(found.path)
  const xmlFile = `${file}!${found.path ?? ''}`
  if (found.kind === 'web') result.format = 'web'
  if (bytes !== undefined && found.path !== undefined) {
    const text = decodeXml(bytes)
    if (found.kind === 'scorm') {
      const info = scormManifestInfo(text)
      result.format = info?.edition ?? 'unknown'
      if (info?.edition === 'scorm12') result.edition = '1.2'
      if (info?.edition === 'scorm2004') {
        result.edition = SCORM2004_EDITIONS[info.schemaversion ?? ''] ?? '2004 4th Edition'
        if (result.edition !== '2004 4th Edition' && info.schemaversion !== undefined) {
          result.diagnostics.push(report(RULES.editionOlder, { edition: result.edition }, { file }))
        }
      }
      const checks = checkManifest({ manifest: text, files: inner, file: xmlFile })
      result.diagnostics.push(...checks.map((diagnostic) => placed(diagnostic, file)))
      if (info) {
        result.diagnostics.push(...(await validateSchema({ target: info.edition, xml: bytes, name: found.path, file: xmlFile, namespaces: info.namespaces })))
      }
    } else if (found.kind === 'xapi' || found.kind === 'cmi5') {
      result.format = found.kind
      const checks = checkDescriptor({ descriptor: text, files: inner, file: xmlFile, format: found.kind })
      result.diagnostics.push(...checks.map((diagnostic) => placed(diagnostic, file)))
      if (!checks.some((diagnostic) => diagnostic.ruleId === 'descriptor-not-well-formed')) {
        result.diagnostics.push(...(await validateSchema({ target: found.kind, xml: bytes, name: found.path, file: xmlFile })))
      }
    }
  }

  if (options.launch === true) {
    const unpacked = zip.files.reduce((sum, entry) => sum + entry.size, 0)
    if (result.format === 'unknown') {
      result.diagnostics.push(report(RULES.launchSkipped, { reason: 'its format is unknown' }, { file }))
    } else if (found.prefix !== '') {
      result.diagnostics.push(report(RULES.launchSkipped, { reason: 'its descriptor is not at the root' }, { file }))
    } else if (unpacked > LAUNCH_MAX_BYTES) {
      result.diagnostics.push(report(RULES.launchSkipped, { reason: `it unpacks to ${formatBytes(unpacked)}, over the ${formatBytes(LAUNCH_MAX_BYTES)} a launch loads` }, { file }))
    } else {
      const { launchPackage } = await import('./launch/launch-package.js')
      const launched = await launchPackage(absolute, result.format, file)
      result.diagnostics.push(...launched.diagnostics)
      if (launched.report.steps.length > 0) result.launch = launched.report
    }
  }
  return finish()
}

function lmsLimits(count: number, size: number, unpacked: number, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  if (count > FILE_COUNT_WARNING) {
    diagnostics.push(report(RULES.lmsTooManyFiles, { count, limit: FILE_COUNT_WARNING, who: 'some LMSs (the B20 default)' }, { file }))
  }
  for (const limit of LMS_SIZE_LIMITS) {
    if (size > limit.bytes) diagnostics.push(report(RULES.lmsTooLarge, { size: formatBytes(size), limit: formatBytes(limit.bytes), who: limit.who }, { file }))
  }
  const ratio = unpacked / Math.max(size, 1)
  if (ratio > LMS_MAX_RATIO) diagnostics.push(report(RULES.lmsCompressionRatio, { ratio: Math.round(ratio), limit: LMS_MAX_RATIO }, { file }))
  return diagnostics
}

/** A checker diagnostic with no line in the descriptor names the zip itself. */
function placed(diagnostic: Diagnostic, zipFile: string): Diagnostic {
  return diagnostic.line === undefined ? { ...diagnostic, file: zipFile } : diagnostic
}

/** The text of a descriptor in the encoding its XML declaration names (UTF-8 when none, or unknown). */
function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  const declared = /^(?:\uFEFF)?<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes)
  } catch {
    return bytes.toString('utf8')
  }
}

function displayPath(absolute: string, cwd: string): string {
  const path = relative(cwd, absolute)
  return path === '' || path.startsWith('..') || isAbsolute(path) ? absolute.split(sep).join('/') : path.split(sep).join('/')
}

function sortUnique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return [...diagnostics]
    .filter((diagnostic) => {
      const key = JSON.stringify(diagnostic)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .sort(compareDiagnostics)
}
