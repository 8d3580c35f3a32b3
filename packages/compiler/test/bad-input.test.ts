/**
 * Files authors get wrong in ways the Markdown never shows: another encoding, no permission to read,
 * broken YAML. Each gives a diagnostic naming the file (and the place), never an exception.
 */
import { spawnSync } from 'node:child_process'
import { chmod, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatDiagnostic, type Diagnostic } from '@cafes/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compileModule } from '../src/index.js'

const repository = fileURLToPath(new URL('../../../', import.meta.url))
let root: string

beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(tmpdir(), 'cafes-bad-input-')))
  // Readable by the unprivileged user the permission tests run as.
  await chmod(root, 0o755)
  await writeFile(path.join(root, 'cafes.config.yaml'), '')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function write(files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true, mode: 0o755 })
    await writeFile(path.join(root, name), content)
  }
}

const page = (id: string) => `---\nid: ${id}\ntitle: Titre\n---\n\n# Titre\n\nBonjour.\n`

async function messages(dir: string): Promise<string[]> {
  const { diagnostics } = await compileModule(dir, { cwd: root })
  return diagnostics.map(formatDiagnostic)
}

/**
 * Compiles as a user the permissions apply to: root reads every file whatever its mode, so under
 * root the compile runs in a child process without the capabilities that override file modes
 * (util-linux `setpriv`). It stays root otherwise, so it reads the checkout wherever it lies.
 */
function compileUnprivileged(dir: string): Diagnostic[] {
  const script =
    "const { compileModule } = await import('@cafes/compiler');" +
    `const result = await compileModule(${JSON.stringify(dir)}, { cwd: ${JSON.stringify(root)} });` +
    'process.stdout.write(JSON.stringify(result.diagnostics))'
  const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', script]
  const command = process.getuid?.() === 0 ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--', ...node] : node
  const child = spawnSync(command[0]!, command.slice(1), { cwd: repository, encoding: 'utf8', timeout: 60_000 })
  expect(child.stderr).toBe('')
  return JSON.parse(child.stdout) as Diagnostic[]
}

describe('files that are not UTF-8', () => {
  it('reports the first bad byte of a page at its line:col, and still checks the rest', async () => {
    await write({
      'm/module.md': page('m'),
      // "Café" saved in Windows-1252, then an image without alternative text.
      'm/01-suite.md': Buffer.concat([Buffer.from('# Suite\n\nUn caf'), Buffer.from([0xe9]), Buffer.from(' noir.\n\n![](x.png)\n')]),
    })
    const found = await messages('m')
    expect(found[0]).toBe(
      'm/01-suite.md:3:7: error: This file is not UTF-8: byte `0xE9` here starts no UTF-8 character [file-invalid-utf8]\n' +
        '  hint: Save the file as UTF-8 (in your editor: "Save with encoding" → UTF-8); text exported from Word or Excel is often Windows-1252.',
    )
    expect(found.some((message) => message.includes('[image-missing-alt]'))).toBe(true)
  })

  it('reports a cafes.config.yaml that is not UTF-8', async () => {
    await write({ 'cafes.config.yaml': Buffer.from('organisation:\n  name: Caf\xe9s\n', 'latin1'), 'm/module.md': page('m') })
    expect((await messages('m'))[0]).toMatch(/^cafes\.config\.yaml:2:12: error: This file is not UTF-8: byte `0xE9`/)
  })

  it('accepts a byte-order mark', async () => {
    await write({ 'm/module.md': `\ufeff${page('m')}`, 'm/01-suite.md': '\ufeff# Suite\n' })
    expect(await messages('m')).toEqual([])
  })
})

describe('files that cannot be read', () => {
  it('reports an unreadable page and compiles the others', async () => {
    await write({ 'm/module.md': page('m'), 'm/01-secret.md': '# Secret\n', 'm/02-fin.md': '# Fin\n' })
    await chmod(path.join(root, 'm/01-secret.md'), 0o000)
    const diagnostics = compileUnprivileged('m')
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'm/01-secret.md: error: This file cannot be read: permission denied [file-unreadable]\n' +
        '  hint: Check that the file is a regular file you are allowed to read (`ls -l` shows its permissions), then build again.',
    ])
  })

  it('reports an unreadable module.md alone, not the missing id and title that follow from it', async () => {
    await write({ 'm/module.md': page('m') })
    await chmod(path.join(root, 'm/module.md'), 0o200)
    expect(compileUnprivileged('m').map((diagnostic) => `${diagnostic.file} ${diagnostic.ruleId}`)).toEqual([
      'm/module.md file-unreadable',
    ])
  })

  it('reports an unreadable cafes.config.yaml', async () => {
    await write({ 'm/module.md': page('m') })
    await chmod(path.join(root, 'cafes.config.yaml'), 0o000)
    expect(compileUnprivileged('m').map((diagnostic) => `${diagnostic.file} ${diagnostic.ruleId}`)).toEqual([
      'cafes.config.yaml file-unreadable',
    ])
  })

  it('reports an unreadable transcript on the transcript', async () => {
    await write({
      'm/module.md': `${page('m')}\n:::audio{#a src=assets/a.mp3 transcript=assets/a.md title="Épisode"}\n:::\n`,
      'm/assets/a.mp3': 'mp3',
      'm/assets/a.md': 'Bonjour.',
    })
    await chmod(path.join(root, 'm/assets/a.md'), 0o000)
    expect(compileUnprivileged('m').map((diagnostic) => `${diagnostic.file} ${diagnostic.ruleId}`)).toEqual([
      'm/assets/a.md file-unreadable',
    ])
  })
})

describe('broken YAML and unknown keys', () => {
  it('reports bad YAML in the front matter and in cafes.config.yaml, each at its place', async () => {
    await write({
      'cafes.config.yaml': 'organisation:\n  name: "Les Cafés\n',
      'm/module.md': '---\nid: m\ntitle: [Titre\n---\n\n# Titre\n',
    })
    const found = (await messages('m')).map((message) => message.split('\n')[0])
    expect(found).toEqual([
      expect.stringMatching(/^cafes\.config\.yaml:3:1: error: `cafes\.config\.yaml` is not valid YAML: .+ \[config-invalid-yaml\]$/),
      expect.stringMatching(/^m\/module\.md:3:\d+: error: The front matter is not valid YAML: .+ \[frontmatter-invalid-yaml\]$/),
    ])
  })

  it('suggests the key an author meant', async () => {
    await write({ 'cafes.config.yaml': 'theme:\n  primry: "#fff"\n', 'm/module.md': '---\nid: m\ntitle: T\npass_mark: 80\n---\n# T\n' })
    const { diagnostics } = await compileModule('m', { cwd: root })
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.hint])).toEqual([
      ['config-unknown-key', 'Did you mean `theme.primary`?'],
      ['frontmatter-unknown-key', 'Did you mean `passMark`?'],
    ])
  })
})
