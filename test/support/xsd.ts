import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readZip } from '@cafes/lms-sim'

const SCHEMAS = join(import.meta.dirname, '../../packages/packager/schemas')
/** Wrappers that import every namespace a manifest may use (libxml2 takes one schema). */
const WRAPPER = { scorm12: 'validation/scorm12-core.xsd', scorm2004: 'validation/scorm2004-4th-all.xsd' } as const
/** The descriptor of each LRS target, and its schema (one file each: no wrapper needed). */
const DESCRIPTOR = {
  xapi: { file: 'tincan.xml', schema: 'tincan/tincan.xsd' },
  cmi5: { file: 'cmi5.xml', schema: 'cmi5/CourseStructure.xsd' },
} as const

export type ScormEdition = keyof typeof WRAPPER
export type DescriptorFormat = keyof typeof DESCRIPTOR

/** Debian's xmllint against the official schemas; throws with its report when the manifest is invalid. */
export function validateManifest(edition: ScormEdition, manifest: Buffer): void {
  xmllint(join(SCHEMAS, WRAPPER[edition]), 'imsmanifest.xml', manifest, `the ${edition} manifest`)
}

/** Debian's xmllint against `tincan.xsd` or `CourseStructure.xsd`; throws with its report when the descriptor is invalid. */
export function validateDescriptor(format: DescriptorFormat, descriptor: Buffer): void {
  xmllint(join(SCHEMAS, DESCRIPTOR[format].schema), DESCRIPTOR[format].file, descriptor, DESCRIPTOR[format].file)
}

function xmllint(schema: string, name: string, data: Buffer, what: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'cafes-xsd-')), name)
  writeFileSync(file, data)
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    const failure = error as { stderr?: Buffer; status?: number }
    throw new Error(`xmllint rejected ${what} (exit ${failure.status}):\n${failure.stderr?.toString()}`)
  }
}

/** Validates the manifest of a SCORM zip, or the descriptor of an xAPI or cmi5 zip; web zips have neither. */
export async function validatePackage(zipPath: string): Promise<void> {
  const target = /-(scorm12|scorm2004|xapi|cmi5)\.zip$/.exec(zipPath)?.[1] as ScormEdition | DescriptorFormat | undefined
  if (target === undefined) return
  const entries = await readZip(zipPath)
  if (target === 'xapi' || target === 'cmi5') {
    const { file } = DESCRIPTOR[target]
    const descriptor = entries.find((entry) => entry.name === file)
    if (!descriptor) throw new Error(`${zipPath} has no ${file} at its root`)
    validateDescriptor(target, descriptor.data)
    return
  }
  const manifest = entries.find((entry) => entry.name === 'imsmanifest.xml')
  if (!manifest) throw new Error(`${zipPath} has no imsmanifest.xml at its root`)
  validateManifest(target, manifest.data)
}
