/**
 * Hostile and broken modules, generated from a fixed seed (fast-check): each must give diagnostics
 * or a clean compile, never an exception or a hang, and `build` must write no zip when there is an
 * error. Inputs run one at a time in a worker thread (`compile-worker.ts`): an input still running
 * after `HANG_MS` is reported as a hang and its worker replaced. Failing inputs stay on disk, named
 * in the failure, to replay.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { FuzzJob, FuzzResult } from './compile-worker.js'

const SEED = 20_250_601
/** Generous: a hang, not a slow input. Inputs are not timed otherwise. */
const HANG_MS = 10_000

type Content = string | Buffer
/** A module: file path (relative to the module folder) → content; `links`: symbolic links to create. */
interface FuzzModule {
  files: Record<string, Content>
  links?: Record<string, string>
}

const examplesRoot = fileURLToPath(new URL('../../examples/', import.meta.url))
const examplePages = readdirSync(examplesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(path.join(examplesRoot, entry.name))
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(path.join(examplesRoot, entry.name, name), 'utf8')),
  )
const frontMatter = '---\nid: fuzz\ntitle: Fuzz\npassMark: 50\n---\n\n# Page\n\n'

/** Pieces of the syntax, to break it in the places parsers care about. */
const MARKDOWN_TOKENS = [
  ':::', '::::', ':::::', ':::quiz{#q}', '::::quiz{#quiz}', ':::question{#q1}', ':::question{#q1 type=true-false}',
  ':::node{#n}', '::::scenario{#s}', ':::node{#fin ending=success}', '::::defi{#d title="D" time=60}', ':::tip',
  ':::tip[Titre]', '::::tabs{#t}', ':::tab[A]', '::::cards', ':::card[C]', ':::facilitator{in-person=x}',
  ':::audio{#a src=assets/a.mp3}', ':::unknown', ':a[b]', '10:30', '{#', '}', '{', '#id', 'weight=-1', 'pass=200',
  '- [x] ', '- [ ] ', '> ', '> [!correct]', '- ', '1. ', '-> ', '(+2)', '[a](#n)', '![alt](assets/x.png)', '![](x.png)',
  '\n', '\n\n', '---', '***', '`', '```', '~~~', '[', ']', '(', ')', '#', '# ', '## ', '*', '**', '_', '|', '|-|',
  '"', "'", '\t', '    ', '\u0000', 'é', 'œ', '\ufeff', '\r', '\r\n', '<script>alert(1)</script>', '<!--', '&amp;', '&#0;',
  '\\', 'a', 'mot ', 'Une phrase. ', '[^1]', '[^1]: note', '[r]: #x', '$$',
]
const YAML_TOKENS = [
  'id: ', 'title: ', 'passMark: ', 'targets: ', 'objectives:', 'completion: ', 'version: ', 'language: ', 'duration: ',
  'facilitation: ', 'inPerson: ', 'unknown: ', 'pass_mark: ', '[', ']', '{', '}', ':', ': ', '- ', '&a ', '*a', '!!binary ',
  '!!python/object ', '? ', '|', '>', '"', "'", '\n', '  ', '#', '%YAML 1.2\n', '---\n', '...\n', 'x', 'fuzz', '12', '-1',
  '1e309', '0x10', 'null', '~', '@', '`', '\t', 'é', '\u0000', 'scorm12', 'pages', 'true', '<<: *a',
]

const token = (tokens: string[]) => fc.constantFrom(...tokens)
const soup = (tokens: string[], maxLength: number) =>
  fc.array(token(tokens), { minLength: 1, maxLength }).map((parts) => parts.join(''))
const page = (body: string): FuzzModule => ({ files: { 'module.md': frontMatter + body } })

