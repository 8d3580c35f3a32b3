/**
 * All disk access of the compiler (Slidev's `fs.ts`): finding modules, reading pages and
 * `cafes.config.yaml`, and the checks only the disk can answer (does a file exist, does a symbolic
 * link lead out of the module). Everything else is pure.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostic } from '@cafes/core'
import type { Position } from 'unist'
import { VFile } from 'vfile'
import { assetTarget } from './asset-url.js'
import { CONFIG_FILE_NAME, parseConfig } from './config.js'
import { decodeText } from './decode-text.js'
import type { AssetReference } from './page.js'
import { relativePath, report, toDiagnostics, type Note } from './report.js'
import { FIRST_DEFINED_HERE, rules, type Rule } from './rules.js'
import type { ModuleAsset, ProjectConfig } from './types.js'

const MODULE_FILE = 'module.md'

/**
 * The module folders `paths` name, resolved against `cwd`: a folder holding `module.md` is a module; any
 * other folder yields every module under it (not under `node_modules` or dot-folders). Absolute paths,
 * deduplicated, in byte order.
 */
export async function findModules(paths: string[], cwd: string): Promise<{ dirs: string[]; diagnostics: Diagnostic[] }> {
  const problems: VFile[] = []
  const found = await Promise.all(
    paths.map(async (given) => {
      const absolute = path.resolve(cwd, given)
      const shown = relativePath(cwd, absolute)
      const stats = await stat(absolute).catch(() => undefined)
      if (!stats) {
        problems.push(problem(absolute, rules.pathNotFound, { path: shown }))
        return []
      }
      if (stats.isFile() && path.basename(absolute) === MODULE_FILE) return [path.dirname(absolute)]
      const dirs = stats.isDirectory() ? await modulesUnder(absolute) : []
      if (dirs.length === 0) problems.push(problem(absolute, rules.noModuleFound, { path: shown }))
      return dirs
    }),
  )
  return { dirs: [...new Set(found.flat())].sort(byteOrder), diagnostics: toDiagnostics(problems, cwd) }
}

async function modulesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  if (entries.some((entry) => entry.name === MODULE_FILE && entry.isFile())) return [dir]
  const children = entries.filter(
    (entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules',
  )
  const nested = await Promise.all(children.map((entry) => modulesUnder(path.join(dir, entry.name))))
  return nested.flat()
}

/**
 * The pages of the module in `dir`: `module.md`, then the folder's other `*.md` files in byte order of
 * their names (dot-files aside), and apart, with their error, the pages that cannot be read. A `problem`
 * file instead when `dir` is no module or its `module.md` cannot be read.
 */
export async function readModule(
  dir: string,
  cwd: string,
): Promise<{ files: VFile[]; unreadable: VFile[] } | { problem: VFile }> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined)
  if (!entries) return { problem: problem(dir, rules.pathNotFound, { path: relativePath(cwd, dir) }) }
  if (!entries.some((entry) => entry.name === MODULE_FILE && entry.isFile())) {
    return { problem: problem(dir, rules.noModuleFound, { path: relativePath(cwd, dir) }) }
  }
  const pages = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== MODULE_FILE)
    .filter((entry) => !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort(byteOrder)
  const read = await Promise.all([MODULE_FILE, ...pages].map((name) => readTextFile(path.join(dir, name))))
  // module.md unread, the module has no id or title: say only that, not what follows from it.
  if (read[0]?.unreadable) return { problem: read[0].file }
  const pick = (unreadable: boolean) => read.filter((entry) => entry.unreadable === unreadable).map((entry) => entry.file)
  return { files: pick(false), unreadable: pick(true) }
}

/**
 * A text file of the module as a `VFile`: decoded as UTF-8 (a byte-order mark is fine), with an error
 * at the first byte that is not UTF-8, or an error and no text when it cannot be read at all.
 */
