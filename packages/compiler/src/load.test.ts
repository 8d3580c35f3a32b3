import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { formatDiagnostic } from '@cafes/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compileModule, findModules, loadConfig } from './index.js'

let root: string

beforeEach(async () => {
  // realpath: on some systems the temporary folder is itself behind a symbolic link.
  root = await realpath(await mkdtemp(path.join(tmpdir(), 'cafes-compiler-')))
  // Stops the look-up of cafes.config.yaml here.
  await writeFile(path.join(root, 'cafes.config.yaml'), '')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Writes `files` (path → text) under `root`. */
async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true })
    await writeFile(path.join(root, name), text)
  }
}

function moduleMd(id: string, body: string): string {
  return `---\nid: ${id}\ntitle: Titre\n---\n\n# Titre\n\n${body}\n`
}

async function compile(dir: string) {
  const result = await compileModule(dir, { cwd: root })
  return { result, messages: result.diagnostics.map(formatDiagnostic) }
}

describe('asset checks', () => {
  it('ships images under ASCII package paths and rewrites their src', async () => {
    await write({
      'm/module.md': moduleMd('m', '![Une tasse](<assets/Café Noir.PNG>)\n\n![Encore](./assets/Caf%C3%A9%20Noir.PNG?v=2)'),
      'm/assets/Café Noir.PNG': 'png',
    })
    const { result, messages } = await compile('m')
    expect(messages).toEqual([])
    expect(result.module?.assets).toEqual([{ source: path.join(root, 'm/assets/Café Noir.PNG'), path: 'assets/cafe-noir.png' }])
    const html = result.module?.course.pages[0]?.blocks[0]
    expect(html).toEqual({
      kind: 'html',
      html:
        '<h1>Titre</h1>\n<p><img src="assets/cafe-noir.png" alt="Une tasse" loading="lazy"></p>\n' +
        '<p><img src="assets/cafe-noir.png" alt="Encore" loading="lazy"></p>',
    })
  })

  it('rejects ../, absolute paths, missing files and folders', async () => {
    await write({
      'm/module.md': moduleMd('m', '![a](../secret.png)\n\n![b](/etc/passwd)\n\n![c](assets/absente.png)\n\n![d](assets/)'),
      'm/assets/x.png': 'png',
      'secret.png': 'secret',
    })
    const { result, messages } = await compile('m')
    expect(messages.map((message) => message.split('\n')[0])).toEqual([
      'm/module.md:8:1: error: `../secret.png` points outside the module folder [asset-outside-module]',
      'm/module.md:10:1: error: `/etc/passwd` points outside the module folder [asset-outside-module]',
      'm/module.md:12:1: error: File `assets/absente.png` not found [asset-not-found]',
      'm/module.md:14:1: error: `assets/` is a folder, not a file [asset-not-found]',
    ])
    expect(result.module?.assets).toEqual([])
  })

  it('rejects a symbolic link that leads out of the module, and accepts one that stays inside', async () => {
    await write({
      'm/module.md': moduleMd('m', '![dehors](assets/dehors.png)\n\n![dedans](assets/dedans.png)'),
      'm/assets/vraie.png': 'png',
      'outside/secret.png': 'secret',
    })
    await symlink(path.join(root, 'outside/secret.png'), path.join(root, 'm/assets/dehors.png'))
    await symlink('vraie.png', path.join(root, 'm/assets/dedans.png'))
    const { result, messages } = await compile('m')
    expect(messages).toEqual([
      'm/module.md:8:1: error: `assets/dehors.png` points outside the module folder [asset-outside-module]\n' +
        '  hint: Copy the file into the `assets/` folder and use a relative path without `..`, e.g. `assets/image.png`.',
    ])
    expect(result.module?.assets).toEqual([{ source: path.join(root, 'm/assets/vraie.png'), path: 'assets/dedans.png' }])
  })

  it('rejects a symbolic link to a folder outside the module', async () => {
    await write({ 'm/module.md': moduleMd('m', '![x](partage/x.png)'), 'shared/x.png': 'png' })
    await symlink(path.join(root, 'shared'), path.join(root, 'm/partage'))
    const { messages } = await compile('m')
    expect(messages[0]).toMatch(/^m\/module\.md:8:1: error: `partage\/x\.png` points outside the module folder \[asset-outside-module\]/)
  })

  it('rejects two files that get one package path, pointing at the first', async () => {
    await write({
      'm/module.md': moduleMd('m', '![a](assets/Été.png)'),
      'm/01-suite.md': '# Suite\n\n![b](assets/ete.png)\n',
      'm/assets/Été.png': 'a',
      'm/assets/ete.png': 'b',
    })
    const { messages } = await compile('m')
    expect(messages).toEqual([
      'm/01-suite.md:3:1: error: `assets/ete.png` and another file would both be `assets/ete.png` in the package [asset-name-clash]\n' +
        '  hint: Rename one of the two files: in a package, file names are lower-case ASCII.\n' +
        '  note: m/module.md:8:1: first defined here',
    ])
  })

  it('ships the organisation logo as assets/organisation-logo.<ext>, found from the nearest config', async () => {
    await write({
      'repo/cafes.config.yaml': 'organisation:\n  name: Les Cafés\n  logo: brand/Logo Café.SVG\n',
      'repo/brand/Logo Café.SVG': '<svg/>',
      'repo/modules/m/module.md': moduleMd('m', '![Logo](assets/organisation-logo.svg)'),
      'repo/modules/m/assets/organisation-logo.svg': '<svg/>',
    })
    const { result, messages } = await compile('repo/modules/m')
    expect(result.module?.config.organisation).toEqual({
      name: 'Les Cafés',
      logo: { source: path.join(root, 'repo/brand/Logo Café.SVG'), path: 'assets/organisation-logo.svg' },
    })
    expect(result.module?.course.organisation).toEqual({ name: 'Les Cafés', logo: 'assets/organisation-logo.svg' })
    expect(messages).toEqual([
      'repo/modules/m/module.md:8:1: error: `assets/organisation-logo.svg` and another file would both be `assets/organisation-logo.svg` in the package [asset-name-clash]\n' +
        '  hint: Rename one of the two files: in a package, file names are lower-case ASCII.\n' +
        '  note: repo/cafes.config.yaml:3:9: first defined here',
    ])
  })
})

