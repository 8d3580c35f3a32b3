/**
 * The catalogue page: every module's web edition and facilitator edition, built with the
 * packager, unpacked into `<dir>/<id>/` and `<dir>/<id>-facilitator/` beside their zips, and
 * `<dir>/index.html` linking to them. A static page, in French, without script.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, resolve, sep } from 'node:path'
import type { Diagnostic } from '@cafes/core'
import { readZip } from '@cafes/lms-sim'
import { build, type PackageReport } from '@cafes/packager'
import {
  commitmentsText,
  durationText,
  sessionText,
  type Catalogue,
  type CatalogueModule,
} from './catalogue.js'

export const INDEX_FILE = 'index.html'
/** The folder of a module's facilitator edition, beside its web edition's `<id>/`. */
export const FACILITATOR_SUFFIX = '-facilitator'

/** What the page links to for one module; absent editions were not built (the module has errors). */
export interface ModuleEditions {
  web?: Edition
  facilitator?: Edition
}

export interface Edition {
  /** Relative to the site folder, `/` separators: `dignite/index.html`. */
  index: string
  /** The zip, relative to the site folder. */
  zip: string
  size: number
}

export interface SiteResult {
  /** Absolute path of `index.html`. */
  index: string
  editions: Map<string, ModuleEditions>
  /** The packager's diagnostics. */
  diagnostics: Diagnostic[]
}

/**
 * Builds the web and facilitator editions of every module of the catalogue into `outDir` (created
 * when missing), unpacks each zip into its own folder (replacing what was there), and writes the
 * page. Modules with errors get no edition; the page says so.
 */
export async function writeCatalogueSite(catalogue: Catalogue, outDir: string, options: { cwd: string }): Promise<SiteResult> {
  const root = resolve(options.cwd, outDir)
  await mkdir(root, { recursive: true })
  const folders = new Map<string, string>()
  for (const module of catalogue.modules) {
    for (const folder of [module.id, `${module.id}${FACILITATOR_SUFFIX}`]) {
      const owner = folders.get(folder)
      if (owner !== undefined) throw new Error(`modules "${owner}" and "${module.id}" would both unpack into ${folder}/`)
      folders.set(folder, module.id)
    }
  }
  const editions = new Map<string, ModuleEditions>()
  const buildable = catalogue.modules.filter((module) => !module.hasErrors)
  let diagnostics: Diagnostic[] = []
  if (buildable.length > 0) {
    const report = await build({ paths: buildable.map((module) => module.dir), targets: ['web'], facilitator: true, outDir: root, cwd: options.cwd })
    diagnostics = report.diagnostics
    for (const entry of report.packages) {
      if (!entry.zip || entry.size === undefined) continue
      const facilitator = entry.edition === 'facilitator'
      const folder = facilitator ? `${entry.module}${FACILITATOR_SUFFIX}` : entry.module
      const zipFile = resolve(options.cwd, entry.zip)
      await unpack(zipFile, join(root, folder))
      const edition: Edition = { index: `${folder}/${INDEX_FILE}`, zip: zipName(entry), size: entry.size }
      const known = editions.get(entry.module) ?? {}
      editions.set(entry.module, facilitator ? { ...known, facilitator: edition } : { ...known, web: edition })
    }
  }
  const index = join(root, INDEX_FILE)
  await writeFile(index, catalogueHtml(catalogue, editions))
  return { index, editions, diagnostics }
}

/** `<id>-<version>-web.zip` or `…-facilitator.zip`, as the packager names them in `outDir`. */
function zipName(entry: PackageReport): string {
  return `${entry.module}-${entry.version}-${entry.edition === 'facilitator' ? 'facilitator' : entry.target}.zip`
}

/** Replaces `folder` with the zip's files. Entry names come from our packager, checked all the same. */
async function unpack(zipFile: string, folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true })
  for (const entry of await readZip(zipFile)) {
    const path = resolve(folder, entry.name)
    if (isAbsolute(entry.name) || !path.startsWith(`${folder}${sep}`)) throw new Error(`${zipFile}: entry ${entry.name} would land outside ${folder}`)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, entry.data)
  }
}

