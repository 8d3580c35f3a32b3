/**
 * The catalogue: `node --import tsx build/catalogue.ts` reads every module of `modules/` through
 * the compiler, in the order and with the commitments of `modules/catalogue.yaml`, and writes
 * `modules/README.md` (committed; a test fails when it is stale). Options:
 *
 * - `--check`: writes nothing; exit 1 when `modules/README.md` differs from what would be written.
 * - `--html <dir>`: also builds every module's web edition and facilitator edition into `<dir>`,
 *   unpacked into `<dir>/<id>/` and `<dir>/<id>-facilitator/` beside their zips, and writes the
 *   catalogue page `<dir>/index.html` (French, static, no script).
 * - `--modules <dir>`: the modules folder (default `modules`).
 *
 * Exit 0 done, 1 stale README (`--check`) or a module failed to build, 2 usage error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatDiagnostic, hasErrors } from '@cafes/core'
import { CATALOGUE_COMMAND, CatalogueError, catalogueReadme, loadCatalogue, README_FILE } from './catalogue/catalogue.js'
import { writeCatalogueSite } from './catalogue/site.js'
import { displayPath } from './release/paths.js'

const EXIT = { ok: 0, failed: 1, usage: 2 } as const

const HELP = `Usage: ${CATALOGUE_COMMAND} [--check] [--html <dir>] [--modules <dir>]

Reads every module of the modules folder (default: modules) and writes its README.md: a
table of the modules in the order of catalogue.yaml, then a section per module (title,
duration, objectives, commitments covered, targets, facilitator edition).

Options:
  --check           Write nothing; exit 1 when README.md is not up to date
  --html <dir>      Also build each module's web and facilitator editions into <dir>,
                    unpacked, and write the catalogue page <dir>/index.html
  --modules <dir>   The modules folder (default: modules)
  -h, --help        Show this help
`

async function main(argv: string[]): Promise<number> {
  let values: { check?: boolean; html?: string; modules?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        check: { type: 'boolean' },
        html: { type: 'string' },
        modules: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    process.stderr.write(`catalogue: ${error instanceof Error ? error.message : String(error)}\n${HELP}`)
    return EXIT.usage
  }
  if (values.help) {
    process.stdout.write(HELP)
    return EXIT.ok
  }
  if (values.check && values.html !== undefined) {
    process.stderr.write('catalogue: --check writes nothing; it cannot be combined with --html\n')
    return EXIT.usage
  }
  // As every cafes command: relative paths start from where the user ran the command.
  const cwd = process.env.INIT_CWD ?? process.cwd()
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
  const modulesDir = values.modules !== undefined ? resolve(cwd, values.modules) : join(root, 'modules')
  if (!existsSync(modulesDir)) {
    process.stderr.write(`catalogue: ${displayPath(cwd, modulesDir)}: no such folder\n`)
    return EXIT.usage
  }

  let catalogue: Awaited<ReturnType<typeof loadCatalogue>>
  try {
    catalogue = await loadCatalogue(modulesDir, { cwd })
  } catch (error) {
    if (!(error instanceof CatalogueError)) throw error
    process.stderr.write(`catalogue: ${error.message}\n`)
    return EXIT.usage
  }
  for (const note of catalogue.notes) process.stderr.write(`catalogue: ${note}\n`)
  const broken = catalogue.modules.filter((module) => module.hasErrors)
  for (const module of broken) process.stderr.write(`catalogue: ${module.folder}: the module has errors (run \`pnpm cafes lint ${displayPath(cwd, module.dir)}\`)\n`)

  const readmePath = join(modulesDir, README_FILE)
  const readme = catalogueReadme(catalogue)
  const shown = displayPath(cwd, readmePath)
  if (values.check) {
    const current = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : undefined
    if (current === readme) {
      process.stdout.write(`${shown} is up to date (${catalogue.modules.length} modules)\n`)
      return EXIT.ok
    }
    process.stderr.write(`catalogue: ${shown} is not up to date; run \`${CATALOGUE_COMMAND}\`\n`)
    return EXIT.failed
  }
  writeFileSync(readmePath, readme)
  process.stdout.write(`${shown} (${catalogue.modules.length} modules)\n`)

  if (values.html === undefined) return EXIT.ok
  const site = await writeCatalogueSite(catalogue, values.html, { cwd })
  for (const diagnostic of site.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`)
  const missing = catalogue.modules.filter((module) => !site.editions.get(module.id)?.web || !site.editions.get(module.id)?.facilitator)
  process.stdout.write(`${displayPath(cwd, site.index)} (${catalogue.modules.length - missing.length} of ${catalogue.modules.length} modules with their editions)\n`)
  return hasErrors(site.diagnostics) || missing.length > 0 ? EXIT.failed : EXIT.ok
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`catalogue: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(EXIT.failed)
  },
)
