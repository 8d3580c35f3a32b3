import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readZip } from '@cafes/lms-sim'

const SCHEMAS = join(import.meta.dirname, '../../packages/packager/schemas')
/** Wrappers that import every namespace a manifest may use (libxml2 takes one schema). */
const WRAPPER = { scorm12: 'validation/scorm12-core.xsd', scorm2004: 'validation/scorm2004-4th-all.xsd' } as const

export type ScormEdition = keyof typeof WRAPPER

/** Debian's xmllint against the official schemas; throws with its report when the manifest is invalid. */
export function validateManifest(edition: ScormEdition, manifest: Buffer): void {
  const file = join(mkdtempSync(join(tmpdir(), 'cafes-xsd-')), 'imsmanifest.xml')
  writeFileSync(file, manifest)
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, WRAPPER[edition]), file], { stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    const failure = error as { stderr?: Buffer; status?: number }
    throw new Error(`xmllint rejected the ${edition} manifest (exit ${failure.status}):\n${failure.stderr?.toString()}`)
  }
}

/** Validates the manifest of a SCORM zip; returns the zip's entries. */
export async function validatePackage(zipPath: string): Promise<void> {
  const edition: ScormEdition | null = zipPath.endsWith('-scorm12.zip') ? 'scorm12' : zipPath.endsWith('-scorm2004.zip') ? 'scorm2004' : null
  if (edition === null) return
  const manifest = (await readZip(zipPath)).find((entry) => entry.name === 'imsmanifest.xml')
  if (!manifest) throw new Error(`${zipPath} has no imsmanifest.xml at its root`)
  validateManifest(edition, manifest.data)
}
