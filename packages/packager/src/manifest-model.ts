import type { Course } from '@cafes/core'
import type { XmlElement } from './xml-writer.js'

/**
 * What a SCORM manifest says about one module, whatever the edition: one organization,
 * one item, one SCO resource (first, B7) and one asset resource with the shared files.
 * Identifiers derive from the module id only, never from its version, so an LMS can
 * replace a package in place and keep the learners' records (B5).
 */
export interface ScormManifestModel {
  /** `cafes.<id>`: an NCName even when the id starts with a digit. */
  identifier: string
  /** The module version (`version` attribute, ≤ 20 characters). */
  version: string
  /** At most `MANIFEST_TITLE_LIMIT` characters. */
  title: string
  organization: string
  item: string
  resource: string
  sharedResource: string
  /** The launch page, the SCO resource's href and only file. */
  launch: string
  /** Files of the asset resource: everything but the launch page, schemas and the manifest, sorted. */
  sharedFiles: string[]
  /** 0–100, only when completion is "passed" alone (B21): masteryscore / minNormalizedMeasure. */
  passMark?: number
}

export const LAUNCH_PAGE = 'index.html'
export const MANIFEST_FILE = 'imsmanifest.xml'
/** Titles longer than this fail the SCORM 1.2 XSD and draw a CTS warning in 2004. */
export const MANIFEST_TITLE_LIMIT = 200

export function scormManifestModel(course: Course, packagePaths: readonly string[]): ScormManifestModel {
  const model: ScormManifestModel = {
    identifier: `cafes.${course.id}`,
    version: course.version,
    title: truncate(course.title, MANIFEST_TITLE_LIMIT),
    organization: `ORG-${course.id}`,
    item: `ITEM-${course.id}`,
    resource: `RES-${course.id}`,
    sharedResource: `RES-${course.id}-shared`,
    launch: LAUNCH_PAGE,
    sharedFiles: packagePaths
      .filter((path) => path !== LAUNCH_PAGE && path !== MANIFEST_FILE && !/\.(xsd|dtd)$/i.test(path))
      .sort(compareBytes),
  }
  if (course.completion === 'passed' && course.passMark !== undefined) model.passMark = course.passMark
  return model
}

/** Cuts at a code point boundary. */
export function truncate(text: string, limit: number): string {
  const characters = Array.from(text)
  return characters.length <= limit ? text : characters.slice(0, limit).join('')
}

/** Byte order of the UTF-8 encodings (code point order), as zip entries are sorted. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

/** A decimal without exponent: 0.8, 0.75, 1. */
export function decimal(value: number): string {
  const text = String(value)
  return /e/i.test(text) ? value.toFixed(12).replace(/\.?0+$/, '') : text
}

/**
 * `<resources>` of both editions: the SCO first (B7), with its launch file and a dependency on
 * the asset resource that lists the shared files. Only the SCORM-type attribute's spelling differs.
 */
export function scormResources(model: ScormManifestModel, scormTypeAttribute: 'adlcp:scormtype' | 'adlcp:scormType'): XmlElement {
  return {
    name: 'resources',
    children: [
      {
        name: 'resource',
        attributes: { identifier: model.resource, type: 'webcontent', [scormTypeAttribute]: 'sco', href: model.launch },
        children: [
          { name: 'file', attributes: { href: model.launch } },
          { name: 'dependency', attributes: { identifierref: model.sharedResource } },
        ],
      },
      {
        name: 'resource',
        attributes: { identifier: model.sharedResource, type: 'webcontent', [scormTypeAttribute]: 'asset' },
        children: model.sharedFiles.map((path) => ({ name: 'file', attributes: { href: path } })),
      },
    ],
  }
}
