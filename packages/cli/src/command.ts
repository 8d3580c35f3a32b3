import { formatDiagnostic, type Diagnostic } from '@cafes/core'
import { colourWanted, styles } from './ansi.js'
import { formatForTerminal, SourceCache } from './terminal-diagnostic.js'
import type { CommandSpec } from './options.js'

/** Exit codes of the command-line contract. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const

/** What a command reads and writes: the user's folder and the two output streams. */
export interface Io {
  cwd: string
  out: (text: string) => void
  err: (text: string) => void
  /** stderr is a terminal: diagnostics may show code frames and colour. */
  tty?: boolean
}

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>

/**
 * One `cafes <name>` command: its options as data (parser, help and tests read them) and
 * what it does. Heavy dependencies are imported inside `run`, so `cafes build` never loads
 * the preview server.
 */
export interface Command {
  spec: CommandSpec
  run(values: Values, positionals: string[], io: Io): Promise<number>
}

/** A mistake on the command line: exit 2 with the message and where to find help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help: string,
  ) {
    super(message)
  }
}

export function commandPointer(command: CommandSpec): string {
  return `Run \`cafes ${command.name} --help\` for its options.\n`
}

/**
 * Diagnostics on stderr, one block each. Off a terminal: the compiler's format, byte for byte
 * (scripts and CI parse it). On a terminal (`io.tty`): the same first line, then the source lines
 * with a caret under the column (read from `io.cwd`), then the hint and notes, in colour unless
 * `NO_COLOR` is set.
 */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  io: Pick<Io, 'err'> & Partial<Pick<Io, 'tty' | 'cwd'>>,
): void {
  if (io.tty !== true) {
    for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(diagnostic)}\n`)
    return
  }
  const sources = new SourceCache(io.cwd ?? process.cwd())
  for (const diagnostic of diagnostics) io.err(`${formatForTerminal(diagnostic, sources, styles(colourWanted()))}\n`)
}
