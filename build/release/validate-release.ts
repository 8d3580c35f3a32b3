import { basename, join } from 'node:path'
import type { Diagnostic } from '@cafes/core'
import { checkDescriptor, checkManifest, DESCRIPTOR_FORMATS, LAUNCH_PAGE, MANIFEST_FILE, schemasDir } from '@cafes/packager'
import { report, RULES, type Place } from './rules.js'
import { xmllint } from './xmllint.js'
import { readZipContents } from './zip-entries.js'

/**
 * What each kind of release zip must hold at its root, and the official schema it follows
 * (the wrappers of `schemas/validation/` import every namespace a manifest may use: libxml2
 * takes one schema).
 */
const KINDS = {
  scorm12: { entry: MANIFEST_FILE, schema: 'validation/scorm12-core.xsd', standard: 'SCORM 1.2' },
  scorm2004: { entry: MANIFEST_FILE, schema: 'validation/scorm2004-4th-all.xsd', standard: 'SCORM 2004 4th edition' },
  xapi: { entry: DESCRIPTOR_FORMATS.xapi.file, schema: 'tincan/tincan.xsd', standard: 'Tin Can' },
  cmi5: { entry: DESCRIPTOR_FORMATS.cmi5.file, schema: 'cmi5/CourseStructure.xsd', standard: 'cmi5 course structure' },
  web: { entry: LAUNCH_PAGE, schema: undefined, standard: 'web' },
  facilitator: { entry: 'index.html', schema: undefined, standard: 'facilitator edition' },
} as const

type ZipKind = keyof typeof KINDS

export interface ValidateReleaseOptions {
  /**
   * The name diagnostics give the zip (relative to the working directory).
   * @default `zipPath`
   */
  file?: string
}

/**
 * Checks one release zip: it reads back, holds its manifest, descriptor or launch page, whose
 * XML follows the official schema (Debian's xmllint) and passes the checks a schema cannot
 * make (`checkManifest`, `checkDescriptor`). The kind comes from the name,
 * `<id>-<version>-<target|facilitator>.zip`. Resolves to the problems found, never rejects.
 *
 * The one place the release validates a package: `@cafes/validate`'s `validatePackage` is meant
 * to take its place.
 */
export async function validateRelease(zipPath: string, options: ValidateReleaseOptions = {}): Promise<Diagnostic[]> {
  const place: Place = { file: options.file ?? zipPath }
  const kind = zipKind(basename(zipPath))
  if (kind === undefined) return [report(RULES.zipKindUnknown, { name: basename(zipPath) }, place)]
  const { entry, schema, standard } = KINDS[kind]
  let contents: Awaited<ReturnType<typeof readZipContents>>
  try {
    contents = await readZipContents(zipPath, new Set([entry]))
  } catch (error) {
    return [report(RULES.zipUnreadable, { reason: error instanceof Error ? error.message : String(error) }, place)]
  }
  const data = contents.data.get(entry)
  if (data === undefined) return [report(RULES.entryMissing, { entry, kind: standard }, place)]
  if (schema === undefined) return []

  const diagnostics: Diagnostic[] = []
  const result = await xmllint(join(schemasDir(), schema), data)
  if (!result.ok) {
    if ('unavailable' in result) diagnostics.push(report(RULES.xmllintMissing, { reason: result.unavailable }, place))
    else {
      for (const problem of result.problems) {
        diagnostics.push(report(RULES.schemaInvalid, { entry, standard, line: problem.line, reason: problem.message }, place))
      }
    }
  }
  const text = data.toString('utf8')
  if (kind === 'scorm12' || kind === 'scorm2004') {
    diagnostics.push(...checkManifest({ manifest: text, files: contents.names, file: place.file, edition: kind }))
  } else if (kind === 'xapi' || kind === 'cmi5') {
    diagnostics.push(...checkDescriptor({ descriptor: text, files: contents.names, file: place.file, format: kind }))
  }
  return diagnostics
}

function zipKind(name: string): ZipKind | undefined {
  const suffix = /-([a-z0-9]+)\.zip$/.exec(name)?.[1]
  return suffix !== undefined && Object.hasOwn(KINDS, suffix) ? (suffix as ZipKind) : undefined
}
