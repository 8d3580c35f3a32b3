import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** What a release writes next to its zips. */
export const INDEX_FILES = { sums: 'SHA256SUMS', json: 'index.json', html: 'index.html' } as const

/** Staging folders inside the output folder: hidden, and on the same file system (renames are atomic). */
const STAGING_PREFIX = '.release-'

/** The output folder cannot take a release: a usage error (exit 2). */
export class OutDirError extends Error {}

/**
 * The files an earlier release left in `outDir` (its index files and the zips its `SHA256SUMS`
 * lists), which this release replaces. Throws `OutDirError` when `outDir` holds anything else,
 * so that a mistyped `--out` never loses someone's files.
 */
export function previousRelease(outDir: string, shownOutDir: string): string[] {
  if (!existsSync(outDir)) return []
  if (!statSync(outDir).isDirectory()) throw new OutDirError(`${shownOutDir} is not a folder`)
  const sumsFile = join(outDir, INDEX_FILES.sums)
  const listed = new Set(existsSync(sumsFile) ? sumsFileNames(readFileSync(sumsFile, 'utf8')) : [])
  const names = readdirSync(outDir)
  const isIndexFile = (name: string): boolean => (Object.values(INDEX_FILES) as string[]).includes(name)
  const foreign = names.filter((name) => !isIndexFile(name) && !listed.has(name) && !name.startsWith(STAGING_PREFIX))
  if (foreign.length > 0) {
    const shown = foreign.sort().slice(0, 3).join(', ') + (foreign.length > 3 ? `, and ${foreign.length - 3} more` : '')
    throw new OutDirError(
      `${shownOutDir} holds files no release wrote (${shown}); a release replaces the whole folder: empty it or choose another --out`,
    )
  }
  return names.filter((name) => !name.startsWith(STAGING_PREFIX))
}

/** The file names of a `SHA256SUMS` file (`<hex>  <name>`, or `<hex> *<name>` in binary mode). */
function sumsFileNames(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const match = /^[0-9a-f]{64} [ *](.+)$/.exec(line)
    return match ? [match[1]!] : []
  })
}

/**
 * A fresh staging folder inside `outDir` (created when missing). Removes the staging folders of
 * interrupted releases first.
 */
export function createStaging(outDir: string): string {
  mkdirSync(outDir, { recursive: true })
  for (const name of readdirSync(outDir)) {
    if (name.startsWith(STAGING_PREFIX)) rmSync(join(outDir, name), { recursive: true, force: true })
  }
  return mkdtempSync(join(outDir, STAGING_PREFIX))
}

export interface PublishInput {
  outDir: string
  /** From `createStaging`; removed at the end. */
  stagingDir: string
  /** Each zip, built somewhere in the staging folder, and its name in `outDir`. */
  zips: { name: string; path: string }[]
  /** The index files' content, by name. */
  indexFiles: Record<string, string>
  /** From `previousRelease`: removed unless the new release has a file of that name. */
  previous: string[]
}

/**
 * Moves the zips into `outDir`, then writes the index files, then removes what is left of the
 * previous release, then the staging folder. Every file appears whole (renamed from the staging
 * folder), and `SHA256SUMS` and the index never list a zip that is not there yet.
 */
export function publishRelease(input: PublishInput): void {
  try {
    for (const zip of input.zips) renameSync(zip.path, join(input.outDir, zip.name))
    for (const [name, content] of Object.entries(input.indexFiles)) {
      const staged = join(input.stagingDir, name)
      writeFileSync(staged, content)
      renameSync(staged, join(input.outDir, name))
    }
    const current = new Set([...input.zips.map((zip) => zip.name), ...Object.keys(input.indexFiles)])
    for (const name of input.previous) if (!current.has(name)) rmSync(join(input.outDir, name), { force: true })
  } finally {
    discardStaging(input.stagingDir)
  }
}

/** Removes a staging folder and what it holds. */
export function discardStaging(stagingDir: string): void {
  rmSync(stagingDir, { recursive: true, force: true })
}
