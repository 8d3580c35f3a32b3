import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readZip, type ZipEntry } from '@cafes/lms-sim'
import { checkManifest } from '@cafes/packager'
import { ROOT, buildModules } from '../support/build-modules.js'

const SCHEMAS = join(ROOT, 'packages/packager/schemas')
const WRAPPER = { scorm12: 'validation/scorm12-core.xsd', scorm2004: 'validation/scorm2004-4th-all.xsd' } as const
const EXAMPLES = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `examples/${entry.name}`)

let zips: { name: string; edition: 'scorm12' | 'scorm2004'; entries: ZipEntry[] }[]

beforeAll(async () => {
  const outDir = await buildModules(EXAMPLES, ['scorm12', 'scorm2004'])
  zips = await Promise.all(
    readdirSync(outDir).filter((name) => name.endsWith('.zip')).map(async (name) => ({
      name,
      edition: name.endsWith('-scorm12.zip') ? ('scorm12' as const) : ('scorm2004' as const),
      entries: await readZip(join(outDir, name)),
    })),
  )
})

/** Debian's xmllint against the official schemas (through the wrapper that imports every namespace). */
function xmllint(edition: 'scorm12' | 'scorm2004', manifest: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'cafes-xsd-'))
  const file = join(dir, 'imsmanifest.xml')
  writeFileSync(file, manifest)
  try {
    return execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, WRAPPER[edition]), file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const failure = error as { stderr?: string; status?: number }
    throw new Error(`xmllint rejected ${edition} manifest (exit ${failure.status}):\n${failure.stderr}`)
  }
}

describe('every example package, both SCORM editions', () => {
  it('builds a zip per example and edition', () => {
    expect(zips.length).toBe(EXAMPLES.length * 2)
  })

  it('carries a manifest valid against the official XSDs', () => {
    for (const zip of zips) {
      const manifest = zip.entries.find((entry) => entry.name === 'imsmanifest.xml')
      expect(manifest, `${zip.name} has imsmanifest.xml at its root`).toBeDefined()
      xmllint(zip.edition, manifest!.data)
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
