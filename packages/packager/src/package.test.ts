import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stateShape, worstCaseStateLength, type CoursePage } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { makeModule, stubPlayerDir, temporaryDir } from '../test/helpers.js'
import { cmi5Xml } from './descriptor-cmi5.js'
import { tincanXml } from './descriptor-tincan.js'
import { buildPackage } from './package.js'

const player = { prebuiltDir: stubPlayerDir() }

/** A module folder on disk with one asset. */
function moduleWithAsset(options: Parameters<typeof makeModule>[0] = {}) {
  const dir = join(temporaryDir(), 'demo')
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'assets', 'tasse.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  return makeModule({ dir, assets: [{ source: join(dir, 'assets', 'tasse.svg'), path: 'assets/tasse.svg' }], ...options })
}

/** Pages holding `count` multiple-choice questions of 26 choices: a large worst-case state. */
function bigQuizPages(count: number): CoursePage[] {
  return [
    {
      id: 'quiz',
      title: 'Quiz',
      blocks: [
        {
          kind: 'quiz',
          quiz: 'q',
          questions: Array.from({ length: count }, (_, index) => ({
            id: `q${index}`, type: 'multiple' as const, weight: 1, promptHtml: '', prompt: '',
            choices: Array.from({ length: 26 }, (_, choice) => ({ id: 'abcdefghijklmnopqrstuvwxyz'[choice]!, html: '', text: '', correct: choice === 0 })),
          })),
        },
      ],
    },
  ]
}