/** Black on white, AA contrast everywhere; nothing fetched from elsewhere. */
const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;color:#111;background:#fff;max-width:64rem;margin:0 auto;padding:1rem}
header{border-bottom:4px solid #5b2a86;margin-bottom:1rem}
.kicker{margin:0;font-weight:bold;color:#5b2a86}
h1{margin:.25rem 0 .75rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dt{font-weight:bold}
dd{margin:0}
a{color:#0645ad}
a:focus-visible{outline:3px solid #5b2a86;outline-offset:2px}
section{border-top:1px solid #767676;margin-top:1.5rem}
.editions li{margin:.25rem 0}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:40rem){body{padding:.5rem}th,td{padding:.25rem}dl{grid-template-columns:1fr}}`

/** A page that fetches nothing and runs nothing. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

/**
 * `index.html`: one `h1`, a captioned table of the modules (each row leads to its section), then a
 * section per module with its facts, objectives, commitments and links to its editions.
 */
export function catalogueHtml(catalogue: Catalogue, editions: ReadonlyMap<string, ModuleEditions>): string {
  const name = catalogue.organisation ?? 'Catalogue des modules'
  const summary =
    catalogue.modules.length === 0
      ? '<p>Le catalogue ne contient encore aucun module.</p>'
      : `<p>${catalogue.modules.length} ${catalogue.modules.length <= 1 ? 'module' : 'modules'}. Chacun s'ouvre ici dans son édition web, et se prépare avec son guide d'animation imprimable, pour une séance en salle ou en visio. Pour un LMS, les paquets SCORM 1.2, SCORM 2004, xAPI et cmi5 se construisent avec <code>pnpm cafes build</code>.</p>`
  const table =
    catalogue.modules.length === 0
      ? ''
      : [
          '<table>',
          "<caption>Les modules, dans l'ordre du catalogue</caption>",
          '<thead><tr><th scope="col">N°</th><th scope="col">Module</th><th scope="col">Durée</th><th scope="col">Engagements couverts</th></tr></thead>',
          '<tbody>',
          ...catalogue.modules.map(
            (module, index) =>
              `<tr><td>${index + 1}</td><th scope="row"><a href="#${anchor(module)}">${escapeHtml(module.title)}</a></th>` +
              `<td>${module.duration === undefined ? '—' : escapeHtml(durationText(module.duration))}</td><td>${escapeHtml(commitmentsText(module))}</td></tr>`,
          ),
          '</tbody>',
          '</table>',
        ].join('\n')
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${escapeHtml(`Catalogue · ${name}`)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<header>
<p class="kicker">${escapeHtml(name)}</p>
<h1>Le catalogue des modules</h1>
</header>
<main>
${summary}
${table}
${catalogue.modules.map((module, index) => moduleSection(module, index + 1, editions.get(module.id) ?? {})).join('\n')}
</main>
</body>
</html>
`
}

function moduleSection(module: CatalogueModule, number: number, editions: ModuleEditions): string {
  const heading = anchor(module)
  const lang = module.language === 'fr' ? '' : ` lang="${escapeHtml(module.language)}"`
  const facts: [string, string][] = [['Identifiant', `<code>${escapeHtml(module.id)}</code>, version ${escapeHtml(module.version)}`]]
  if (module.duration !== undefined) facts.push(['Durée', escapeHtml(durationText(module.duration))])
  const session = sessionText(module.facilitation)
  if (session) facts.push(['Séance animée', escapeHtml(session)])
  if (module.passMark !== undefined) facts.push(['Seuil de réussite', `${module.passMark}&nbsp;%`])
  const lines = [
    `<section aria-labelledby="${heading}">`,
    `<h2 id="${heading}"${lang}>${number}. ${escapeHtml(module.title)}</h2>`,
  ]
  if (module.description !== undefined) lines.push(`<p${lang}>${escapeHtml(module.description)}</p>`)
  lines.push(`<dl>${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`)
  if (module.objectives.length > 0) {
    lines.push('<h3>Objectifs</h3>', `<ul${lang}>`, ...module.objectives.map((objective) => `<li>${escapeHtml(objective)}</li>`), '</ul>')
  }
  lines.push('<h3>Engagements couverts</h3>')
  if (module.commitments.length > 0) {
    lines.push('<ul>', ...module.commitments.map((commitment) => `<li><strong>${escapeHtml(commitment.title)}</strong>&nbsp;: ${escapeHtml(commitment.summary)}</li>`), '</ul>')
  } else {
    lines.push(module.listed ? "<p>Module transversal&nbsp;: il sert tous les engagements, à travers les modules qu'il aide à animer.</p>" : '<p>Non renseignés dans <code>catalogue.yaml</code>.</p>')
  }
  lines.push('<h3>Éditions</h3>')
  const title = escapeHtml(module.title)
  const items: string[] = []
  const of = `<span class="sr"> de «&nbsp;${title}&nbsp;»</span>`
  if (editions.web) items.push(editionItem(editions.web, `Ouvrir l'édition web${of}`, `télécharger l'édition web${of}`, 'le module, à suivre dans le navigateur'))
  if (editions.facilitator) {
    items.push(editionItem(editions.facilitator, `Ouvrir le guide d'animation${of}`, `télécharger le guide d'animation${of}`, 'notes, réponses, carte des scénarios et minutage, à imprimer'))
  }
  if (items.length > 0) lines.push('<ul class="editions">', ...items, '</ul>')
  else lines.push("<p>Aucune édition n'est disponible pour l'instant&nbsp;: le module contient des erreurs (voir <code>pnpm cafes lint</code>).</p>")
  lines.push('</section>')
  return lines.join('\n')
}

function editionItem(edition: Edition, open: string, download: string, what: string): string {
  return (
    `<li><a href="${escapeHtml(hrefOf(edition.index))}">${open}</a>&nbsp;: ${what} ` +
    `(<a href="${escapeHtml(hrefOf(edition.zip))}">${download}</a>, zip de ${frenchSize(edition.size)})</li>`
  )
}

function anchor(module: CatalogueModule): string {
  return `module-${module.id}`
}

function hrefOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/** `33,2 ko`: French units and decimal comma, computed by hand so the page does not depend on ICU data. */
function frenchSize(bytes: number): string {
  if (bytes < 1000) return `${bytes}&nbsp;o`
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'ko'] : [bytes / 1_000_000, 'Mo']
  return `${value.toFixed(1).replace('.', ',')}&nbsp;${unit}`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
