import { parseArgs } from 'node:util'

/** `pnpm release --help`. */
export const HELP = `Usage: pnpm release [--modules <dir>] [--out <dir>] [--json]

Builds every module under <modules> for scorm12, scorm2004, xapi, cmi5 and web, plus its
facilitator edition, one module per process on every core; validates every zip; then writes
the zips, SHA256SUMS, index.json and index.html into <out>, replacing an earlier release.
Nothing is written when anything fails. Zip dates come from SOURCE_DATE_EPOCH when set.

Options:
  --modules <dir>  Folder of modules (default: modules)
  --out <dir>      Release folder, created if missing; it may hold only an earlier
                   release (default: dist)
  --json           Print { status, index, diagnostics, workers, durationMs, memory } on stdout
  -h, --help       Show this help

Exit: 0 released (an empty catalogue too), 1 a module or package failed, 2 usage error.
`

export interface ReleaseArgs {
  modules: string
  out: string
  json: boolean
  help: boolean
}

/** A command-line mistake: exit 2. */
export class ReleaseArgsError extends Error {}

/** Parses `pnpm release`'s arguments; throws `ReleaseArgsError` on unknown options or stray arguments. */
export function parseReleaseArgs(argv: string[]): ReleaseArgs {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    throw new ReleaseArgsError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error))
  }
  const { values, positionals } = parsed
  if (positionals.length > 0) throw new ReleaseArgsError(`unexpected argument '${positionals[0]}'; name the folder with --modules`)
  for (const name of ['modules', 'out'] as const) {
    if (values[name] === '') throw new ReleaseArgsError(`--${name} needs a folder`)
  }
  return { modules: values.modules ?? 'modules', out: values.out ?? 'dist', json: values.json ?? false, help: values.help ?? false }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      modules: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}
