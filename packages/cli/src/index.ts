export { EXIT, formatPackages, runCli, VERSION, type CliContext } from './cli.js'
export { commandHelp, mainHelp } from './help.js'
export { COMMANDS, GLOBAL_OPTIONS, PLANNED_COMMANDS, type CommandSpec, type OptionSpec } from './options.js'