describe('buildPackage', () => {
  it('packages SCORM 1.2: launch page, player, assets, manifest and the four schemas, sorted', async () => {
    const module = moduleWithAsset()
    const result = await buildPackage(module, 'scorm12', { cwd: module.dir, player })
    expect(result.diagnostics).toEqual([])
    expect(result.files.map((file) => file.path)).toEqual([
      'adlcp_rootv1p2.xsd', 'assets/tasse.svg', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmanifest.xml',
      'imsmd_rootv1p2p1.xsd', 'index.html', 'player.css', 'player.js',
    ])
    expect(result.state).toEqual({ length: worstCaseStateLength(stateShape(module.course)), limit: 4096 })
    const manifest = result.files.find((file) => file.path === 'imsmanifest.xml')!.data.toString()
    expect(manifest).toContain('<file href="assets/tasse.svg"/>')
    expect(manifest).not.toContain('.xsd"/>')
    expect(result.files.find((file) => file.path === 'player.js')!.data.toString()).toContain('scorm12')
  })

  it('packages SCORM 2004 with the whole schema set', async () => {
    const module = moduleWithAsset()
    const result = await buildPackage(module, 'scorm2004', { cwd: module.dir, player })
    expect(result.diagnostics).toEqual([])
    const paths = result.files.map((file) => file.path)
    expect(paths.filter((path) => /\.(xsd|dtd)$/.test(path))).toHaveLength(36)
    expect(paths).toContain('vocab/adlmd_vocabv1p0.xsd')
    expect(paths).toContain('imsmanifest.xml')
    expect(result.state).toMatchObject({ limit: 64000 })
  })

  it('packages web without a manifest nor a state figure', async () => {
    const module = moduleWithAsset()
    const result = await buildPackage(module, 'web', { cwd: module.dir, player })
    expect(result.diagnostics).toEqual([])
    expect(result.state).toBeUndefined()
    expect(result.files.map((file) => file.path)).toEqual(['assets/tasse.svg', 'index.html', 'player.css', 'player.js'])
  })

  it('puts a mastery score in the manifest only when completion is "passed" alone', async () => {
    for (const [completion, expected] of [['passed', true], ['pages-and-passed', false], ['pages', false]] as const) {
      const module = makeModule({ completion, passMark: 70 })
      const result = await buildPackage(module, 'scorm12', { cwd: module.dir, player })
      const manifest = result.files.find((file) => file.path === 'imsmanifest.xml')!.data.toString()
      expect(manifest.includes('<adlcp:masteryscore>70</adlcp:masteryscore>'), completion).toBe(expected)
    }
  })

  it('refuses a SCORM 1.2 package whose state could exceed 4,096 characters', async () => {
    const module = makeModule({ pages: bigQuizPages(700), dir: '/work/modules/big' })
    const length = worstCaseStateLength(stateShape(module.course))
    expect(length).toBeGreaterThan(4096)
    const result = await buildPackage(module, 'scorm12', { cwd: '/work', player })
    expect(result.files).toEqual([])
    expect(result.state).toEqual({ length, limit: 4096 })
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'suspend-data-too-large', source: 'packager', file: 'modules/big/module.md' }),
    ])
    expect(result.diagnostics[0]!.message).toContain(`${length} characters`)
  })

  it('warns above 4,000 characters in SCORM 2004 and fails above 64,000', async () => {
    const warned = await buildPackage(makeModule({ pages: bigQuizPages(700) }), 'scorm2004', { cwd: '/', player })
    expect(warned.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.ruleId])).toEqual([['warning', 'suspend-data-large']])
    expect(warned.files.length).toBeGreaterThan(0)
    const failed = await buildPackage(makeModule({ pages: bigQuizPages(9200) }), 'scorm2004', { cwd: '/', player })
    expect(failed.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.ruleId])).toEqual([['error', 'suspend-data-too-large']])
    expect(failed.files).toEqual([])
  })

  it('checks page ids against the location limit', async () => {
    const pages: CoursePage[] = [{ id: 'p'.repeat(256), title: 'Long', blocks: [] }]
    const scorm12 = await buildPackage(makeModule({ pages }), 'scorm12', { cwd: '/', player })
    expect(scorm12.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['location-too-long'])
    const scorm2004 = await buildPackage(makeModule({ pages }), 'scorm2004', { cwd: '/', player })
    expect(scorm2004.diagnostics).toEqual([])
  })

  it('packages xAPI like web, with tincan.xml at the root and a launch page that may reach the LRS', async () => {
    const module = moduleWithAsset()
    const result = await buildPackage(module, 'xapi', { cwd: module.dir, player })
    expect(result.diagnostics).toEqual([])
    expect(result.state).toBeUndefined()
    expect(result.files.map((file) => file.path)).toEqual(['assets/tasse.svg', 'index.html', 'player.css', 'player.js', 'tincan.xml'])
    const file = (path: string) => result.files.find((entry) => entry.path === path)!.data.toString()
    expect(file('tincan.xml')).toBe(tincanXml(module.course))
    expect(file('index.html')).toContain('connect-src https: http:')
    expect(file('player.js')).toContain('xapi')
  })

  it('packages cmi5 like web, with cmi5.xml at the root', async () => {
    const module = moduleWithAsset({ completion: 'passed', passMark: 75 })
    const result = await buildPackage(module, 'cmi5', { cwd: module.dir, player })
    expect(result.diagnostics).toEqual([])
    expect(result.files.map((file) => file.path)).toEqual(['assets/tasse.svg', 'cmi5.xml', 'index.html', 'player.css', 'player.js'])
    const descriptor = result.files.find((entry) => entry.path === 'cmi5.xml')!.data.toString()
    expect(descriptor).toBe(cmi5Xml(module.course))
    expect(descriptor).toContain('moveOn="Passed" masteryScore="0.75"')
    expect(result.files.find((entry) => entry.path === 'player.js')!.data.toString()).toContain('cmi5')
  })

  it('fails the target when the generated descriptor does not pass its checks', async () => {
    const module = makeModule({ dir: '/work/m' })
    const result = await buildPackage({ ...module, course: { ...module.course, iri: 'cafes/demo' } }, 'xapi', { cwd: '/work', player })
    expect(result.files).toEqual([])
    expect(new Set(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.file].join(' ')))).toEqual(
      new Set(['descriptor-iri-invalid demo-1.0.0-xapi.zip']),
    )
  })

  it('refuses entry names LMSs mangle, and names that collide', async () => {
    const module = moduleWithAsset()
    const source = module.assets[0]!.source
    const bad = await buildPackage(
      { ...module, assets: [{ source, path: 'assets/Tasse été.svg' }, { source, path: 'index.html' }, { source, path: 'assets/x.php' }] },
      'web',
      { cwd: module.dir, player },
    )
    expect(bad.files).toEqual([])
    expect(bad.diagnostics.map((diagnostic) => diagnostic.ruleId).sort()).toEqual([
      'package-entry-name-collision',
      'package-entry-name-invalid',
      'package-file-extension-forbidden',
    ])
  })

  it('reports an asset it cannot read', async () => {
    const module = makeModule({ dir: '/work/m', assets: [{ source: '/work/m/assets/missing.png', path: 'assets/missing.png' }] })
    const result = await buildPackage(module, 'web', { cwd: '/work', player })
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'asset-unreadable', file: 'm/assets/missing.png' })])
  })

  it('cuts a title longer than a manifest holds, with a warning', async () => {
    const module = makeModule({ title: 'é'.repeat(250) })
    const result = await buildPackage(module, 'scorm12', { cwd: '/', player })
    expect(result.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.ruleId])).toEqual([['warning', 'manifest-title-truncated']])
    const manifest = result.files.find((file) => file.path === 'imsmanifest.xml')!.data.toString()
    expect(manifest).toContain(`<title>${'é'.repeat(200)}</title>`)
    expect(result.files.find((file) => file.path === 'index.html')!.data.toString()).toContain('é'.repeat(250))
  })
})
