import { resolve } from 'node:path'
import type { TargetId } from '@cafes/core'
import {
  build,
  formatBytes,
  isPackageTarget,
  PACKAGE_TARGETS,
  type BuildOptions,
  type BuildReport,
  type PackageReport,
} from '@cafes/packager'
import { EXIT, UsageError, commandPointer, printDiagnostics, type Command, type Io, type Values } from '../command.js'
import { HELP } from '../options.js'

/** `cafes build`: every module under the paths, one zip per target. */
export const buildCommand: Command = {
  spec: {
    name: 'build',
    arguments: '<module-or-folder>...',
    summary: 'Build one zip per module and target',
    description:
      'Builds every module found under the paths (a folder holding module.md, or a folder of\n' +
      'modules) into <out>/<id>-<version>-<target>.zip. A module with errors gets no zip;\n' +
      'the others are still built. On a terminal, building several modules prints one\n' +
      'progress line per module on stderr.',
    options: [
      {
        name: 'target',
        type: 'string',
        multiple: true,
        value: 'target',
        description:
          'scorm12, scorm2004, xapi, cmi5 or web; repeat, or separate with commas,\n' +
          'for several (default: the module\'s targets, else cafes.config.yaml\'s,\n' +
          'else scorm12, scorm2004, xapi and cmi5)',
      },
      { name: 'out', type: 'string', value: 'dir', description: 'Output folder, created if missing (default: out)' },
      {
        name: 'facilitator',
        type: 'boolean',
        description:
          'Also write <id>-<version>-facilitator.zip, a printable session guide\n' +
          '(facilitator notes, answers, scenario maps, timings), beside the\n' +
          'targets\' zips; learner packages never contain facilitator notes',
      },
      { name: 'json', type: 'boolean', description: 'Print { diagnostics, packages } as JSON on stdout' },
      {
        name: 'watch',
        type: 'boolean',
        description:
          'After the first build, rebuild a module each time one of its files (or a\n' +
          'cafes.config.yaml above it) changes, and print the result; Ctrl-C stops',
      },
      HELP,
    ],
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('no module or folder to build', commandPointer(this.spec))
    if (values.watch === true && values.json === true) {
      throw new UsageError('--watch prints each build as text: leave out --json', commandPointer(this.spec))
    }
    const targets = parseTargets(values.target, this)
    const outDir = typeof values.out === 'string' ? values.out : 'out'
    const options: BuildOptions = {
      paths: positionals.map((path) => resolve(io.cwd, path)),
      ...(targets ? { targets } : {}),
      outDir: resolve(io.cwd, outDir),
      cwd: io.cwd,
      ...(values.facilitator === true ? { facilitator: true } : {}),
    }
    const report = await build({ ...options, ...(io.tty === true ? { onModule: printProgress(io) } : {}) })
    const failed = report.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
    if (values.json === true) {
      io.out(`${JSON.stringify({ diagnostics: report.diagnostics, packages: report.packages }, null, 2)}\n`)
    } else {
      printReport(report, io)
    }
    if (values.watch === true) {
      const { watchBuilds } = await import('./build-watch.js')
      return watchBuilds(options, io, printReport)
    }
    return failed ? EXIT.errors : EXIT.ok
  },
}

/** A build's diagnostics (stderr), its zips and its summary line (stdout). */
function printReport(report: BuildReport, io: Io): void {
  printDiagnostics(report.diagnostics, io)
  io.out(formatPackages(report.packages))
  io.out(`${summary(report)}\n`)
}

/**
 * One stderr line per module as its packages are done, when there are several (a terminal only: logs
 * and scripts get the same output as before), e.g. `[2/12] transparence  4 packages  0.31 s`.
 */
export function printProgress(io: Pick<Io, 'err'>): NonNullable<BuildOptions['onModule']> {
  return ({ index, total, module, packages, durationMs }) => {
    if (total < 2) return
    const written = packages.filter((entry) => entry.zip !== undefined).length
    const result = written > 0 ? plural(written, 'package') : 'no package (errors)'
    io.err(`[${index}/${total}] ${module}  ${result}  ${(durationMs / 1000).toFixed(2)} s\n`)
  }
}

function parseTargets(value: Values[string], command: Command): TargetId[] | undefined {
  if (value === undefined) return undefined
  const names = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(','))
  const targets: TargetId[] = []
  for (const name of names) {
    if (!isPackageTarget(name)) throw new UsageError(`unknown target '${name}'; use ${PACKAGE_TARGETS.join(', ')}`, commandPointer(command.spec))
    if (!targets.includes(name)) targets.push(name)
  }
  return targets
}

/** One aligned line per written zip: path, size, file count, state headroom. */
export function formatPackages(packages: PackageReport[]): string {
  const written = packages.filter((entry) => entry.zip !== undefined)
  if (written.length === 0) return ''
  const rows = written.map((entry) => [
    entry.zip!,
    formatBytes(entry.size ?? 0),
    `${entry.fileCount ?? 0} files`,
    entry.state ? `state ${entry.state.length}/${entry.state.limit}` : '',
  ])
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows
    .map((row) =>
      [row[0]!.padEnd(widths[0]!), row[1]!.padStart(widths[1]!), row[2]!.padStart(widths[2]!), row[3]!].join('  ').trimEnd(),
    )
    .join('\n')
    .concat('\n')
}

/** `3 packages written in 1.20 s, 1 error`. */
function summary(report: BuildReport): string {
  const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
  const warnings = report.diagnostics.length - errors
  const written = report.packages.filter((entry) => entry.zip !== undefined).length
  const parts = [`${plural(written, 'package')} written in ${(report.durationMs / 1000).toFixed(2)} s`]
  if (errors > 0) parts.push(plural(errors, 'error'))
  if (warnings > 0) parts.push(plural(warnings, 'warning'))
  return parts.join(', ')
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
