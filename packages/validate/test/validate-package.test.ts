import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { validatePackage, type ValidationReport } from '../src/index.js'
import { buildOurs, editText, packageFrom, rezip, saveZip, TARGETS, type Target } from './corpus.js'
import { deflatedZeros, writeTestZip, type TestEntry } from './zip-writer.js'

let ours: Record<Target, string>

beforeAll(async () => {
  ours = await buildOurs()
}, 120_000)

const ruleIds = (report: ValidationReport, severity?: 'error' | 'warning'): string[] =>
  report.diagnostics.filter((diagnostic) => severity === undefined || diagnostic.severity === severity).map((diagnostic) => diagnostic.ruleId)
const errors = (report: ValidationReport): string[] => ruleIds(report, 'error')

describe('validatePackage on good packages', () => {
  it.each(TARGETS)('accepts our %s zip with no diagnostic', async (target) => {
    const report = await validatePackage(ours[target])
    expect(report.diagnostics).toEqual([])
    expect(report.format).toBe(target)
    expect(report.files).toBeGreaterThan(3)
    expect(report.size).toBe(readFileSync(ours[target]).length)
    expect(report.edition).toBe(target === 'scorm12' ? '1.2' : target === 'scorm2004' ? '2004 4th Edition' : undefined)
  })

  it('names the zip relative to cwd', async () => {
    const report = await validatePackage(ours.xapi, { cwd: join(ours.xapi, '..', '..') })
    expect(report.file).toMatch(/^[^/]+\/demo-quiz-[\d.]+-xapi\.zip$/)
  })

  it('accepts a multi-SCO 1.2 package with inline IMS metadata, which xmllint-wasm skips with a warning', async () => {
    const zip = saveZip(await packageFrom('scorm12-imsmanifest-multisco.xml', 'imsmanifest.xml', { edition: 'scorm12' }))
    const report = await validatePackage(zip)
    expect(report).toMatchObject({ format: 'scorm12', edition: '1.2' })
    expect(ruleIds(report)).toEqual(['descriptor-schema-skipped'])
  })

  it('still validates the rest of a manifest with inline IMS metadata', async () => {
    const zip = saveZip(
      await packageFrom('scorm12-imsmanifest-multisco.xml', 'imsmanifest.xml', {
        edition: 'scorm12',
        edit: (text) => text.replace('<organizations default="ORG-1">', '<organizations default="ORG-1"><bogus/>'),
      }),
    )
    const report = await validatePackage(zip)
    expect(errors(report)).toEqual(['descriptor-schema-invalid'])
    const invalid = report.diagnostics.find((diagnostic) => diagnostic.ruleId === 'descriptor-schema-invalid')!
    expect(invalid.file).toBe(`${report.file}!imsmanifest.xml`)
    expect(invalid.line).toBe(30)
    expect(invalid.message).toContain("Element 'bogus'")
  })

  it('accepts a multi-SCO 2004 4th Edition package with sequencing, LOM and shared data', async () => {
    const zip = saveZip(await packageFrom('scorm2004-imsmanifest-multisco.xml', 'imsmanifest.xml', { edition: 'scorm2004' }))
    const report = await validatePackage(zip)
    expect(report).toMatchObject({ format: 'scorm2004', edition: '2004 4th Edition', diagnostics: [] })
  })

  it('reads a 2004 3rd Edition package against the 4th Edition schemas, with warnings only', async () => {
    const zip = saveZip(
      await packageFrom('scorm2004-imsmanifest.xml', 'imsmanifest.xml', {
        edition: 'scorm2004',
        edit: (text) =>
          text
            .replace('>2004 4th Edition<', '>2004 3rd Edition<')
            .replace('<title>Intro to Widgets</title>\n      </item>', '<title>Intro to Widgets</title>\n        <adlcp:completionThreshold>0.75</adlcp:completionThreshold>\n      </item>'),
      }),
    )
    const report = await validatePackage(zip)
    expect(report).toMatchObject({ format: 'scorm2004', edition: '2004 3rd Edition' })
    expect(errors(report)).toEqual([])
    expect(ruleIds(report).sort()).toEqual(['manifest-completion-threshold-value', 'manifest-edition-older', 'manifest-schemaversion-old'])
  })

  it('tells a 2nd Edition (CAM 1.3) manifest apart', async () => {
    const zip = saveZip(await packageFrom('scorm2004-imsmanifest.xml', 'imsmanifest.xml', { edition: 'scorm2004', edit: (text) => text.replace('>2004 4th Edition<', '>CAM 1.3<') }))
    expect(await validatePackage(zip)).toMatchObject({ edition: '2004 2nd Edition' })
  })

  it('accepts hand-written Tin Can and cmi5 packages', async () => {
    const tincan = await validatePackage(saveZip(await packageFrom('tincan.xml', 'tincan.xml')))
    expect(tincan).toMatchObject({ format: 'xapi', diagnostics: [] })
    const cmi5 = await validatePackage(saveZip(await packageFrom('cmi5.xml', 'cmi5.xml')))
    expect(cmi5).toMatchObject({ format: 'cmi5', diagnostics: [] })
  })

  it('tolerates a Tin Can package wrapped in one folder, with a warning', async () => {
    const entries = (await packageFrom('tincan.xml', 'tincan.xml')).map((entry) => ({ ...entry, name: `course/${String(entry.name)}` }))
    const report = await validatePackage(saveZip(entries))
    expect(report.format).toBe('xapi')
    expect(report.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([['package-descriptor-not-at-root', 'warning']])
  })
})

describe('validatePackage on broken packages', () => {
  it('reports a missing launch file', async () => {
    const zip = await rezip(ours.scorm2004, (entries) => entries.filter((entry) => entry.name !== 'index.html'))
    expect(errors(await validatePackage(zip))).toContain('manifest-file-missing')
  })

  it('reports a broken identifierref at its line in the manifest', async () => {
    const zip = await rezip(ours.scorm12, editText('imsmanifest.xml', 'identifierref="RES-demo-quiz"', 'identifierref="RES-nowhere"'))
    const report = await validatePackage(zip)
    expect(errors(report)).toEqual(['manifest-dangling-identifierref'])
    expect(report.diagnostics[0]).toMatchObject({ file: `${report.file}!imsmanifest.xml`, line: 10, column: 7 })
  })

  it('reports the 1.2 spelling adlcp:scormtype in a 2004 manifest, which XSD lets through', async () => {
    const zip = await rezip(ours.scorm2004, editText('imsmanifest.xml', 'adlcp:scormType="sco"', 'adlcp:scormtype="sco"'))
    expect(errors(await validatePackage(zip))).toEqual(['manifest-scormtype-spelling'])
  })

  it('reports a mastery score of 150', async () => {
    const zip = await rezip(ours.scorm12, editText('imsmanifest.xml', '</title>\n      </item>', '</title>\n        <adlcp:masteryscore>150</adlcp:masteryscore>\n      </item>'))
    expect(errors(await validatePackage(zip))).toEqual(['manifest-masteryscore-range'])
  })

  it('reports file names that differ only in case', async () => {
    const zip = await rezip(ours.web, (entries) => [...entries, { name: 'Index.html', data: 'x' }])
    expect(errors(await validatePackage(zip))).toEqual(['package-entry-name-collision'])
  })

  it('reports an XSD error in a Tin Can descriptor at its line', async () => {
    const zip = await rezip(ours.xapi, editText('tincan.xml', '<launch lang="fr">', '<launch lang="fr" bogus="1">'))
    const report = await validatePackage(zip)
    expect(errors(report)).toEqual(['descriptor-schema-invalid'])
    expect(report.diagnostics[0]).toMatchObject({ file: `${report.file}!tincan.xml`, line: 7 })
  })

  it('reports a zip with no descriptor at its root, and one wrapped in a folder', async () => {
    const none = await validatePackage(saveZip([{ name: 'readme.txt', data: 'x' }]))
    expect(none).toMatchObject({ format: 'unknown' })
    expect(errors(none)).toEqual(['package-descriptor-missing'])
    const wrapped = await rezip(ours.scorm12, (entries) => [...entries.map((entry) => ({ ...entry, name: `course/${String(entry.name)}` })), { name: 'notes.txt', data: 'x' }])
    expect(errors(await validatePackage(wrapped))).toEqual(['package-descriptor-not-at-root'])
  })

  it('reports a missing or unreadable file without throwing', async () => {
    expect(errors(await validatePackage(join(tmpdir(), 'cafes-no-such.zip')))).toEqual(['zip-unreadable'])
    expect(errors(await validatePackage(tmpdir()))).toEqual(['zip-unreadable'])
    expect(errors(await validatePackage(saveZip(Buffer.from('not a zip at all'))))).toEqual(['zip-unreadable'])
  })
})

describe('zip hygiene', () => {
  const good = (): TestEntry[] => [{ name: 'index.html', data: '<!doctype html><title>x</title>' }]

  it('refuses a `../` entry and writes nothing', async () => {
    const escape = `cafes-escape-${process.pid}.txt`
    const report = await validatePackage(saveZip([...good(), { name: `../../${escape}`, data: 'pwned' }]))
    expect(errors(report)).toEqual(['zip-entry-path-unsafe'])
    expect(report.diagnostics[0]!.message).toContain('`..`')
    expect(existsSync(join(tmpdir(), escape))).toBe(false)
    expect(existsSync(join(tmpdir(), '..', escape))).toBe(false)
  })

  it('refuses an absolute entry', async () => {
    const report = await validatePackage(saveZip([...good(), { name: '/etc/cafes-passwd', data: 'x' }]))
    expect(errors(report)).toEqual(['zip-entry-path-unsafe'])
    expect(report.diagnostics[0]!.message).toContain('absolute path')
  })

  it('reports a data descriptor on a stored entry, not on a deflated one', async () => {
    const stored = await validatePackage(saveZip([...good(), { name: 'video.mp4', data: Buffer.alloc(100, 7), method: 0, flags: 0x8 }]))
    expect(errors(stored)).toEqual(['zip-stored-data-descriptor'])
    const deflated = await validatePackage(saveZip([...good(), { name: 'page.html', data: 'x'.repeat(200), method: 8, flags: 0x8 }]))
    expect(errors(deflated)).toEqual([])
  })

  it('reports a non-ASCII name without the UTF-8 flag, not with it', async () => {
    const name = 'médias/café.png'
    const unflagged = await validatePackage(saveZip([...good(), { name: Buffer.from(name, 'utf8'), data: 'x' }]))
    expect(errors(unflagged)).toEqual(['zip-name-not-utf8'])
    expect(unflagged.diagnostics[0]!.message).toContain(name)
    const flagged = await validatePackage(saveZip([...good(), { name, data: 'x', flags: 0x800 }]))
    expect(errors(flagged)).toEqual([])
  })

  it('refuses a zip bomb (an entry that really inflates to 2 GiB) without inflating it', async () => {
    const packed = await deflatedZeros(2 ** 31)
    const report = await validatePackage(saveZip([...good(), { name: 'zeros.bin', packed, method: 8, declaredSize: 2 ** 31 }]))
    expect(errors(report)).toEqual(['zip-bomb'])
    expect(report.diagnostics[0]!.hint).toMatch(/refused unread/)
  }, 30_000)

  it('refuses an entry that inflates past its declared size, stopping there', async () => {
    const packed = await deflatedZeros(16 * 1024 * 1024)
    const report = await validatePackage(saveZip([...good(), { name: 'small.json', packed, method: 8, declaredSize: 1000 }]))
    expect(errors(report)).toEqual(['zip-entry-size-mismatch'])
    expect(report.diagnostics[0]!.message).toContain('more than the 1000 bytes declared')
  })

  it('refuses more entries than the cap before reading them (default 50,000; configurable)', async () => {
    const many = (count: number): TestEntry[] => [...good(), ...Array.from({ length: count }, (_, index) => ({ name: `f/${index}.txt` }))]
    const report = await validatePackage(saveZip(many(60_000)))
    expect(errors(report)).toEqual(['zip-too-many-entries'])
    expect(report.diagnostics[0]!.message).toContain('60001 entries, over the 50000')
    const capped = await validatePackage(saveZip(many(150)), { limits: { maxEntries: 100 } })
    expect(errors(capped)).toEqual(['zip-too-many-entries'])
    expect(errors(await validatePackage(saveZip(many(99)), { limits: { maxEntries: 100 } }))).toEqual([])
  }, 30_000)

  it('refuses entries whose data overlap', async () => {
    const zip = saveZip([...good(), { name: 'a.txt', data: 'aaaa' }, { name: 'b.txt', data: 'aaaa', sameDataAs: 1 }])
    expect(errors(await validatePackage(zip))).toContain('zip-entries-overlap')
  })

  it('reports a local header that names another file than the central directory', async () => {
    const zip = saveZip([...good(), { name: 'a.txt', data: 'x', localName: 'b.txt' }])
    expect(errors(await validatePackage(zip))).toEqual(['zip-entry-header-mismatch'])
  })

  it('refuses a truncated zip', async () => {
    const bytes = readFileSync(ours.scorm12)
    for (const cut of [bytes.length - 10, Math.floor(bytes.length / 2), 100]) {
      const report = await validatePackage(saveZip(bytes.subarray(0, cut)))
      expect(errors(report)).toEqual(['zip-unreadable'])
    }
  })

  it('reports a corrupt entry (CRC-32 mismatch)', async () => {
    const bytes = writeTestZip([...good(), { name: 'data.txt', data: 'hello world', method: 0 }])
    const at = bytes.indexOf('hello world')
    bytes.write('HELLO', at)
    expect(errors(await validatePackage(saveZip(bytes)))).toEqual(['zip-entry-corrupt'])
  })

  it('reports a duplicate entry name', async () => {
    expect(errors(await validatePackage(saveZip([...good(), { name: 'a.txt', data: 'x' }, { name: 'a.txt', data: 'y' }])))).toContain('zip-entry-duplicate')
  })
})
