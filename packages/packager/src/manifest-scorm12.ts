import type { ScormManifestModel } from './manifest-model.js'
import { decimal, scormResources } from './manifest-model.js'
import { NS, SCHEMA_FILES } from './scorm-namespaces.js'
import { serializeXml, type XmlElement } from './xml-writer.js'

/** The four SCORM 1.2 control documents, shipped at the zip root. */
export const SCORM12_SCHEMA_LOCATION = [NS.imscp12, NS.imsmd12, NS.adlcp12]
  .map((namespace) => `${namespace} ${SCHEMA_FILES[namespace]}`)
  .join(' ')

/**
 * `imsmanifest.xml` for SCORM 1.2 (CAM 1.2; STANDARDS §1.3): no inline IMS metadata,
 * `adlcp:scormtype` with a lower-case t, `adlcp:masteryscore` only when completion is
 * "passed" alone (B21).
 */
export function scorm12Manifest(model: ScormManifestModel): string {
  const item: XmlElement = {
    name: 'item',
    attributes: { identifier: model.item, identifierref: model.resource, isvisible: 'true' },
    children: [
      { name: 'title', children: model.title },
      ...(model.passMark === undefined ? [] : [{ name: 'adlcp:masteryscore', children: decimal(model.passMark) }]),
    ],
  }
  const root: XmlElement = {
    name: 'manifest',
    attributes: {
      identifier: model.identifier,
      version: model.version,
      xmlns: NS.imscp12,
      'xmlns:adlcp': NS.adlcp12,
      'xmlns:xsi': NS.xsi,
      'xsi:schemaLocation': SCORM12_SCHEMA_LOCATION,
    },
    children: [
      {
        name: 'metadata',
        children: [
          { name: 'schema', children: 'ADL SCORM' },
          { name: 'schemaversion', children: '1.2' },
        ],
      },
      {
        name: 'organizations',
        attributes: { default: model.organization },
        children: [
          {
            name: 'organization',
            attributes: { identifier: model.organization },
            children: [{ name: 'title', children: model.title }, item],
          },
        ],
      },
      scormResources(model, 'adlcp:scormtype'),
    ],
  }
  return serializeXml(root)
}
