import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { makeModule, readZipHeaders, stubPlayerDir, temporaryDir } from '../test/helpers.js'
import { build } from './build.js'
import { buildFacilitatorPackage, facilitatorZipFileName, learnerCourse } from './facilitator-package.js'

const player = { prebuiltDir: stubPlayerDir() }

/** Every entry's bytes, by name (STORED and DEFLATED entries; the headers come from the central directory). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>()
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let offset = zip.readUInt32LE(end + 16)
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    const method = zip.readUInt16LE(offset + 10)
    const compressedSize = zip.readUInt32LE(offset + 20)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const local = zip.readUInt32LE(offset + 42)
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zip.subarray(start, start + compressedSize)
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function writeModuleWithNotes(root: string): void {
  const dir = join(root, 'anim')
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'assets', 'tasse.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(
    join(dir, 'module.md'),
    [
      '---', 'id: anim', 'title: Animer', 'version: 1.1.0', '---', '',
      '# Animer', '', '![Une tasse](assets/tasse.svg)', '',
      ':::facilitator{in-person=10 remote=15}', 'NOTE-CACHEE-UN : lancez le tour de table.', ':::', '',
    ].join('\n'),
  )
  writeFileSync(
    join(dir, '01-suite.md'),
    ['# Suite', '', 'Texte pour tous.', '', ':::facilitator', 'NOTE-CACHEE-DEUX', ':::', ''].join('\n'),
  )
}

describe('facilitator edition', () => {
  it('writes <id>-<version>-facilitator.zip beside the learner packages, which carry no note', async () => {
    const root = temporaryDir()
    writeModuleWithNotes(root)
    const report = await build({ paths: ['anim'], targets: ['scorm12', 'scorm2004', 'web'], outDir: 'out', cwd: root, player, facilitator: true })
    expect(report.diagnostics).toEqual([])
    expect(report.packages.map((entry) => [entry.target, entry.edition, entry.zip])).toEqual([
      ['scorm12', undefined, 'out/anim-1.1.0-scorm12.zip'],
      ['scorm2004', undefined, 'out/anim-1.1.0-scorm2004.zip'],
      ['web', undefined, 'out/anim-1.1.0-web.zip'],
      ['web', 'facilitator', 'out/anim-1.1.0-facilitator.zip'],
    ])
    for (const entry of report.packages.slice(0, 3)) {
      const files = unzip(readFileSync(join(root, entry.zip!)))
      for (const [name, data] of files) {
        expect(data.toString('utf8'), `${entry.zip} ${name}`).not.toMatch(/NOTE-CACHEE|Notes pour l'animation/)
      }
    }
    const guide = unzip(readFileSync(join(root, 'out/anim-1.1.0-facilitator.zip')))
    expect([...guide.keys()]).toEqual(['assets/tasse.svg', 'guide.css', 'index.html'])
    const html = guide.get('index.html')!.toString('utf8')
    expect(html).toContain('NOTE-CACHEE-UN')
    expect(html).toContain('NOTE-CACHEE-DEUX')
    expect(html).toContain('<td>10 min</td><td>15 min</td>')
    expect(report.packages[3]).toMatchObject({ module: 'anim', version: '1.1.0', fileCount: 3, diagnostics: [] })
  }, 30_000)

  it('is deterministic, with the zip conventions of the other packages', async () => {
    const zips = await Promise.all(
      [0, 1].map(async () => {
        const root = temporaryDir()
        writeModuleWithNotes(root)
        await build({ paths: ['anim'], targets: ['web'], outDir: 'out', cwd: root, player, facilitator: true })
        return readFileSync(join(root, 'out/anim-1.1.0-facilitator.zip'))
      }),
    )
    expect(zips[0]!.equals(zips[1]!)).toBe(true)
    for (const header of readZipHeaders(zips[0]!)) {
      expect(header.name).toMatch(/^[\x21-\x7e]+$/)
      if (header.method === 0) expect(header.localFlags & 0x08).toBe(0)
      expect(header.dosDate).toBe(0x21) // 1980-01-01, as every package
    }
  }, 30_000)

  it('writes no facilitator zip without the flag', async () => {
    const root = temporaryDir()
    writeModuleWithNotes(root)
    const report = await build({ paths: ['anim'], targets: ['web'], outDir: 'out', cwd: root, player })
    expect(report.packages.map((entry) => entry.zip)).toEqual(['out/anim-1.1.0-web.zip'])
  }, 30_000)

  it('learnerCourse drops every note a course still has', () => {
    const module = makeModule()
    module.course.pages[0]!.blocks.push({ kind: 'facilitator', html: '<p>SECRET</p>' })
    const course = learnerCourse(module.course)
    expect(JSON.stringify(course)).not.toContain('SECRET')
    expect(course.pages[0]!.blocks).toEqual([{ kind: 'html', html: '<p>Bonjour</p>' }])
    const clean = makeModule().course
    expect(learnerCourse(clean)).toBe(clean)
  })

  it('buildFacilitatorPackage: guide, stylesheet and assets, sorted; an unreadable asset is an error', () => {
    const root = temporaryDir()
    const module = makeModule({ dir: join(root, 'demo'), assets: [{ source: join(root, 'missing.png'), path: 'assets/missing.png' }] })
    const result = buildFacilitatorPackage(module, { cwd: root })
    expect(result.files).toEqual([])
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'asset-unreadable', file: 'missing.png' })])
    const ok = buildFacilitatorPackage(makeModule({ dir: join(root, 'demo') }), { cwd: root })
    expect(ok.files.map((file) => file.path)).toEqual(['guide.css', 'index.html'])
    expect(facilitatorZipFileName(module)).toBe('demo-1.0.0-facilitator.zip')
  })
})
