import { resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { formatDiagnostic, type Diagnostic, type TargetId } from '@cafes/core'
import { build, formatBytes, isPackageTarget, PACKAGE_TARGETS, type BuildReport, type PackageReport } from '@cafes/packager'
import packageJson from '../package.json' with { type: 'json' }
import { commandHelp, mainHelp } from './help.js'
import { COMMANDS, PLANNED_COMMANDS, type CommandSpec, type OptionSpec } from './options.js'

export const VERSION: string = packageJson.version

/** Exit codes of the command-line contract. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const

export interface CliContext {
  /** The user's working directory: relative paths start here. @default `INIT_CWD` (set by pnpm), else `process.cwd()` */
  cwd?: string
  stdout?: (text: string) => void
  stderr?: (text: string) => void
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly help: string,
  ) {
    super(message)
  }
}

/** argv (without `node` and the script) → library calls → printed results → exit code. */
export async function runCli(argv: readonly string[], context: CliContext = {}): Promise<number> {
  const cwd = context.cwd ?? process.env.INIT_CWD ?? process.cwd()
  const out = context.stdout ?? ((text: string) => void process.stdout.write(text))
  const err = context.stderr ?? ((text: string) => void process.stderr.write(text))
  try {
    const [first, ...rest] = argv
    if (first === undefined) throw new UsageError('no command given', mainHelp(VERSION))
    if (first === '--help' || first === '-h') {
      out(mainHelp(VERSION))
      return EXIT.ok
    }
    if (first === '--version') {
      out(`${VERSION}\n`)
      return EXIT.ok
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`, mainHelp(VERSION))
    const command = COMMANDS.find((candidate) => candidate.name === first)
    if (!command) {
      const planned = (PLANNED_COMMANDS as readonly string[]).includes(first)
      throw new UsageError(planned ? `'${first}' is not available in this version` : `unknown command '${first}'`, mainHelp(VERSION))
    }
    const { values, positionals } = parseCommand(command, rest)
    if (values.help === true) {
      out(commandHelp(command))
      return EXIT.ok
    }
    return await runBuild(command, values, positionals, { cwd, out, err })
  } catch (error) {
    if (error instanceof UsageError) {
      err(`cafes: ${error.message}\n${error.help.startsWith('Run') ? '' : '\n'}${error.help}`)
      return EXIT.usage
    }
    err(`cafes: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return EXIT.errors
  }
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>

function parseCommand(command: CommandSpec, args: string[]): { values: Values; positionals: string[] } {
  const options: NonNullable<ParseArgsConfig['options']> = {}
  for (const option of command.options) options[option.name] = toParseArgsOption(option)
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error)
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1), commandPointer(command))
  }
}

function toParseArgsOption(option: OptionSpec): { type: 'string' | 'boolean'; short?: string; multiple?: boolean } {
  return {
    type: option.type,
    ...(option.short ? { short: option.short } : {}),
    ...(option.multiple ? { multiple: true } : {}),
  }
}

interface Io {
  cwd: string
  out: (text: string) => void
  err: (text: string) => void
}

async function runBuild(command: CommandSpec, values: Values, positionals: string[], io: Io): Promise<number> {
  if (positionals.length === 0) throw new UsageError('no module or folder to build', commandPointer(command))
  const targets = parseTargets(values.target, command)
  const outDir = typeof values.out === 'string' ? values.out : 'out'
  const report = await build({
    paths: positionals.map((path) => resolve(io.cwd, path)),
    ...(targets ? { targets } : {}),
    outDir: resolve(io.cwd, outDir),
    cwd: io.cwd,
    ...(values.facilitator === true ? { facilitator: true } : {}),
  })
  const failed = report.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
  if (values.json === true) {
    io.out(`${JSON.stringify({ diagnostics: report.diagnostics, packages: report.packages }, null, 2)}\n`)
  } else {
    printDiagnostics(report.diagnostics, io.err)
    io.out(formatPackages(report.packages))
    io.out(`${summary(report)}\n`)
  }
  return failed ? EXIT.errors : EXIT.ok
}

function parseTargets(value: Values[string], command: CommandSpec): TargetId[] | undefined {
  if (value === undefined) return undefined
  const names = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(','))
  const targets: TargetId[] = []
  for (const name of names) {
    if (!isPackageTarget(name)) throw new UsageError(`unknown target '${name}'; use ${PACKAGE_TARGETS.join(', ')}`, commandPointer(command))
    if (!targets.includes(name)) targets.push(name)
  }
  return targets
}

function commandPointer(command: CommandSpec): string {
  return `Run \`cafes ${command.name} --help\` for its options.\n`
}

function printDiagnostics(diagnostics: Diagnostic[], err: (text: string) => void): void {
  for (const diagnostic of diagnostics) err(`${formatDiagnostic(diagnostic)}\n`)
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