const families: Record<string, fc.Arbitrary<FuzzModule>> = {
  'broken front matter': fc
    .tuple(soup(YAML_TOKENS, 60), fc.constantFrom('---', '', '--', '...', '--- '), fc.boolean())
    .map(([yaml, close, withId]) => ({
      files: { 'module.md': `---\n${withId ? 'id: fuzz\n' : ''}${yaml}\n${close}\n\n# Titre\n\nTexte.\n` },
    })),
  'directive soup': soup(MARKDOWN_TOKENS, 120).map(page),
  'unclosed directives': fc
    .array(fc.constantFrom(':::quiz{#q}', '::::quiz{#q}', ':::question{#x}', '::::scenario{#s}', ':::node{#n}', ':::tip', '::::defi{#d title=D}', ':::::defi{#e title=E}', ':::tab[x]', 'Texte', '- [x] oui', '- [ ] non'), { minLength: 1, maxLength: 40 })
    .map((lines) => page(lines.join('\n'))),
  'random mutation of an example page': fc
    .tuple(
      fc.nat(examplePages.length - 1),
      fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'insert', 'truncate', 'swap-lines'), fc.nat(), fc.nat(200), token(MARKDOWN_TOKENS)), { minLength: 1, maxLength: 8 }),
      fc.boolean(),
    )
    .map(([index, edits, asModule]): FuzzModule => {
      let text = examplePages[index] ?? ''
      for (const [edit, at, length, inserted] of edits) text = mutate(text, edit, at, length, inserted)
      return asModule ? { files: { 'module.md': text } } : { files: { 'module.md': frontMatter, '01-page.md': text } }
    }),
  'invalid UTF-8': fc
    .tuple(fc.nat(examplePages.length - 1), fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4, min: 0x80, max: 0xff })), { minLength: 1, maxLength: 5 }), fc.boolean())
    .map(([index, insertions, inModuleMd]): FuzzModule => {
      let bytes = Buffer.from(examplePages[index] ?? '')
      for (const [at, inserted] of insertions) {
        const offset = at % (bytes.length + 1)
        bytes = Buffer.concat([bytes.subarray(0, offset), Buffer.from(inserted), bytes.subarray(offset)])
      }
      return inModuleMd ? { files: { 'module.md': bytes } } : { files: { 'module.md': frontMatter, '01-page.md': bytes } }
    }),
  'NUL bytes': fc
    .tuple(fc.nat(examplePages.length - 1), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }))
    .map(([index, positions]) => {
      let text = examplePages[index] ?? ''
      for (const at of positions) {
        const offset = at % (text.length + 1)
        text = `${text.slice(0, offset)}\u0000${text.slice(offset)}`
      }
      return { files: { 'module.md': frontMatter, '01-page.md': text } }
    }),
  'path tricks in references': fc
    .tuple(
      fc.constantFrom(
        '../secret.txt', '../../secret.txt', '/etc/passwd', 'file:///etc/passwd', 'file:../secret.txt', '%2e%2e/secret.txt',
        '..%2fsecret.txt', 'assets/%2e%2e/%2e%2e/secret.txt', 'assets/../../secret.txt', '..\\secret.txt', 'C:\\Windows\\win.ini',
        '\\\\server\\share\\x.png', 'data:text/html,<script>alert(1)</script>', 'javascript:alert(1)', 'https://evil.example/x.png',
        '//evil.example/x.png', 'assets/link-out.png', 'assets/link-dir/secret.txt', 'assets/ok.png', 'assets/ok.png?x=../../',
        'assets/ok.png#../', '.', 'assets/', '~/.ssh/id_rsa', 'ASSETS/OK.PNG', 'assets/ok.png/..', '%252e%252e/secret.txt',
        'assets/%00.png', 'assets/ok.png%00.txt', 'assets//ok.png', './assets/./ok.png', 'assets/link-loop.png',
      ),
      fc.constantFrom(
        (url: string) => `![Une image](${url})`,
        (url: string) => `![Une image](<${url}>)`,
        (url: string) => `![Une image][ref]\n\n[ref]: ${url}`,
        (url: string) => `[Un lien](${url})`,
        (url: string) => `:::audio{#a src=${JSON.stringify(url)} transcript=${JSON.stringify(url)} title="Épisode"}\n:::`,
        (url: string) => `:::audio{#a src=assets/a.mp3 transcript=${JSON.stringify(url)} title="Épisode"}\n:::`,
        (url: string) => `:::video{#v src=assets/v.webm captions=${JSON.stringify(url)} poster=${JSON.stringify(url)} title="Vidéo"}\n:::`,
        (url: string) => `::::scenario{#s}\n:::node{#n}\n![Une image](${url})\n\n- [Fin](#f)\n:::\n\n:::node{#f ending=success}\nFin.\n:::\n::::`,
      ),
    )
    .map(([url, reference]) => ({
      files: {
        'module.md': frontMatter + reference(url),
        'assets/ok.png': 'png',
        'assets/a.mp3': 'mp3',
        'assets/v.webm': 'webm',
      },
      links: { 'assets/link-out.png': '../../secret.txt', 'assets/link-dir': '../..', 'assets/link-loop.png': 'link-loop.png' },
    })),
  'duplicated ids': fc
    .array(
      fc.tuple(
        fc.constantFrom('01-a.md', '02-a.md', 'a.md', '03-b.md', '1-a.md', 'A.md'),
        fc.array(
          fc.constantFrom(
            (id: string) => `:::quiz{#${id}}\nQ ?\n- [x] Oui\n- [ ] Non\n:::`,
            (id: string) => `::::quiz{#quiz-${id}}\n:::question{#${id}}\nQ ?\n- [x] Oui\n- [ ] Non\n:::\n:::question{#${id}}\nQ ?\n- [x] Oui\n- [ ] Non\n:::\n::::`,
            (id: string) => `::::scenario{#${id}}\n:::node{#${id}}\nT\n- [A](#${id})\n:::\n::::`,
            (id: string) => `::::tabs{#${id}}\n:::tab[A]\nx\n:::\n::::`,
            (id: string) => `::::defi{#${id} title=D}\n- [ ] x\n::::`,
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom('a', 'b', 'index', 'q'),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((pages) => {
      const files: Record<string, string> = { 'module.md': frontMatter }
      for (const [name, blocks, id] of pages) files[name] = `# ${name}\n\n${blocks.map((block) => block(id)).join('\n\n')}\n`
      return { files }
    }),
  'deep nesting': fc
    .tuple(
      fc.constantFrom(
        (n: number) => '> '.repeat(n) + 'x',
        (n: number) => '>'.repeat(n) + ' x',
        (n: number) => '- '.repeat(n) + 'x',
        (n: number) => '1. '.repeat(n) + 'x',
        (n: number) => '> - '.repeat(n) + 'x',
        (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(2 * (i % 500))}- x`).join('\n'),
        (n: number) => Array.from({ length: n }, (_, i) => `${'>'.repeat(i % 40)} x`).join('\n'),
        (n: number) => ':::tip\n'.repeat(n) + 'x',
        (n: number) => Array.from({ length: Math.min(n, 300) }, (_, i) => `${':'.repeat(303 - i)}tip`).join('\n') + '\nx',
        (n: number) => '*'.repeat(n) + 'a' + '*'.repeat(n),
        (n: number) => '[a]('.repeat(n),
        (n: number) => '!['.repeat(n),
      ),
      fc.constantFrom(10_000, 4_000, 1_000, 100),
    )
    .map(([shape, depth]) => page(shape(depth))),
  'huge lines': fc
    .tuple(fc.constantFrom('a', '*', '[', 'é', '\u0000', '> ', '|a', 'mot ', ':'), fc.constantFrom(1_000_000, 9_999), fc.boolean())
    .map(([unit, length, inFrontMatter]) => {
      const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
      return inFrontMatter ? { files: { 'module.md': `---\nid: fuzz\ntitle: ${line}\n---\n# T\n` } } : page(line)
    }),
}

/** How many inputs each family gets: over 1,000 in all, the slow shapes fewer. */
const RUNS: Record<string, number> = {
  'broken front matter': 150,
  'directive soup': 150,
  'unclosed directives': 100,
  'random mutation of an example page': 250,
  'invalid UTF-8': 100,
  'NUL bytes': 60,
  'path tricks in references': 120,
  'duplicated ids': 100,
  'deep nesting': 40,
  'huge lines': 20,
}

function mutate(text: string, edit: string, at: number, length: number, inserted: string): string {
  const offset = at % (text.length + 1)
  switch (edit) {
    case 'delete':
      return text.slice(0, offset) + text.slice(offset + length)
    case 'duplicate':
      return text.slice(0, offset + length) + text.slice(offset, offset + length) + text.slice(offset + length)
    case 'insert':
      return text.slice(0, offset) + inserted + text.slice(offset)
    case 'truncate':
      return text.slice(0, offset)
    default: {
      const lines = text.split('\n')
      const a = at % lines.length
      const b = (at + length) % lines.length
      ;[lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? '']
      return lines.join('\n')
    }
  }
}

/** One worker at a time; replaced after a hang. */
class FuzzRunner {
  private worker = FuzzRunner.start()

  private static start(): Worker {
    // A worker does not inherit vitest's TypeScript loader: it registers tsx's, then loads the worker.
    const bootstrap =
      `import('tsx/esm/api').then(({ register }) => { register(); ` +
      `return import(${JSON.stringify(new URL('./compile-worker.ts', import.meta.url).href)}) })`
    return new Worker(bootstrap, { eval: true })
  }

  run(job: FuzzJob): Promise<FuzzResult | 'hang'> {
    const worker = this.worker
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage)
        worker.off('error', onError)
        void worker.terminate()
        this.worker = FuzzRunner.start()
        resolve('hang')
      }, HANG_MS)
      const onMessage = (result: FuzzResult) => {
        if (result.id !== job.id) return
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        resolve(result)
      }
      const onError = (error: Error) => {
        clearTimeout(timer)
        reject(error)
      }
      worker.on('message', onMessage)
      worker.once('error', onError)
      worker.postMessage(job)
    })
  }

  close(): Promise<number> {
    return this.worker.terminate()
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'cafes-fuzz-'))
const runner = new FuzzRunner()
let failed = false

