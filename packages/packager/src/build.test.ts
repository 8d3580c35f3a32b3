import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readZipHeaders, stubPlayerDir, temporaryDir } from '../test/helpers.js'
import { build } from './build.js'

const player = { prebuiltDir: stubPlayerDir() }

function writeModule(root: string, folder: string, frontMatter: string, body = '# Page\n\nBonjour.\n'): void {
  mkdirSync(join(root, folder), { recursive: true })
  writeFileSync(join(root, folder, 'module.md'), `---\n${frontMatter}\n---\n\n${body}`)
}

describe('build', () => {
  it('builds every module under a folder for the default targets, and reports each package', async () => {
    const root = temporaryDir()
    writeModule(root, 'modules/alpha', 'id: alpha\ntitle: Alpha\nversion: 2.0.1')
    writeModule(root, 'modules/beta', 'id: beta\ntitle: Beta\ntargets: [web, xapi]')
    const report = await build({ paths: ['modules'], outDir: 'out', cwd: root, player })
    expect(report.diagnostics).toEqual([])
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['alpha-2.0.1-scorm12.zip', 'alpha-2.0.1-scorm2004.zip', 'beta-1.0.0-web.zip'])
    expect(report.packages.map((entry) => [entry.module, entry.target, entry.zip])).toEqual([
      ['alpha', 'scorm12', 'out/alpha-2.0.1-scorm12.zip'],
      ['alpha', 'scorm2004', 'out/alpha-2.0.1-scorm2004.zip'],
      ['beta', 'web', 'out/beta-1.0.0-web.zip'],
    ])
    const [scorm12] = report.packages
    expect(scorm12).toMatchObject({ version: '2.0.1', fileCount: 8, state: { limit: 4096 }, diagnostics: [] })
    expect(scorm12!.size).toBe(statSync(join(root, scorm12!.zip!)).size)
    expect(scorm12!.durationMs).toBeGreaterThanOrEqual(0)
    const names = readZipHeaders(readFileSync(join(root, scorm12!.zip!))).map((header) => header.name)
    expect(names).toContain('imsmanifest.xml')
    expect(names).toContain('index.html')
  })

  it('writes no zip for a module with errors, and still builds the others', async () => {
    const root = temporaryDir()
    writeModule(root, 'good', 'id: good\ntitle: Good')
    writeModule(root, 'bad', 'id: bad')
    mkdirSync(join(root, 'out'))
    writeFileSync(join(root, 'out', 'bad-0.9.0-scorm12.zip'), 'an older build')
    const report = await build({ paths: ['good', 'bad'], targets: ['web'], outDir: 'out', cwd: root, player })
    expect(report.diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.file === 'bad/module.md')).toBe(true)
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['bad-0.9.0-scorm12.zip', 'good-1.0.0-web.zip'])
    expect(report.packages.map((entry) => entry.module)).toEqual(['good'])
  })

  it('writes no zip at all for a module when one of its targets fails', async () => {
    const root = temporaryDir()
    writeModule(root, 'alpha', 'id: alpha\ntitle: Alpha')
    const report = await build({ paths: ['alpha'], targets: ['scorm12', 'xapi'], outDir: 'out', cwd: root, player })
    expect(report.diagnostics).toEqual([expect.objectContaining({ ruleId: 'target-not-supported', file: 'alpha/module.md' })])
    expect(report.packages.map((entry) => [entry.target, entry.zip])).toEqual([['scorm12', undefined], ['xapi', undefined]])
    expect(() => readdirSync(join(root, 'out'))).toThrow()
  })

  it('builds neither of two modules sharing an id', async () => {
    const root = temporaryDir()
    writeModule(root, 'one', 'id: same\ntitle: One')
    writeModule(root, 'two', 'id: same\ntitle: Two')
    writeModule(root, 'three', 'id: three\ntitle: Three')
    const report = await build({ paths: ['.'], targets: ['web'], outDir: 'out', cwd: root, player })
    expect(report.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('module-duplicate-id')
    expect(readdirSync(join(root, 'out'))).toEqual(['three-1.0.0-web.zip'])
  })
})

describe('build targets', () => {
  it('warns, without failing, when a module names only targets this version cannot build', async () => {
    const root = temporaryDir()
    writeModule(root, 'later', 'id: later\ntitle: Later\ntargets: [xapi, cmi5]')
    const report = await build({ paths: ['later'], outDir: 'out', cwd: root, player })
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', ruleId: 'target-not-supported', file: 'later/module.md' }),
    ])
    expect(report.diagnostics[0]!.message).toContain('`xapi` or `cmi5`')
    expect(report.packages).toEqual([])
  })
})
