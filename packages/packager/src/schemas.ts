import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PackageFile } from './package-file.js'
import type { ScormEdition } from './scorm-namespaces.js'

/** Folder of each edition's official control documents inside `schemas/` (see `schemas/NOTICE.md`). */
const SCHEMA_FOLDERS = { scorm12: 'scorm12', scorm2004: 'scorm2004-4th' } as const satisfies Record<ScormEdition, string>

let schemasRoot: string | undefined
const cache = new Map<ScormEdition, Promise<PackageFile[]>>()

/**
 * The `schemas/` folder: next to this file in the bundled CLI (`build/.cache/schemas/`),
 * else the package's own (`packages/packager/schemas/`).
 */
export function schemasDir(): string {
  if (schemasRoot === undefined) {
    const candidates = [new URL('./schemas/', import.meta.url), new URL('../schemas/', import.meta.url)]
    const found = candidates.find((url) => existsSync(new URL('scorm12/', url)))
    if (!found) throw new Error('the packager cannot find its schemas/ folder')
    schemasRoot = fileURLToPath(found)
  }
  return schemasRoot
}

/**
 * The edition's schema files, to put at the zip root unchanged (sub-folders kept), sorted by
 * path. Read once per process, synchronously: some forty small files, whose asynchronous reads
 * (four thread-pool round trips each) took longer than reading them.
 */
export function schemaFiles(edition: ScormEdition): Promise<PackageFile[]> {
  let files = cache.get(edition)
  if (!files) {
    files = readSchemaFolder(`${schemasDir()}${SCHEMA_FOLDERS[edition]}/`)
    cache.set(edition, files)
    files.catch(() => cache.delete(edition))
  }
  return files
}

async function readSchemaFolder(dir: string): Promise<PackageFile[]> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
  return paths.map((path) => ({ path, data: readFileSync(join(dir, path)) }))
}
