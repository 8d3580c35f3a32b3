/**
 * The catalogue: every module of a modules folder, read through the compiler, in the order and
 * with the commitments that `catalogue.yaml` (beside the modules) gives; and `README.md`, the
 * catalogue written out in Markdown. Pure but for reading the disk: nothing here writes.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join, relative, resolve, sep } from 'node:path'
import { checkDuplicateModuleIds, compileModule, findModules, type CompiledModule, type ModuleMeta } from '@cafes/compiler'
import { hasErrors, type Diagnostic } from '@cafes/core'
import { defaultTargets, PACKAGE_TARGETS, type PackageTarget } from '@cafes/packager'

/** Beside the module folders: the catalogue order and the commitments of each module. */
export const CATALOGUE_FILE = 'catalogue.yaml'
/** Beside the module folders, written from the catalogue. */
export const README_FILE = 'README.md'
/** How to regenerate the README; written into it. */
export const CATALOGUE_COMMAND = 'node --import tsx build/catalogue.ts'

/** One of Impact AI's commitments, as `catalogue.yaml` names it. */
export interface Commitment {
  id: string
  title: string
  summary: string
}

/** A module as the catalogue lists it: its front matter, where it is, what it covers. */
export interface CatalogueModule
  extends Pick<ModuleMeta, 'id' | 'title' | 'language' | 'version' | 'description' | 'duration' | 'objectives' | 'passMark' | 'facilitation'> {
  /** The module folder, absolute. */
  dir: string
  /** The folder relative to the modules folder, `/` separators (`dignite`). */
  folder: string
  /** In the order of `catalogue.yaml`'s `commitments`. */
  commitments: Commitment[]
  /** False when the module is missing from `catalogue.yaml` (listed after the others). */
  listed: boolean
  /** What a plain `cafes build` produces for it. */
  defaultTargets: PackageTarget[]
  /** The compiler found errors: no package can be built until they are fixed. */
  hasErrors: boolean
}

export interface Catalogue {
  /** The organisation of `cafes.config.yaml`, when it names one. */
  organisation?: string
  commitments: Commitment[]
  modules: CatalogueModule[]
  /** Every diagnostic the compiler reported while reading the modules. */
  diagnostics: Diagnostic[]
  /** What the reader should know: modules listed but absent, modules not listed, modules that could not be read. */
  notes: string[]
}

/** `catalogue.yaml` is missing or malformed: the catalogue cannot be read at all. */
export class CatalogueError extends Error {}

interface CatalogueFile {
  commitments: Commitment[]
  modules: { id: string; commitments: string[] }[]
}

/**
 * Reads the catalogue of `modulesDir`: compiles every module found there (the learner compile,
 * as `cafes build` does) and orders them as `catalogue.yaml` says, the modules it does not list
 * after the others in id order. `cwd` names files in diagnostics.
 */
export async function loadCatalogue(modulesDir: string, options: { cwd: string }): Promise<Catalogue> {
  const root = resolve(options.cwd, modulesDir)
  const file = readCatalogueFile(join(root, CATALOGUE_FILE))
  const notes: string[] = []
  const diagnostics: Diagnostic[] = []

  const found = existsSync(root) ? await findModules([root], options.cwd) : { dirs: [], diagnostics: [] }
  const compiled = await Promise.all(found.dirs.map(async (dir) => ({ dir, result: await compileModule(dir, { cwd: options.cwd }) })))
  const modules: CompiledModule[] = []
  const errors = new Set<string>()
  for (const { dir, result } of compiled) {
    diagnostics.push(...result.diagnostics)
    if (hasErrors(result.diagnostics)) errors.add(resolve(dir))
    if (result.module) modules.push(result.module)
    else notes.push(`${folderOf(root, dir)}: the module cannot be read; it is left out of the catalogue.`)
  }
  diagnostics.push(...checkDuplicateModuleIds(modules, options.cwd))

  const byId = new Map<string, CompiledModule>()
  for (const module of modules) {
    if (byId.has(module.meta.id)) notes.push(`${folderOf(root, module.dir)}: id "${module.meta.id}" is used by another module too; only the first one is listed.`)
    else byId.set(module.meta.id, module)
  }
  const listedIds = new Set(file.modules.map((entry) => entry.id))
  const entries: CatalogueModule[] = []
  for (const entry of file.modules) {
    const module = byId.get(entry.id)
    if (!module) {
      notes.push(`${CATALOGUE_FILE}: module "${entry.id}" has no folder yet; it is left out.`)
      continue
    }
    const commitments = file.commitments.filter((commitment) => entry.commitments.includes(commitment.id))
    entries.push(catalogueModule(root, module, commitments, true, errors))
  }
  const unlisted = [...byId.values()].filter((module) => !listedIds.has(module.meta.id)).sort((a, b) => compareText(a.meta.id, b.meta.id))
  for (const module of unlisted) {
    notes.push(`${folderOf(root, module.dir)}: module "${module.meta.id}" is not in ${CATALOGUE_FILE}; it is listed last, without commitments.`)
    entries.push(catalogueModule(root, module, [], false, errors))
  }
  const organisation = modules[0]?.config.organisation?.name
  return { ...(organisation ? { organisation } : {}), commitments: file.commitments, modules: entries, diagnostics, notes }
}

