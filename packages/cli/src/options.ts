/**
 * The command line, declared once as data: the parser, the help text and the tests read
 * these tables (vitest's `cli-config.ts`).
 */
export interface OptionSpec {
  name: string
  type: 'string' | 'boolean'
  short?: string
  /** May be given several times. */
  multiple?: boolean
  /** Placeholder of the value in the help, e.g. `dir`. */
  value?: string
  description: string
}

export interface CommandSpec {
  name: string
  /** Arguments after the command name, as the help shows them. */
  arguments: string
  summary: string
  /** Paragraph under the usage line of `cafes <command> --help`. */
  description: string
  options: OptionSpec[]
}

export const HELP: OptionSpec = { name: 'help', type: 'boolean', short: 'h', description: 'Show this help' }

export const GLOBAL_OPTIONS: OptionSpec[] = [
  HELP,
  { name: 'version', type: 'boolean', description: 'Print the version' },
]
