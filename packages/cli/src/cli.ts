import { parseArgs, type ParseArgsConfig } from 'node:util'
import packageJson from '../package.json' with { type: 'json' }
import { EXIT, UsageError, commandPointer, type Values } from './command.js'
import { COMMANDS } from './commands/index.js'
import { commandHelp, mainHelp } from './help.js'
import type { CommandSpec, OptionSpec } from './options.js'

export const VERSION: string = packageJson.version

export interface CliContext {
  /** The user's working directory: relative paths start here. @default `INIT_CWD` (set by pnpm), else `process.cwd()` */
  cwd?: string
  stdout?: (text: string) => void
  stderr?: (text: string) => void
  /** Whether stderr is a terminal. @default `process.stderr.isTTY` */
  tty?: boolean
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
    const command = COMMANDS.find((candidate) => candidate.spec.name === first)
    if (!command) throw new UsageError(`unknown command '${first}'`, mainHelp(VERSION))
    const { values, positionals } = parseCommand(command.spec, rest)
    if (values.help === true) {
      out(commandHelp(command.spec))
      return EXIT.ok
    }
    return await command.run(values, positionals, { cwd, out, err, tty: context.tty ?? process.stderr.isTTY === true })
  } catch (error) {
    if (error instanceof UsageError) {
      err(`cafes: ${error.message}\n${error.help.startsWith('Run') ? '' : '\n'}${error.help}`)
      return EXIT.usage
    }
    err(`cafes: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return EXIT.errors
  }
}

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
