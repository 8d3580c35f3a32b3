import type { ScormManifestModel } from './manifest-model.js'
import { decimal, scormResources } from './manifest-model.js'
import { NS, SCHEMA_FILES } from './scorm-namespaces.js'
import { serializeXml, type XmlElement } from './xml-writer.js'

/** One pair per namespace the manifest uses (CTS): imscp, adlcp, imsss. */
export const SCORM2004_SCHEMA_LOCATION = [NS.imscp2004, NS.adlcp2004, NS.imsss]
  .map((namespace) => `${namespace} ${SCHEMA_FILES[namespace]}`)
  .join(' ')

/**
 * `imsmanifest.xml` for SCORM 2004 4th Edition (CAM 4th; STANDARDS §1.3–1.9).
 * The organization and the item carry `controlMode choice flow` (a Start request needs flow
 * on the root); the item also carries `deliveryControls` with completion and objective set
 * by content (B8), and, when completion is "passed" alone, a primary objective satisfied by
 * measure at the pass mark (B21). Children of `imsss:sequencing` follow the XSD order.
 */
export function scorm2004Manifest(model: ScormManifestModel): string {
  const controlMode: XmlElement = { name: 'imsss:controlMode', attributes: { choice: 'true', flow: 'true' } }
  const objectives: XmlElement[] =
    model.passMark === undefined
      ? []
      : [
          {
            name: 'imsss:objectives',
            children: [
              {
                name: 'imsss:primaryObjective',
                attributes: { objectiveID: 'PRIMARY', satisfiedByMeasure: 'true' },
                children: [{ name: 'imsss:minNormalizedMeasure', children: decimal(model.passMark / 100) }],
              },
            ],
          },
        ]
  const item: XmlElement = {
    name: 'item',
    attributes: { identifier: model.item, identifierref: model.resource },
    children: [
      { name: 'title', children: model.title },
      {
        name: 'imsss:sequencing',
        children: [
          controlMode,
          ...objectives,
          {
            name: 'imsss:deliveryControls',
            attributes: { tracked: 'true', completionSetByContent: 'true', objectiveSetByContent: 'true' },
          },
        ],
      },
    ],
  }
  const root: XmlElement = {
    name: 'manifest',
    attributes: {
      identifier: model.identifier,
      version: model.version,
      xmlns: NS.imscp2004,
      'xmlns:adlcp': NS.adlcp2004,
      'xmlns:adlseq': NS.adlseq2004,
      'xmlns:adlnav': NS.adlnav2004,
      'xmlns:imsss': NS.imsss,
      'xmlns:xsi': NS.xsi,
      'xsi:schemaLocation': SCORM2004_SCHEMA_LOCATION,
    },
    children: [
      {
        name: 'metadata',
        children: [
          { name: 'schema', children: 'ADL SCORM' },
          { name: 'schemaversion', children: '2004 4th Edition' },
        ],
      },
      {
        name: 'organizations',
        attributes: { default: model.organization },
        children: [
          {
            name: 'organization',
            attributes: { identifier: model.organization },
            children: [
              { name: 'title', children: model.title },
              item,
              { name: 'imsss:sequencing', children: [controlMode] },
            ],
          },
        ],
      },
      scormResources(model, 'adlcp:scormType'),
    ],
  }
  return serializeXml(root)
}
