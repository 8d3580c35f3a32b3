import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { schemaFiles, schemasDir } from './schemas.js'

/** `git hash-object`: the blob ids NOTICE.md gives for the official files. */
function blobId(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex')
}

describe('schemas', () => {
  const notice = readFileSync(join(schemasDir(), 'NOTICE.md'), 'utf8')
  const blobs = new Map(
    [...notice.matchAll(/^\| `([^`]+)` \| `([0-9a-f]{40})` \|/gm)].map((match) => [match[1]!, match[2]!] as const),
  )

  it('ships the four SCORM 1.2 files, byte-identical to the sources NOTICE.md names', async () => {
    const files = await schemaFiles('scorm12')
    expect(files.map((file) => file.path)).toEqual(['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'])
    for (const file of files) {
      expect(blobId(file.data), file.path).toBe(blobs.get(file.path))
      expect(file.data.includes('\r\n'), `${file.path} keeps its CRLF`).toBe(true)
    }
  })

  it('ships the whole SCORM 2004 4th Edition set, sub-folders kept, byte-identical', async () => {
    const files = await schemaFiles('scorm2004')
    expect(files).toHaveLength(36)
    expect(files.map((file) => file.path)).toContain('common/anyElement.xsd')
    expect(files.map((file) => file.path)).toContain('XMLSchema.dtd')
    for (const file of files) expect(blobId(file.data), file.path).toBe(blobs.get(file.path))
  })

  it('keeps the Tin Can and cmi5 schemas byte-identical, for validation only', () => {
    for (const [path, name] of [['tincan/tincan.xsd', 'tincan.xsd'], ['cmi5/CourseStructure.xsd', 'CourseStructure.xsd']] as const) {
      expect(blobId(readFileSync(join(schemasDir(), path))), path).toBe(blobs.get(name))
    }
  })

  it('reads each edition once', async () => {
    expect(await schemaFiles('scorm12')).toBe(await schemaFiles('scorm12'))
  })
})