describe('readModule (through compileModule)', () => {
  it('reads module.md, then the other .md files in byte order of their names', async () => {
    await write({
      'm/module.md': moduleMd('m', 'Accueil.'),
      'm/10-fin.md': '# Fin\n',
      'm/02-b.md': '# B\n',
      'm/01-a.md': '# A\n',
      'm/Zèbre.md': '# Zèbre\n',
      'm/.brouillon.md': '# Caché\n',
      'm/notes.txt': 'pas une page',
    })
    const { result, messages } = await compile('m')
    expect(messages).toEqual([])
    expect(result.module?.course.pages.map((page) => [page.id, page.title])).toEqual([
      ['index', 'Titre'],
      ['a', 'A'],
      ['b', 'B'],
      ['fin', 'Fin'],
      ['zebre', 'Zèbre'],
    ])
  })

  it('reports a folder without module.md, and a path that does not exist', async () => {
    await write({ 'vide/readme.md': '# Rien\n' })
    expect((await compile('vide')).messages).toEqual([
      'vide: error: No module in `vide`: a module is a folder that holds `module.md` [no-module-found]\n' +
        '  hint: Point to a module folder or a folder of modules, or create a module with `cafes new <folder>`.',
    ])
    const missing = await compile('absent')
    expect(missing.result.module).toBeUndefined()
    expect(missing.messages[0]).toMatch(/^absent: error: `absent` does not exist \[path-not-found\]/)
  })
})

describe('findModules', () => {
  it('finds every module under a folder, sorted, skipping node_modules and dot-folders', async () => {
    await write({
      'mods/b/module.md': moduleMd('b', ''),
      'mods/a/module.md': moduleMd('a', ''),
      'mods/a/sous/module.md': moduleMd('sous', ''),
      'mods/groupe/c/module.md': moduleMd('c', ''),
      'mods/node_modules/x/module.md': moduleMd('x', ''),
      'mods/.cache/y/module.md': moduleMd('y', ''),
    })
    const { dirs, diagnostics } = await findModules(['mods', 'mods/b', path.join(root, 'mods/groupe/c/module.md')], root)
    expect(diagnostics).toEqual([])
    expect(dirs).toEqual(['mods/a', 'mods/b', 'mods/groupe/c'].map((dir) => path.join(root, dir)))
  })

  it('reports paths that do not exist or hold no module', async () => {
    await write({ 'vide/notes.md': '', 'fichier.txt': '' })
    const { dirs, diagnostics } = await findModules(['nulle-part', 'vide', 'fichier.txt'], root)
    expect(dirs).toEqual([])
    expect(diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.ruleId} ${diagnostic.severity}`)).toEqual([
      'fichier.txt no-module-found error',
      'nulle-part path-not-found error',
      'vide no-module-found error',
    ])
  })
})

describe('loadConfig', () => {
  it('uses the nearest cafes.config.yaml and stops there', async () => {
    await write({
      'repo/cafes.config.yaml': 'targets: [scorm12]\n',
      'repo/sous/cafes.config.yaml': 'targets: [web]\ntheme:\n  primary: "#abc"\n',
      'repo/sous/m/module.md': moduleMd('m', ''),
    })
    const { config, diagnostics } = await loadConfig('repo/sous/m', root)
    expect(diagnostics).toEqual([])
    expect(config).toEqual({ file: path.join(root, 'repo/sous/cafes.config.yaml'), targets: ['web'], theme: { primary: '#abc' } })
  })

  it('reports a missing logo relative to the config file', async () => {
    await write({ 'cafes.config.yaml': 'organisation:\n  name: X\n  logo: logo.png\n', 'm/module.md': moduleMd('m', '') })
    const { config, diagnostics } = await loadConfig('m', root)
    expect(config.organisation).toEqual({ name: 'X' })
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'cafes.config.yaml:3:9: error: File `logo.png` not found [asset-not-found]\n' +
        '  hint: Check the spelling and the case of the name; the path is relative to the folder of `cafes.config.yaml`.',
    ])
  })
})