export async function readTextFile(absolute: string): Promise<{ file: VFile; unreadable: boolean }> {
  let bytes: Buffer
  try {
    bytes = await readFile(absolute)
  } catch (error) {
    const file = new VFile({ path: absolute, value: '' })
    report(file, rules.fileUnreadable, { reason: readFailure(error) })
    return { file, unreadable: true }
  }
  const { text, invalid } = decodeText(bytes)
  const file = new VFile({ path: absolute, value: text })
  if (invalid) {
    const byte = invalid.byte.toString(16).toUpperCase().padStart(2, '0')
    report(file, rules.fileInvalidUtf8, { byte }, { line: invalid.line, column: invalid.column })
  }
  return { file, unreadable: false }
}

/** Why a read failed, in the words of the message ("This file cannot be read: …"). */
function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'it is a folder'
    case 'ENOENT':
      return 'it disappeared while the build was reading the module'
    case 'ELOOP':
      return 'its symbolic links go round in a circle'
    default:
      return code ? `the system refused (${code})` : 'the system refused'
  }
}

export interface LoadedConfig {
  config: ProjectConfig
  /** The config file, carrying its diagnostics. */
  file?: VFile
  /** Where the logo is written, for "first defined here". */
  logoPlace?: Position
}

/**
 * The first `cafes.config.yaml` found from `moduleDir` up to the filesystem root, validated, with its
 * logo checked on disk (inside the config's folder) and given the package path
 * `assets/organisation-logo.<ext>`.
 */
export async function readConfig(moduleDir: string): Promise<LoadedConfig> {
  const found = await findConfigFile(moduleDir)
  if (!found) return { config: {} }
  const { file, unreadable } = found
  if (unreadable || file.messages.length > 0) return { config: {}, file }
  const { config, logo } = parseConfig(file)
  if (!logo) return { config, file }

  const base = `the folder of \`${CONFIG_FILE_NAME}\``
  const target = assetTarget(logo.url)
  if (target.kind === 'data') {
    const args = { key: 'organisation.logo', expected: 'a file path', actual: 'a `data:` URI', example: 'logo: assets/logo.svg' }
    report(file, rules.configInvalidValue, args, logo.place)
  } else if (target.kind === 'external') {
    report(file, rules.assetExternal, { url: logo.url }, logo.place)
  } else if (target.kind === 'outside') {
    report(file, rules.assetOutsideModule, { url: logo.url, base }, logo.place)
  } else {
    const root = path.dirname(file.path)
    const resolved = await resolveFile(await realpath(root), root, target.path)
    if (resolved.kind !== 'file') {
      reportUnresolved(file, resolved.kind, logo.url, base, logo.place)
    } else if (config.organisation) {
      const extension = path.posix.extname(target.path).toLowerCase().replace(/[^a-z0-9.]/g, '')
      config.organisation.logo = { source: resolved.source, path: `assets/organisation-logo${extension}` }
    }
  }
  return { config, file, logoPlace: logo.place }
}

/** `loadConfig` as the public API has it: the config and its diagnostics, relative to `cwd`. */
export async function loadConfig(
  moduleDir: string,
  cwd: string,
): Promise<{ config: ProjectConfig; diagnostics: Diagnostic[] }> {
  const { config, file } = await readConfig(path.resolve(cwd, moduleDir))
  return { config, diagnostics: file ? toDiagnostics([file], cwd) : [] }
}