afterAll(async () => {
  await runner.close()
  // Failing inputs stay for replay; a clean run leaves nothing.
  if (!failed) rmSync(root, { recursive: true, force: true })
})

function writeModule(dir: string, module: FuzzModule): void {
  for (const [name, content] of Object.entries(module.files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), content)
  }
  for (const [name, target] of Object.entries(module.links ?? {})) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    symlinkSync(target, path.join(dir, name))
  }
}

describe('compiling hostile and broken modules', () => {
  it('gives diagnostics or a clean compile for each, never a throw or a hang, and no zip on errors', async () => {
    // The look-up of cafes.config.yaml stops here; secret.txt is what escapes would reach.
    writeFileSync(path.join(root, 'cafes.config.yaml'), '')
    writeFileSync(path.join(root, 'secret.txt'), 'SECRET')
    const failures: string[] = []
    let total = 0
    let withErrors = 0
    for (const [family, arbitrary] of Object.entries(families)) {
      const modules = fc.sample(arbitrary, { seed: SEED, numRuns: RUNS[family] ?? 0 })
      for (const [index, module] of modules.entries()) {
        total++
        const dir = path.join(root, 'modules', `${total}`)
        writeModule(dir, module)
        const job = { id: total, dir, outDir: path.join(root, 'out', `${total}`), cwd: root }
        const result = await runner.run(job)
        if (result === 'hang') failures.push(`${family} #${index} (${dir}): still running after ${HANG_MS} ms`)
        else if (result.problems.length > 0) failures.push(`${family} #${index} (${dir}):\n  ${result.problems.join('\n  ')}`)
        else if (result.errors > 0) withErrors++
        if (failures.length === 0) rmSync(dir, { recursive: true, force: true })
      }
    }
    failed = failures.length > 0
    expect(failures).toEqual([])
    expect(total).toBeGreaterThanOrEqual(1_000)
    // The generators do reach the error paths, and the clean ones too.
    expect(withErrors).toBeGreaterThan(total / 2)
    expect(withErrors).toBeLessThan(total)
  }, 600_000)
})
