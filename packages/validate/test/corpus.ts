import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { readZip } from '@cafes/lms-sim'
import { build, schemaFiles, type ScormEdition } from '@cafes/packager'
import { writeTestZip, type TestEntry } from './zip-writer.js'

export const ROOT = resolve(import.meta.dirname, '../../..')
const FIXTURES = join(import.meta.dirname, 'fixtures')
const dir = mkdtempSync(join(tmpdir(), 'cafes-validate-'))
let counter = 0

export type Target = 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5' | 'web'
export const TARGETS: readonly Target[] = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web']

/** `examples/demo-quiz` built for every target with the packager's `build()`, into a temp folder. */
export async function buildOurs(): Promise<Record<Target, string>> {
  const outDir = mkdtempSync(join(tmpdir(), 'cafes-validate-ours-'))
  const report = await build({ paths: [join(ROOT, 'examples/demo-quiz')], targets: [...TARGETS], outDir, cwd: ROOT })
  const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  if (errors.length > 0) throw new Error(`demo-quiz did not build: ${errors.map((error) => error.message).join('; ')}`)
  const zips = {} as Record<Target, string>
  for (const pkg of report.packages) zips[pkg.target as Target] = resolve(ROOT, pkg.zip!)
  return zips
}

/** Writes a hand-made zip into the temp folder and returns its path. */
export function saveZip(entries: readonly TestEntry[] | Buffer, name = 'package'): string {
  const path = join(dir, `${name}-${++counter}.zip`)
  writeFileSync(path, Buffer.isBuffer(entries) ? entries : writeTestZip(entries))
  return path
}

/** The entries of a zip, to corrupt and write again. */
export async function entriesOf(zipPath: string): Promise<TestEntry[]> {
  return (await readZip(zipPath)).map((entry) => ({ name: entry.name, data: entry.data }))
}

/** A zip made from another's entries, edited. */
export async function rezip(zipPath: string, edit: (entries: TestEntry[]) => TestEntry[]): Promise<string> {
  return saveZip(edit(await entriesOf(zipPath)))
}

/** Replaces text in one entry (the descriptor, usually); fails when the text is not there. */
export function editText(name: string, search: string | RegExp, replacement: string): (entries: TestEntry[]) => TestEntry[] {
  return (entries) =>
    entries.map((entry) => {
      if (entry.name !== name) return entry
      const text = String(entry.data)
      const next = text.replace(search, replacement)
      if (next === text) throw new Error(`${String(search)} not found in ${name}`)
      return { ...entry, data: next }
    })
}

/** A hand-written descriptor (shaped like other tools' output) with every file it names, and the schemas a SCORM zip ships. */
export async function packageFrom(fixture: string, descriptorName: string, options: { edition?: ScormEdition; edit?: (text: string) => string } = {}): Promise<TestEntry[]> {
  const text = (options.edit ?? ((value: string) => value))(readFileSync(join(FIXTURES, fixture), 'utf8'))
  const named = new Set<string>()
  for (const match of text.replace(/<!--[^]*?-->/g, '').matchAll(/<file href="([^"?#]+)"|<(?:launch|url)[^>]*>([^<?#]+)</g)) named.add((match[1] ?? match[2])!.trim())
  const entries: TestEntry[] = [{ name: descriptorName, data: text }]
  for (const name of [...named].sort()) entries.push({ name, data: name.endsWith('.html') ? '<!doctype html><title>x</title>' : '{}' })
  if (options.edition) for (const schema of await schemaFiles(options.edition)) entries.push({ name: schema.path, data: schema.data })
  return entries
}
