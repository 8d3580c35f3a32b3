import { randomUUID } from 'node:crypto'
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXIT, UsageError, commandPointer, printDiagnostics, type Command } from '../command.js'
import { HELP } from '../options.js'
import { RULES, report } from '../rules.js'

/** The module `cafes new` copies: a real module (its own tests build it), whose id and title are replaced. */
const SCAFFOLD = fileURLToPath(new URL('../scaffold/', import.meta.url))

const MODULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** `cafes new`: a module folder to start from, with one example of each common block. */
export const newCommand: Command = {
  spec: {
    name: 'new',
    arguments: '<folder>',
    summary: 'Create a module to start from',
    description:
      'Creates <folder> holding a module in French with one example of each common block\n' +
      '(callout, quiz, scenario, mini-défi, tabs, cards, facilitator notes, image). The\n' +
      'folder name, in lower case without accents, becomes the module id. An existing\n' +
      'folder must be empty.',
    options: [HELP],
  },
  async run(_values, positionals, io) {
    const [folder, ...extra] = positionals
    if (folder === undefined) throw new UsageError('no folder to create', commandPointer(this.spec))
    if (extra.length > 0) throw new UsageError(`one folder at a time, not ${positionals.length}`, commandPointer(this.spec))
    const target = resolve(io.cwd, folder)
    const shown = relative(io.cwd, target).split(sep).join('/') || '.'
    const fail = (diagnostic: Parameters<typeof printDiagnostics>[0][number]) => {
      printDiagnostics([diagnostic], io)
      return EXIT.errors
    }

    const name = basename(target)
    const id = moduleId(name)
    if (!MODULE_ID.test(id)) return fail(report(RULES.newInvalidId, { name }, shown))
    const existing = await stat(target).catch(() => undefined)
    if (existing && !existing.isDirectory()) return fail(report(RULES.newFolderNotEmpty, { kind: 'file' }, shown))
    if (existing && (await readdir(target)).length > 0) return fail(report(RULES.newFolderNotEmpty, { kind: 'folder' }, shown))

    try {
      await writeModule(target, id, title(name))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error))
      return fail(report(RULES.newWriteFailed, { reason }, shown))
    }
    const files = await listFiles(target)
    io.out(`Created ${shown}/ (module id \`${id}\`):\n${files.map((file) => `  ${shown}/${file}\n`).join('')}`)
    io.out(`Next: edit the pages, then run \`cafes build ${shellWord(shown)}\`.\n`)
    return EXIT.ok
  },
}

/**
 * Copies the scaffold into a temporary sibling folder, then renames it into place: an interrupted
 * run leaves no half-written module (rename replaces an empty folder).
 */
async function writeModule(target: string, id: string, moduleTitle: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true })
  // mkdir, not mkdtemp: the module's folder gets the user's usual permissions (umask), not 0700.
  const staging = join(dirname(target), `.${basename(target)}-${randomUUID().slice(0, 8)}`)
  await mkdir(staging)
  try {
    await cp(SCAFFOLD, staging, { recursive: true })
    const modulePath = join(staging, 'module.md')
    const text = await readFile(modulePath, 'utf8')
    await writeFile(modulePath, text.replace(/^id: .*$/m, `id: ${id}`).replace(/^title: .*$/m, `title: ${yamlText(moduleTitle)}`))
    await rename(staging, target)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}

/** The id a folder name gives: lower-case ASCII, accents stripped, other characters as single hyphens. */
export function moduleId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** `transparence-ia` → `Transparence ia`: a title to replace, but never an empty one. */
function title(name: string): string {
  const words = name.replace(/[-_\s]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A YAML scalar for `text`: quoted when plain YAML would read it as something else. */
function yamlText(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .'’()-]*$/u.test(text) && !/^(true|false|null|yes|no|~|[\d.]+)$/i.test(text)
    ? text
    : JSON.stringify(text)
}

/** `path` as one shell word, quoted when it holds anything but safe characters. */
function shellWord(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [prefix + entry.name])),
  )
  return nested.flat().sort()
}
