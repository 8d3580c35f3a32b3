import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readZip } from '@cafes/lms-sim'
import { writeZip } from '@cafes/packager'
import { validateRelease } from '../../build/release/validate-release.js'
import { buildModulesWithReport, zipPath } from '../support/build-modules.js'

const TARGETS = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'] as const
let outDir: string
let broken: string

beforeAll(async () => {
  ;({ outDir } = await buildModulesWithReport(['examples/demo-quiz'], [...TARGETS]))
  broken = mkdtempSync(join(tmpdir(), 'cafes-validate-release-'))
}, 120_000)

/** The demo-quiz zip of `target`, rewritten to `name` with one entry's text changed (or removed when `edit` gives undefined). */
async function variant(target: (typeof TARGETS)[number], name: string, entry: string, edit: (text: string) => string | undefined): Promise<string> {
  const files = (await readZip(zipPath(outDir, 'demo-quiz', '1.2.0', target))).flatMap((file) => {
    if (file.name !== entry) return [{ path: file.name, data: file.data }]
    const text = edit(file.data.toString('utf8'))
    return text === undefined ? [] : [{ path: file.name, data: Buffer.from(text) }]
  })
  const path = join(broken, name)
  await writeZip(files, path)
  return path
}

function ruleIds(diagnostics: { ruleId: string }[]): string[] {
  return [...new Set(diagnostics.map((diagnostic) => diagnostic.ruleId))].sort()
}

describe('validateRelease', () => {
  it('finds nothing wrong in the packages cafes builds', async () => {
    for (const target of TARGETS) expect(await validateRelease(zipPath(outDir, 'demo-quiz', '1.2.0', target)), target).toEqual([])
  })

  it('reports what the SCORM schema rejects, at its line in the manifest, under the name it is given', async () => {
    const path = await variant('scorm2004', 'bad-1.0.0-scorm2004.zip', 'imsmanifest.xml', (text) => text.replace('<resources>', '<resources>\n    <bogus/>'))
    const diagnostics = await validateRelease(path, { file: 'dist/bad-1.0.0-scorm2004.zip' })
    const schema = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'release-schema-invalid')
    expect(schema).toHaveLength(1)
    expect(schema[0]).toMatchObject({ severity: 'error', source: 'release', file: 'dist/bad-1.0.0-scorm2004.zip' })
    expect(schema[0]!.message).toMatch(/^`imsmanifest\.xml` does not follow the SCORM 2004 4th edition schema, line \d+: Element 'bogus': This element is not expected\./)
    expect(schema[0]!.message).not.toContain('{http')
  })

  it('reports what only the code checks catch: a broken identifierref passes the XSD', async () => {
    const path = await variant('scorm12', 'ref-1.0.0-scorm12.zip', 'imsmanifest.xml', (text) => text.replace(/identifierref="[^"]+"/, 'identifierref="RES-nowhere"'))
    const ids = ruleIds(await validateRelease(path))
    expect(ids).toContain('manifest-dangling-identifierref')
    expect(ids).not.toContain('release-schema-invalid')
  })

  it('checks tincan.xml and cmi5.xml against their schemas', async () => {
    const xapi = await variant('xapi', 'bad-1.0.0-xapi.zip', 'tincan.xml', (text) => text.replace('<activities>', '<activities>\n    <bogus/>'))
    expect(ruleIds(await validateRelease(xapi))).toContain('release-schema-invalid')
    const cmi5 = await variant('cmi5', 'bad-1.0.0-cmi5.zip', 'cmi5.xml', (text) => text.replace(/<course /, '<course bogus="1" '))
    const diagnostics = await validateRelease(cmi5)
    expect(ruleIds(diagnostics)).toContain('release-schema-invalid')
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'release-schema-invalid')!.message).toMatch(/cmi5 course structure schema, line \d+: .*bogus/)
  })

  it('reports a package without its manifest, descriptor or launch page', async () => {
    const cases = [
      ['scorm12', 'imsmanifest.xml'],
      ['xapi', 'tincan.xml'],
      ['cmi5', 'cmi5.xml'],
      ['web', 'index.html'],
    ] as const
    for (const [target, entry] of cases) {
      const diagnostics = await validateRelease(await variant(target, `none-1.0.0-${target}.zip`, entry, () => undefined))
      expect(diagnostics.map((diagnostic) => diagnostic.ruleId), target).toEqual(['release-entry-missing'])
      expect(diagnostics[0]!.message, target).toContain(`\`${entry}\``)
    }
  })

  it('reports a damaged zip and a name it cannot place, without throwing', async () => {
    const damaged = join(broken, 'damaged-1.0.0-web.zip')
    writeFileSync(damaged, 'PK but not a zip')
    expect(ruleIds(await validateRelease(damaged))).toEqual(['release-zip-unreadable'])
    const unnamed = join(broken, 'package.zip')
    writeFileSync(unnamed, 'x')
    expect(ruleIds(await validateRelease(unnamed))).toEqual(['release-zip-kind-unknown'])
    expect(ruleIds(await validateRelease(join(broken, 'missing-1.0.0-scorm12.zip')))).toEqual(['release-zip-unreadable'])
  })
})