function catalogueModule(
  root: string,
  module: CompiledModule,
  commitments: Commitment[],
  listed: boolean,
  errors: ReadonlySet<string>,
): CatalogueModule {
  const { meta } = module
  return {
    id: meta.id,
    dir: module.dir,
    folder: folderOf(root, module.dir),
    title: meta.title,
    language: meta.language,
    version: meta.version,
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    ...(meta.duration !== undefined ? { duration: meta.duration } : {}),
    objectives: meta.objectives,
    ...(meta.passMark !== undefined ? { passMark: meta.passMark } : {}),
    ...(meta.facilitation !== undefined ? { facilitation: meta.facilitation } : {}),
    commitments,
    listed,
    defaultTargets: defaultTargets(module),
    hasErrors: errors.has(resolve(module.dir)),
  }
}

/** The YAML parser the compiler depends on (the workspace root does not, and must not, list it). */
function parseYaml(text: string): unknown {
  const require = createRequire(new URL('../../packages/compiler/package.json', import.meta.url))
  const yaml = require('yaml') as { parse(source: string): unknown }
  return yaml.parse(text)
}

function readCatalogueFile(path: string): CatalogueFile {
  if (!existsSync(path)) return { commitments: [], modules: [] }
  const where = basename(path)
  let data: unknown
  try {
    data = parseYaml(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new CatalogueError(`${where}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (data === null || data === undefined) return { commitments: [], modules: [] }
  if (!isRecord(data)) throw new CatalogueError(`${where}: expected a mapping with \`commitments\` and \`modules\``)
  for (const key of Object.keys(data)) {
    if (key !== 'commitments' && key !== 'modules') throw new CatalogueError(`${where}: unknown key \`${key}\` (expected \`commitments\` and \`modules\`)`)
  }
  const commitments = listOf(data.commitments, `${where}: \`commitments\``).map((item, index): Commitment => {
    const at = `${where}: commitments[${index}]`
    if (!isRecord(item)) throw new CatalogueError(`${at}: expected \`id\`, \`title\` and \`summary\``)
    return { id: idOf(item.id, `${at}.id`), title: textOf(item.title, `${at}.title`), summary: textOf(item.summary, `${at}.summary`) }
  })
  const known = new Set<string>()
  for (const commitment of commitments) {
    if (known.has(commitment.id)) throw new CatalogueError(`${where}: commitment "${commitment.id}" is listed twice`)
    known.add(commitment.id)
  }
  const seen = new Set<string>()
  const modules = listOf(data.modules, `${where}: \`modules\``).map((item, index) => {
    const at = `${where}: modules[${index}]`
    if (!isRecord(item)) throw new CatalogueError(`${at}: expected \`id\` and \`commitments\``)
    for (const key of Object.keys(item)) {
      if (key !== 'id' && key !== 'commitments') throw new CatalogueError(`${at}: unknown key \`${key}\` (expected \`id\` and \`commitments\`)`)
    }
    const id = idOf(item.id, `${at}.id`)
    if (seen.has(id)) throw new CatalogueError(`${at}: module "${id}" is listed twice`)
    seen.add(id)
    const ids = listOf(item.commitments, `${at}.commitments`).map((value, position) => idOf(value, `${at}.commitments[${position}]`))
    for (const commitment of ids) {
      if (!known.has(commitment)) {
        throw new CatalogueError(`${at}: unknown commitment "${commitment}" (expected one of: ${[...known].join(', ')})`)
      }
    }
    return { id, commitments: ids }
  })
  return { commitments, modules }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function listOf(value: unknown, at: string): unknown[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new CatalogueError(`${at}: expected a list`)
  return value
}

function idOf(value: unknown, at: string): string {
  if (typeof value !== 'string' || !/^[a-z0-9-]+$/.test(value)) throw new CatalogueError(`${at}: expected an id ([a-z0-9-]+)`)
  return value
}

function textOf(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CatalogueError(`${at}: expected some text`)
  return value.trim()
}

function folderOf(root: string, dir: string): string {
  const path = relative(root, dir)
  return path === '' ? '.' : path.split(sep).join('/')
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// ---------------------------------------------------------------------------------------------
// README.md

/** French typography: a no-break space before `:` and inside `%`. */
const NBSP = '\u00a0'

export function durationText(minutes: number): string {
  return `${minutes}${NBSP}min`
}

export function sessionText(facilitation: CatalogueModule['facilitation']): string | undefined {
  if (!facilitation) return undefined
  const parts: string[] = []
  if (facilitation.inPerson !== undefined) parts.push(`${durationText(facilitation.inPerson)} en salle`)
  if (facilitation.remote !== undefined) parts.push(`${durationText(facilitation.remote)} en visio`)
  return parts.length > 0 ? parts.join(', ') : undefined
}

export function commitmentsText(module: CatalogueModule): string {
  if (module.commitments.length > 0) return module.commitments.map((commitment) => commitment.title).join(', ')
  return module.listed ? 'Tous, de façon transversale' : 'Non renseignés'
}

/** `modules/README.md`: a table of the modules, then a section per module. Deterministic: no date, no machine path. */
export function catalogueReadme(catalogue: Catalogue): string {
  const name = catalogue.organisation ?? 'Catalogue des modules'
  const lines: string[] = [
    `# ${escapeMarkdown(name)}${NBSP}: le catalogue`,
    '',
    `> Ce fichier est généré par \`${CATALOGUE_COMMAND}\` à partir du front matter de chaque`,
    `> \`module.md\` et de [\`${CATALOGUE_FILE}\`](${CATALOGUE_FILE}) (ordre du catalogue, engagements couverts).`,
    `> Ne le modifiez pas à la main${NBSP}: modifiez les modules ou \`${CATALOGUE_FILE}\`, puis relancez la`,
    "> commande. Un test échoue quand il n'est plus à jour.",
    '',
    catalogue.modules.length === 0
      ? 'Le catalogue ne contient encore aucun module.'
      : `${plural(catalogue.modules.length, 'module', 'modules')}, à importer dans un LMS (SCORM 1.2, SCORM 2004, xAPI ou cmi5), à publier en version web, et à animer en salle ou en visio avec leur guide d'animation.`,
    '',
  ]
  if (catalogue.modules.length > 0) {
    lines.push('| N° | Module | Durée | Engagements couverts |', '| --- | --- | --- | --- |')
    catalogue.modules.forEach((module, index) => {
      const duration = module.duration === undefined ? '—' : durationText(module.duration)
      lines.push(`| ${index + 1} | [${escapeCell(module.title)}](${linkPath(module.folder)}/) | ${duration} | ${escapeCell(commitmentsText(module))} |`)
    })
    lines.push('')
  }
  lines.push(
    '## Construire les paquets',
    '',
    `Pour un module, toutes les cibles et le guide d'animation${NBSP}:`,
    '',
    '```sh',
    `pnpm cafes build modules/<id> ${PACKAGE_TARGETS.map((target) => `--target ${target}`).join(' ')} --facilitator`,
    '```',
    '',
    `Sans \`--target\`, \`pnpm cafes build\` produit les cibles par défaut de chaque module. La page du catalogue, avec l'édition web et le guide d'animation de chaque module, décompressés et prêts à ouvrir${NBSP}:`,
    '',
    '```sh',
    `${CATALOGUE_COMMAND} --html <dossier>`,
    '```',
    '',
  )
  if (catalogue.commitments.length > 0) {
    lines.push('## Les engagements', '', `Les engagements d'Impact AI pour une IA responsable, auxquels les modules se rattachent${NBSP}:`, '')
    for (const commitment of catalogue.commitments) lines.push(`- **${escapeMarkdown(commitment.title)}**${NBSP}: ${escapeMarkdown(commitment.summary)}.`)
    lines.push('')
  }
  catalogue.modules.forEach((module, index) => lines.push(...moduleSection(module, index + 1)))
  return `${lines.join('\n').replace(/\n+$/, '')}\n`
}

function moduleSection(module: CatalogueModule, number: number): string[] {
  const lines = [`## ${number}. ${escapeMarkdown(module.title)}`, '']
  if (module.description !== undefined) lines.push(escapeMarkdown(module.description), '')
  const facts = [`- Identifiant${NBSP}: \`${module.id}\`, dossier [\`${module.folder}/\`](${linkPath(module.folder)}/), version ${escapeMarkdown(module.version)}`]
  if (module.duration !== undefined) facts.push(`- Durée${NBSP}: ${durationText(module.duration)}`)
  const session = sessionText(module.facilitation)
  if (session) facts.push(`- Séance animée${NBSP}: ${session}`)
  if (module.passMark !== undefined) facts.push(`- Seuil de réussite${NBSP}: ${module.passMark}${NBSP}%`)
  facts.push(`- Engagements couverts${NBSP}: ${escapeMarkdown(commitmentsText(module))}`)
  facts.push(
    `- Paquets${NBSP}: ${PACKAGE_TARGETS.map(code).join(', ')} (par défaut${NBSP}: ${module.defaultTargets.map(code).join(', ')})`,
    `- Guide d'animation (\`--facilitator\`)${NBSP}: notes pour l'animation, réponses, carte des scénarios et minutage`,
  )
  lines.push(...facts, '')
  if (module.objectives.length > 0) {
    lines.push(`Objectifs${NBSP}:`, '', ...module.objectives.map((objective) => `- ${escapeMarkdown(objective)}`), '')
  }
  return lines
}

function code(text: string): string {
  return `\`${text}\``
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count <= 1 ? one : many}`
}

/** Text from front matter, shown as text: Markdown's own characters escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`)
}

function escapeCell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, ' ')
}

function linkPath(folder: string): string {
  return folder.split('/').map(encodeURIComponent).join('/')
}
