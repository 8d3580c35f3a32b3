import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readZip, type ZipEntry } from '@cafes/lms-sim'
import { checkManifest, PACKAGE_TARGETS } from '@cafes/packager'
import { ROOT, buildModulesWithReport } from '../support/build-modules.js'
import { validateManifest } from '../support/xsd.js'

const SCHEMAS = join(ROOT, 'packages/packager/schemas')
const EXAMPLES = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `examples/${entry.name}`)

let zips: { name: string; edition: 'scorm12' | 'scorm2004'; entries: ZipEntry[] }[]
let warnings: string[]

beforeAll(async () => {
  const { outDir, report } = await buildModulesWithReport(EXAMPLES, [...PACKAGE_TARGETS])
  warnings = report.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}: ${diagnostic.message}`)
  zips = await Promise.all(
    readdirSync(outDir).filter((name) => /-scorm(12|2004)\.zip$/.test(name)).map(async (name) => ({
      name,
      edition: name.endsWith('-scorm12.zip') ? ('scorm12' as const) : ('scorm2004' as const),
      entries: await readZip(join(outDir, name)),
    })),
  )
})

describe('examples', () => {
  it('build clean, without a warning, for every target this version supports', () => {
    expect(warnings).toEqual([])
  })
})

describe('every example package, both SCORM editions', () => {
  it('builds a zip per example and edition', () => {
    expect(zips.length).toBe(EXAMPLES.length * 2)
  })

  it('carries a manifest valid against the official XSDs', () => {
    for (const zip of zips) {
      const manifest = zip.entries.find((entry) => entry.name === 'imsmanifest.xml')
      expect(manifest, `${zip.name} has imsmanifest.xml at its root`).toBeDefined()
      validateManifest(zip.edition, manifest!.data)
    }
  })

  it('passes the checks XSD cannot do', () => {
    for (const zip of zips) {
      const manifest = zip.entries.find((entry) => entry.name === 'imsmanifest.xml')!.data.toString('utf8')
      const diagnostics = checkManifest({ manifest, files: zip.entries.map((entry) => entry.name), file: zip.name })
      expect(diagnostics, zip.name).toEqual([])
    }
  })

  it('ships the official schema files unchanged at the root', () => {
    for (const zip of zips) {
      const folder = zip.edition === 'scorm12' ? 'scorm12' : 'scorm2004-4th'
      const schemas = zip.entries.filter((entry) => /\.(xsd|dtd)$/.test(entry.name))
      expect(schemas.length).toBe(zip.edition === 'scorm12' ? 4 : 36)
      for (const schema of schemas) {
        expect(schema.data.equals(readFileSync(join(SCHEMAS, folder, schema.name))), schema.name).toBe(true)
      }
    }
  })

  it('has ASCII entry names, no wrapping folder, sorted, and no data descriptor on stored entries', () => {
    for (const zip of zips) {
      const names = zip.entries.map((entry) => entry.name)
      expect([...names].sort(), zip.name).toEqual(names)
      for (const entry of zip.entries) {
        expect(entry.name).toMatch(/^[\x21-\x7e]+$/)
        if (entry.method === 0) expect(entry.flags & 0x8, entry.name).toBe(0)
      }
      expect(names).toContain('index.html')
      expect(names).toContain('player.js')
    }
  })
})

describe('the XSD check itself', () => {
  it('rejects a manifest the schemas do not allow', () => {
    const manifest = zips.find((zip) => zip.edition === 'scorm12')!.entries.find((entry) => entry.name === 'imsmanifest.xml')!.data.toString('utf8')
    const broken = manifest.replace('<organizations', '<organisations').replace('</organizations>', '</organisations>')
    expect(() => validateManifest('scorm12', Buffer.from(broken))).toThrow(/xmllint rejected/)
    const badScormType = manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormType="sco"')
    expect(() => validateManifest('scorm12', Buffer.from(badScormType))).toThrow(/xmllint rejected/)
  })
})
