import { INDEX_FILES } from './publish.js'
import type { ReleaseIndex, ReleaseModule, ReleaseTarget } from './release-index.js'

/** How the page names each target, for administrators choosing the zip for their LMS. */
const TARGET_LABELS = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 (4e édition)',
  xapi: 'xAPI (Tin Can)',
  cmi5: 'cmi5',
  web: 'Web, sans LMS',
  facilitator: 'Guide d’animation',
} as const satisfies Record<ReleaseTarget, string>

/** Black on white, AA contrast everywhere; nothing fetched from elsewhere. */
const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;color:#111;background:#fff;max-width:64rem;margin:0 auto;padding:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
td.size{white-space:nowrap}
code{font-size:.85em}
td code{word-break:break-all}
@media (max-width:40rem){body{padding:.5rem}th,td{padding:.25rem}code{font-size:.75em}}
a{color:#0645ad}
section{border-top:1px solid #767676;margin-top:1.5rem}`

/**
 * `index.html`: a static, self-contained page (French, as the catalogue is) listing each module
 * with its version, duration and objectives, and a table of its packages: target, link to the
 * zip, size, file count and SHA-256. Landmarks, one `h1`, a heading per module, captioned
 * tables with header cells; no script.
 */
export function indexHtml(index: ReleaseIndex): string {
  const packages = index.modules.reduce((count, module) => count + module.targets.length, 0)
  const summary =
    index.modules.length === 0
      ? '<p>Le catalogue ne contient encore aucun module.</p>'
      : `<p>${plural(index.modules.length, 'module', 'modules')}, ${plural(packages, 'paquet', 'paquets')}.</p>`
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Catalogue des modules</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
<h1>Catalogue des modules</h1>
${summary}
<p>Empreintes de tous les paquets : <a href="${INDEX_FILES.sums}">${INDEX_FILES.sums}</a> (à vérifier avec <code>sha256sum -c ${INDEX_FILES.sums}</code>) ; le catalogue en JSON : <a href="${INDEX_FILES.json}">${INDEX_FILES.json}</a>.</p>
${index.modules.map(moduleSection).join('\n')}
</main>
</body>
</html>
`
}

function moduleSection(module: ReleaseModule): string {
  const heading = `module-${module.id}`
  const lang = module.language === 'fr' ? '' : ` lang="${escapeHtml(module.language)}"`
  const facts = [`version ${escapeHtml(module.version)}`]
  if (module.duration !== undefined) facts.push(`${module.duration} min`)
  facts.push(`identifiant <code>${escapeHtml(module.id)}</code>`)
  const lines = [
    `<section aria-labelledby="${escapeHtml(heading)}"${lang}>`,
    `<h2 id="${escapeHtml(heading)}">${escapeHtml(module.title)}</h2>`,
    `<p lang="fr">${facts.join(' · ')}</p>`,
  ]
  if (module.description !== undefined) lines.push(`<p>${escapeHtml(module.description)}</p>`)
  if (module.objectives.length > 0) {
    lines.push(`<h3 lang="fr">Objectifs</h3>`, '<ul>', ...module.objectives.map((objective) => `<li>${escapeHtml(objective)}</li>`), '</ul>')
  }
  lines.push(
    '<table lang="fr">',
    `<caption>Paquets de « ${escapeHtml(module.title)} »</caption>`,
    '<thead><tr><th scope="col">Cible</th><th scope="col">Paquet</th><th scope="col">Taille</th><th scope="col">Fichiers</th><th scope="col">SHA-256</th></tr></thead>',
    '<tbody>',
    ...module.targets.map(
      (entry) =>
        `<tr><th scope="row">${TARGET_LABELS[entry.target]}</th><td><a href="${escapeHtml(encodeURIComponent(entry.file))}">${escapeHtml(entry.file)}</a></td>` +
        `<td class="size">${frenchSize(entry.size)}</td><td>${entry.fileCount}</td><td><code>${entry.sha256}</code></td></tr>`,
    ),
    '</tbody>',
    '</table>',
    '</section>',
  )
  return lines.join('\n')
}

/** `33,2 ko`: French units and decimal comma, computed by hand so the page does not depend on the machine's ICU data. */
function frenchSize(bytes: number): string {
  if (bytes < 1000) return `${bytes}&nbsp;o`
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'ko'] : [bytes / 1_000_000, 'Mo']
  return `${value.toFixed(1).replace('.', ',')}&nbsp;${unit}`
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count <= 1 ? one : many}`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
