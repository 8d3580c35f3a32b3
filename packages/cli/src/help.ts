import { COMMANDS } from './commands/index.js'
import { GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './options.js'

export function mainHelp(version: string): string {
  const specs = COMMANDS.map((command) => command.spec)
  const commandWidth = Math.max(...specs.map((command) => `${command.name} ${command.arguments}`.length))
  return [
    `cafes ${version}: compile Markdown e-learning modules into SCORM 1.2, SCORM 2004, xAPI, cmi5 and web packages`,
    '',
    'Usage: cafes <command> [options]',
    '',
    'Commands:',
    ...specs.map((command) => `  ${`${command.name} ${command.arguments}`.padEnd(commandWidth)}  ${command.summary}`),
    '',
    'Options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Run `cafes <command> --help` for the options of a command.',
    '',
  ].join('\n')
}

export function commandHelp(command: CommandSpec): string {
  return [
    `Usage: cafes ${command.name} ${command.arguments} [options]`,
    '',
    command.description,
    '',
    'Options:',
    ...optionLines(command.options),
    '',
  ].join('\n')
}

function optionLines(options: OptionSpec[]): string[] {
  const label = (option: OptionSpec): string =>
    `${option.short ? `-${option.short}, ` : ''}--${option.name}${option.value ? ` <${option.value}>` : ''}`
  const width = Math.max(...options.map((option) => label(option).length))
  return options.flatMap((option) => {
    const [first, ...rest] = option.description.split('\n')
    return [`  ${label(option).padEnd(width)}  ${first}`, ...rest.map((line) => `  ${' '.repeat(width)}  ${line}`)]
  })
}
