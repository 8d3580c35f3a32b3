import { randomUUID } from 'node:crypto'
import { isAbsoluteUrl, launchFile, parseCmi5Xml, parseTincanXml, type Cmi5Descriptor, type TincanDescriptor } from './descriptors.js'
import { readZip } from './unzip.js'
import type { PackageEdition, ScormEdition } from './types.js'

/** A package as the LMS keeps it after import. */
export interface ImportedPackage {
  id: string
  edition: PackageEdition
  /** The launch file: the SCO's href (SCORM), the root activity's `<launch>` (xAPI), the AU's `url` (cmi5). */
  launchHref: string
  /** `adlcp:masteryscore` (1.2), as the LMS would hand it to the SCO. */
  masteryScore?: string
  /** `imsss:minNormalizedMeasure` of a primary objective satisfied by measure (2004). */
  scaledPassingScore?: string
  /** xAPI: the id of the root (launchable) activity of tincan.xml, sent as `activity_id`. */
  activityId?: string
  /** xAPI: what the LMS read from tincan.xml. */
  tincan?: TincanDescriptor
  /** cmi5: what the LMS read from cmi5.xml. */
  cmi5?: Cmi5Descriptor
  /** The descriptor at the zip root, as text: imsmanifest.xml, tincan.xml or cmi5.xml. */
  manifest: string
  files: Map<string, Buffer>
}

/**
 * What an LMS does on upload. The descriptor must sit at the zip root; like SCORM Cloud, a
 * cmi5.xml wins over a tincan.xml, which wins over an imsmanifest.xml. SCORM: the launch file
 * is the href of the first resource that has one (Open edX's rule, the strictest seen).
 * xAPI: the one activity with a `<launch>` is the root. cmi5: one AU, its `url` in the zip
 * unless absolute.
 */
export async function importPackage(zipPath: string): Promise<ImportedPackage> {
  const entries = await readZip(zipPath)
  const files = new Map(entries.map((entry) => [entry.name, entry.data]))
  const id = randomUUID().slice(0, 8)
  const cmi5Xml = files.get('cmi5.xml')?.toString('utf8')
  if (cmi5Xml !== undefined) {
    const cmi5 = describe(zipPath, () => parseCmi5Xml(cmi5Xml))
    requireLaunchFile(zipPath, files, cmi5.au.url)
    return { id, edition: 'cmi5', launchHref: cmi5.au.url, cmi5, manifest: cmi5Xml, files }
  }
  const tincanXml = files.get('tincan.xml')?.toString('utf8')
  if (tincanXml !== undefined) {
    const tincan = describe(zipPath, () => parseTincanXml(tincanXml))
    requireLaunchFile(zipPath, files, tincan.launch)
    return { id, edition: 'xapi', launchHref: tincan.launch, activityId: tincan.activityId, tincan, manifest: tincanXml, files }
  }
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
    id,
    edition,
    launchHref,
    ...(masteryScore === undefined ? {} : { masteryScore }),
    ...(scaledPassingScore === undefined ? {} : { scaledPassingScore }),
    manifest,
    files,
  }
}

function describe<T>(zipPath: string, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    throw new Error(`${zipPath}: ${(error as Error).message}`)
  }
}

function requireLaunchFile(zipPath: string, files: Map<string, Buffer>, href: string): void {
  if (isAbsoluteUrl(href)) return
  if (!files.has(launchFile(href))) throw new Error(`${zipPath}: launch file ${href} is not in the package`)
}
