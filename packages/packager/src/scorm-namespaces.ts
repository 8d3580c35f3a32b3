/** Namespace URIs and schema files of both SCORM editions, as STANDARDS §1.2–1.3 give them. */
export const NS = {
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  imscp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  imsmd12: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  imscp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq2004: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav2004: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  lom: 'http://ltsc.ieee.org/xsd/LOM',
} as const

export type ScormEdition = 'scorm12' | 'scorm2004'

/** What differs between the editions' manifests, keyed by meaning, a column per edition. */
export const EDITIONS = {
  scorm12: {
    name: 'SCORM 1.2',
    cpNamespace: NS.imscp12,
    adlcpNamespace: NS.adlcp12,
    schemaversion: '1.2',
    scormTypeAttribute: 'scormtype',
  },
  scorm2004: {
    name: 'SCORM 2004 4th Edition',
    cpNamespace: NS.imscp2004,
    adlcpNamespace: NS.adlcp2004,
    schemaversion: '2004 4th Edition',
    scormTypeAttribute: 'scormType',
  },
} as const satisfies Record<ScormEdition, {
  name: string
  cpNamespace: string
  adlcpNamespace: string
  schemaversion: string
  scormTypeAttribute: string
}>

/** The schema file of each namespace a manifest may use (one pair per namespace in xsi:schemaLocation). */
export const SCHEMA_FILES: Record<string, string> = {
  [NS.imscp12]: 'imscp_rootv1p1p2.xsd',
  [NS.adlcp12]: 'adlcp_rootv1p2.xsd',
  [NS.imsmd12]: 'imsmd_rootv1p2p1.xsd',
  [NS.imscp2004]: 'imscp_v1p1.xsd',
  [NS.adlcp2004]: 'adlcp_v1p3.xsd',
  [NS.adlseq2004]: 'adlseq_v1p3.xsd',
  [NS.adlnav2004]: 'adlnav_v1p3.xsd',
  [NS.imsss]: 'imsss_v1p0.xsd',
  [NS.lom]: 'lom.xsd',
}

/** An XML NCName as SCORM identifiers use it (ASCII subset: what we generate and what LMSs accept). */
export const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/
