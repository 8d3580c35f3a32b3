import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
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
    expect(readdirSync(join(root, 'out')).sort()).toEqual([
      'alpha-2.0.1-cmi5.zip',
      'alpha-2.0.1-scorm12.zip',
      'alpha-2.0.1-scorm2004.zip',
      'alpha-2.0.1-xapi.zip',
      'beta-1.0.0-web.zip',
      'beta-1.0.0-xapi.zip',
    ])
    expect(report.packages.map((entry) => [entry.module, entry.target, entry.zip])).toEqual([
      ['alpha', 'scorm12', 'out/alpha-2.0.1-scorm12.zip'],
      ['alpha', 'scorm2004', 'out/alpha-2.0.1-scorm2004.zip'],
      ['alpha', 'xapi', 'out/alpha-2.0.1-xapi.zip'],
      ['alpha', 'cmi5', 'out/alpha-2.0.1-cmi5.zip'],
      ['beta', 'xapi', 'out/beta-1.0.0-xapi.zip'],
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
    const stub = stubPlayerDir()
    rmSync(join(stub, 'cmi5.js'))
    const report = await build({ paths: ['alpha'], targets: ['scorm12', 'cmi5'], outDir: 'out', cwd: root, player: { prebuiltDir: stub } })
    expect(report.diagnostics).toEqual([expect.objectContaining({ ruleId: 'player-build-failed', file: 'alpha/module.md' })])
    expect(report.packages.map((entry) => [entry.target, entry.zip])).toEqual([['scorm12', undefined], ['cmi5', undefined]])
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
  it('builds xAPI and cmi5 packages, each with its descriptor at the root', async () => {
    const root = temporaryDir()
    writeModule(root, 'lrs', 'id: lrs\ntitle: LRS\ntargets: [xapi, cmi5]')
    const report = await build({ paths: ['lrs'], outDir: 'out', cwd: root, player })
    expect(report.diagnostics).toEqual([])
    const names = (target: string) =>
      readZipHeaders(readFileSync(join(root, 'out', `lrs-1.0.0-${target}.zip`))).map((header) => header.name)
    expect(names('xapi')).toEqual(['index.html', 'player.css', 'player.js', 'tincan.xml'])
    expect(names('cmi5')).toEqual(['cmi5.xml', 'index.html', 'player.css', 'player.js'])
    expect(report.packages.map((entry) => [entry.target, entry.fileCount, entry.state])).toEqual([['xapi', 4, undefined], ['cmi5', 4, undefined]])
  })

  it('builds nothing, and says nothing, for a module that names no target', async () => {
    const root = temporaryDir()
    writeModule(root, 'none', 'id: none\ntitle: None\ntargets: []')
    const report = await build({ paths: ['none'], outDir: 'out', cwd: root, player })
    expect(report.diagnostics).toEqual([])
    expect(report.packages).toEqual([])
  })
})
