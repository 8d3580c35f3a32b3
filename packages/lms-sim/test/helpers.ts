import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import XAPI from '@xapi/xapi'
import type { LmsSim } from '../src/index.js'

/** Writes a zip of stored (uncompressed) entries: all an LMS import needs, no zip library. */
export function writeZip(files: Record<string, string>): string {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8')
    const data = Buffer.from(text, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  const path = join(mkdtempSync(join(tmpdir(), 'lms-sim-')), 'package.zip')
  writeFileSync(path, Buffer.concat([...locals, directory, end]))
  return path
}

/** The launch page of the test packages: the tests play the AU themselves. */
export const INDEX_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AU</title></head><body>AU</body></html>'
export const COURSE_IRI = 'https://example.com/courses/widgets-101'
export const AU_IRI = 'https://example.com/courses/widgets-101/au/1'

/** A tincan.xml; activities with `launch` are launchable. */
export function tincanXml(activities: { id: string; launch?: string }[]): string {
  const body = activities
    .map((activity) => `    <activity id="${activity.id}" type="http://adlnet.gov/expapi/activities/course">
      <name lang="en-US">Widgets</name>
      <description lang="en-US">Widgets</description>${activity.launch === undefined ? '' : `\n      <launch lang="en-US">${activity.launch}</launch>`}
    </activity>`)
    .join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
${body}
  </activities>
</tincan>`
}

/** Attributes and children of an `au` in `cmi5Xml`. */
export interface AuXml {
  id?: string
  url?: string
  moveOn?: string
  masteryScore?: string
  launchParameters?: string
}

/** A cmi5.xml with one course and these AUs. */
export function cmi5Xml(aus: AuXml[] = [{}]): string {
  const body = aus
    .map((au, index) => {
      const attributes = [`id="${au.id ?? (index === 0 ? AU_IRI : `${AU_IRI}-${index}`)}"`]
      if (au.moveOn) attributes.push(`moveOn="${au.moveOn}"`)
      if (au.masteryScore) attributes.push(`masteryScore="${au.masteryScore}"`)
      return `  <au ${attributes.join(' ')}>
    <title><langstring lang="en-US">AU</langstring></title>
    <description><langstring lang="en-US">AU</langstring></description>${au.launchParameters === undefined ? '' : `\n    <launchParameters>${au.launchParameters}</launchParameters>`}
    <url>${au.url ?? 'index.html'}</url>
  </au>`
    })
    .join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${COURSE_IRI}">
    <title><langstring lang="en-US">Widgets</langstring></title>
    <description><langstring lang="en-US">Widgets</langstring></description>
  </course>
${body}
</courseStructure>`
}

/** Imports a Tin Can package whose root activity is `COURSE_IRI`; its id. */
export async function importTincan(sim: LmsSim, launch = 'index.html'): Promise<string> {
  return (await sim.importPackage(writeZip({ 'tincan.xml': tincanXml([{ id: COURSE_IRI, launch }]), 'index.html': INDEX_HTML }))).id
}

/** Imports a one-AU cmi5 package (`AU_IRI`); its id. */
export async function importCmi5(sim: LmsSim, au: AuXml = {}): Promise<string> {
  return (await sim.importPackage(writeZip({ 'cmi5.xml': cmi5Xml([au]), 'index.html': INDEX_HTML }))).id
}

/** A raw LRS request: `null` leaves the header out; the version defaults to 1.0.3. */
export interface LrsCall {
  method?: string
  auth?: string | null
  version?: string | null
  body?: unknown
  contentType?: string
  headers?: Record<string, string>
}

/** A raw request to the LRS (for the requests a client library would never send). */
export async function lrsFetch(sim: LmsSim, path: string, call: LrsCall = {}): Promise<Response> {
  const headers: Record<string, string> = { ...call.headers }
  if (call.version !== null) headers['X-Experience-API-Version'] = call.version ?? '1.0.3'
  if (call.auth !== null && call.auth !== undefined) headers['Authorization'] = call.auth
  let body: string | undefined
  if (call.body !== undefined) {
    body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body)
    headers['Content-Type'] = call.contentType ?? 'application/json'
  }
  return fetch(`${sim.lrs.endpoint}${path}`, { method: call.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) })
}

/** The oracle client: @xapi/xapi, as content would use it. */
export function xapiClient(sim: LmsSim, auth: string): XAPI {
  return new XAPI({ endpoint: sim.lrs.endpoint, auth, version: '1.0.3' })
}

/** Every non-2xx request, for failure messages. */
export function refusals(sim: LmsSim): string {
  return sim.lrs.requests
    .filter((request) => request.status < 200 || request.status > 299)
    .map((request) => `${request.method} ${request.path} → ${request.status} ${request.reason ?? ''}`)
    .join('\n')
}
