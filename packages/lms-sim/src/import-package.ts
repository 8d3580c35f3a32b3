import { randomUUID } from 'node:crypto'
import { readZip } from './unzip.js'
import type { ScormEdition } from './types.js'

export interface ImportedPackage {
  id: string
  edition: ScormEdition
  /** The SCO's launch file, from the manifest. */
  launchHref: string
  /** `adlcp:masteryscore` (1.2), as the LMS would hand it to the SCO. */
  masteryScore?: string
  /** `imsss:minNormalizedMeasure` of a primary objective satisfied by measure (2004). */
  scaledPassingScore?: string
  manifest: string
  files: Map<string, Buffer>
}

/**
 * What an LMS does on upload: the manifest must sit at the zip root; the launch file is the
 * href of the first resource that has one (Open edX's rule, the strictest seen).
 */
export async function importPackage(zipPath: string): Promise<ImportedPackage> {
  const entries = await readZip(zipPath)
  const files = new Map(entries.map((entry) => [entry.name, entry.data]))
  const manifest = files.get('imsmanifest.xml')?.toString('utf8')
  if (manifest === undefined) throw new Error(`${zipPath}: no imsmanifest.xml at the root of the package`)
  const edition: ScormEdition = manifest.includes('http://www.imsglobal.org/xsd/imscp_v1p1') ? 'scorm2004' : 'scorm12'
  const href = /<resource\b[^>]*\bhref="([^"]+)"/.exec(manifest)?.[1]
  if (href === undefined) throw new Error(`${zipPath}: no resource with a launch href`)
  const launchHref = href.replace(/&amp;/g, '&')
  if (!files.has(launchHref.split(/[?#]/)[0]!)) throw new Error(`${zipPath}: launch file ${launchHref} is not in the package`)
  const masteryScore = /<adlcp:masteryscore>\s*([^<\s]+)\s*<\/adlcp:masteryscore>/.exec(manifest)?.[1]
  const scaledPassingScore = /satisfiedByMeasure="true"[\s\S]*?<imsss:minNormalizedMeasure>\s*([^<\s]+)\s*</.exec(manifest)?.[1]
  return {
    id: randomUUID().slice(0, 8),
    edition,
    launchHref,
    ...(masteryScore === undefined ? {} : { masteryScore }),
    ...(scaledPassingScore === undefined ? {} : { scaledPassingScore }),
    manifest,
    files,
  }
}
