import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Diagnostic } from '@cafes/core'
import { schemasDir, SCORM_NAMESPACES } from '@cafes/packager'
import { report, RULES } from './rules.js'

export type SchemaTarget = 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5'

/** The schema each descriptor is validated against, in `packages/packager/schemas/` (see its NOTICE.md). */
const MAIN_SCHEMA: Record<SchemaTarget, string> = {
  scorm12: 'validation/scorm12-core.xsd',
  scorm2004: 'validation/scorm2004-4th-all.xsd',
  xapi: 'tincan/tincan.xsd',
  cmi5: 'cmi5/CourseStructure.xsd',
}

const IMSMD_SCHEMA = 'scorm12/imsmd_rootv1p2p1.xsd'
const IMSMD_STUB = 'validation/imsmd-skip.xsd'
const SCORM12_WITH_IMSMD = 'validation/scorm12-imsmd-skipped.xsd'

interface SchemaFile {
  fileName: string
  contents: Uint8Array
}

let schemaSet: SchemaFile[] | undefined

/**
 * Every `.xsd` and `.dtd` of the packager's schemas, with its path relative to `schemas/`:
 * xmllint-wasm sees them in its in-memory file system, so relative imports resolve as on
 * disk. Two files are made here: a stand-in for the IMS metadata 1.2 schema, which libxml2
 * 2.13 cannot compile, that declares each of its global elements as "skip what is inside",
 * and the 1.2 wrapper that imports it.
 */
function schemas(): SchemaFile[] {
  if (schemaSet) return schemaSet
  const root = schemasDir()
  const files: SchemaFile[] = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(xsd|dtd)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
    .map((fileName) => ({ fileName, contents: readFileSync(join(root, fileName)) }))
  const imsmd = files.find((schema) => schema.fileName === IMSMD_SCHEMA)
  const names = new Set([...Buffer.from(imsmd?.contents ?? []).toString('utf8').matchAll(/<xsd:element name="([A-Za-z_][\w.-]*)"/g)].map((match) => match[1]!))
  const skip = '<xsd:complexType mixed="true"><xsd:sequence><xsd:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xsd:sequence><xsd:anyAttribute processContents="skip"/></xsd:complexType>'
  const stub = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="${SCORM_NAMESPACES.imsmd12}" elementFormDefault="qualified">
${[...names].map((name) => `  <xsd:element name="${name}">${skip}</xsd:element>`).join('\n')}
</xsd:schema>
`
  const core = files.find((schema) => schema.fileName === MAIN_SCHEMA.scorm12)
  const wrapper = Buffer.from(core?.contents ?? [])
    .toString('utf8')
    .replace('</xsd:schema>', `  <xsd:import namespace="${SCORM_NAMESPACES.imsmd12}" schemaLocation="imsmd-skip.xsd"/>\n</xsd:schema>`)
  files.push({ fileName: IMSMD_STUB, contents: Buffer.from(stub) }, { fileName: SCORM12_WITH_IMSMD, contents: Buffer.from(wrapper) })
  schemaSet = files
  return files
}

export interface XsdInput {
  target: SchemaTarget
  /** The descriptor's bytes (xmllint reads the encoding it declares). */
  xml: Uint8Array
  /** Its name inside the zip, e.g. `imsmanifest.xml`. */
  name: string
  /** What diagnostics name, e.g. `out/x.zip!imsmanifest.xml`. */
  file: string
  /** Namespaces the document uses (SCORM 1.2: inline IMS metadata is skipped, with a warning). */
  namespaces?: readonly string[]
}

/**
 * Validates a descriptor against its official schema with xmllint-wasm (libxml2 2.13, in a
 * worker thread; no native binary, no network): one diagnostic per validity error, at the
 * line xmllint gives (it gives no column).
 */
export async function validateSchema(input: XsdInput): Promise<Diagnostic[]> {
  const { validateXML } = await import('xmllint-wasm')
  const diagnostics: Diagnostic[] = []
  let main = MAIN_SCHEMA[input.target]
  if (input.target === 'scorm12' && input.namespaces?.includes(SCORM_NAMESPACES.imsmd12)) {
    main = SCORM12_WITH_IMSMD
    diagnostics.push(report(RULES.schemaSubtreeSkipped, { namespace: SCORM_NAMESPACES.imsmd12 }, { file: input.file }))
  }
  const all = schemas()
  const schema = all.find((candidate) => candidate.fileName === main)!
  // The instance must not collide with a schema's path in the in-memory file system.
  const instance = `instance/${input.name.slice(input.name.lastIndexOf('/') + 1)}`
  let result: Awaited<ReturnType<typeof validateXML>>
  try {
    result = await validateXML({
      xml: [{ fileName: instance, contents: input.xml }],
      schema: [schema],
      preload: all.filter((candidate) => candidate !== schema),
      maxMemoryPages: 16 * 1024,
    })
  } catch (error) {
    diagnostics.push(report(RULES.schemaUnavailable, { reason: error instanceof Error ? error.message : String(error) }, { file: input.file }))
    return diagnostics
  }
  for (const error of result.errors) {
    if (error.loc?.fileName !== instance) continue
    if (!/error/i.test(error.message)) continue
    const reason = error.message
      .replace(/^.*?(Schemas validity error|parser error)\s*:\s*/, '')
      .replace(/\{[^}]*\}/g, '')
      .replace(/\.$/, '')
    diagnostics.push(report(RULES.schemaInvalid, { reason }, { file: input.file, line: error.loc.lineNumber }))
  }
  if (!result.valid && !diagnostics.some((diagnostic) => diagnostic.ruleId === RULES.schemaInvalid.id)) {
    diagnostics.push(report(RULES.schemaInvalid, { reason: result.rawOutput.trim().split('\n').at(-1) ?? 'unknown' }, { file: input.file }))
  }
  return diagnostics
}