/** The nearest config file, read (a folder of that name is no config file). */
async function findConfigFile(from: string): Promise<{ file: VFile; unreadable: boolean } | undefined> {
  for (let dir = from; ; ) {
    const candidate = path.join(dir, CONFIG_FILE_NAME)
    const stats = await stat(candidate).catch(() => undefined)
    if (stats && !stats.isDirectory()) return readTextFile(candidate)
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** An image of a page, with the page it is on. */
export interface PageAsset {
  file: VFile
  reference: AssetReference
}

/**
 * Checks on disk the files the pages reference: each must exist inside the module folder, symbolic
 * links resolved. Two different files must not get one package path (nor the logo's, `reserved`).
 * Returns the files to ship, deduplicated.
 */
export async function checkModuleAssets(
  moduleDir: string,
  references: readonly PageAsset[],
  reserved?: { asset: ModuleAsset; note: Note },
): Promise<ModuleAsset[]> {
  if (references.length === 0) return []
  const realRoot = await realpath(moduleDir)
  const resolutions = new Map<string, Promise<Resolution>>()
  const resolve = (relative: string) => {
    let resolution = resolutions.get(relative)
    if (!resolution) {
      resolution = resolveFile(realRoot, moduleDir, relative)
      resolutions.set(relative, resolution)
    }
    return resolution
  }
  const resolved = await Promise.all(references.map(({ reference }) => resolve(reference.path)))

  const shipped = new Map<string, { source: string; note: Note; own: boolean }>()
  if (reserved) shipped.set(reserved.asset.path, { source: reserved.asset.source, note: reserved.note, own: false })
  references.forEach(({ file, reference }, index) => {
    const resolution = resolved[index]
    if (!resolution) return
    if (resolution.kind !== 'file') {
      reportUnresolved(file, resolution.kind, reference.url, 'the module folder', reference.place)
      return
    }
    const first = shipped.get(reference.packagePath)
    if (!first) {
      const note = { message: FIRST_DEFINED_HERE, file: file.path, place: reference.place }
      shipped.set(reference.packagePath, { source: resolution.source, note, own: true })
    } else if (first.source !== resolution.source) {
      const args = { url: reference.url, path: reference.packagePath }
      report(file, rules.assetNameClash, args, reference.place, [first.note])
    }
  })
  return [...shipped].filter(([, entry]) => entry.own).map(([packagePath, entry]) => ({ source: entry.source, path: packagePath }))
}

/**
 * A text file of the module (a transcript), `relative` being lexically inside `moduleDir`, carrying its
 * own read problems (not UTF-8, unreadable); undefined when it is missing or outside the module, which
 * is reported on `problem.file` unless `quiet` (the asset check reports it).
 */
export async function readModuleText(
  moduleDir: string,
  relative: string,
  problem: { file: VFile; url: string; place: Position | undefined; quiet: boolean },
): Promise<{ file: VFile; unreadable: boolean } | undefined> {
  const resolved = await resolveFile(await realpath(moduleDir), moduleDir, relative)
  if (resolved.kind !== 'file') {
    if (!problem.quiet) reportUnresolved(problem.file, resolved.kind, problem.url, 'the module folder', problem.place)
    return undefined
  }
  return readTextFile(path.resolve(moduleDir, relative))
}

type Resolution = { kind: 'file'; source: string } | { kind: 'missing' | 'folder' | 'outside' }

/** `relative` (already lexically inside `root`) on disk: its real path must stay inside `realRoot`. */
async function resolveFile(realRoot: string, root: string, relative: string): Promise<Resolution> {
  const real = await realpath(path.resolve(root, relative)).catch(() => undefined)
  if (real === undefined) return { kind: 'missing' }
  const inside = path.relative(realRoot, real)
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    return inside === '' ? { kind: 'folder' } : { kind: 'outside' }
  }
  const stats = await stat(real)
  return stats.isFile() ? { kind: 'file', source: real } : { kind: 'folder' }
}

function reportUnresolved(
  file: VFile,
  kind: 'missing' | 'folder' | 'outside',
  url: string,
  base: string,
  place: Position | undefined,
): void {
  if (kind === 'outside') report(file, rules.assetOutsideModule, { url, base }, place)
  else report(file, rules.assetNotFound, { url, base, folder: kind === 'folder' }, place)
}

/** A file carrying one problem about a path (no module there, no such path). */
function problem<Args>(file: string, rule: Rule<Args>, args: Args): VFile {
  const vfile = new VFile({ path: file })
  report(vfile, rule, args)
  return vfile
}

/** Byte order of UTF-8 names, as `ls` sorts under `LC_ALL=C`. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}
