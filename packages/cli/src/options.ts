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

const HELP: OptionSpec = { name: 'help', type: 'boolean', short: 'h', description: 'Show this help' }

export const GLOBAL_OPTIONS: OptionSpec[] = [
  HELP,
  { name: 'version', type: 'boolean', description: 'Print the version' },
]

export const COMMANDS: CommandSpec[] = [
  {
    name: 'build',
    arguments: '<module-or-folder>...',
    summary: 'Build one zip per module and target',
    description:
      'Builds every module found under the paths (a folder holding module.md, or a folder of\n' +
      'modules) into <out>/<id>-<version>-<target>.zip. A module with errors gets no zip;\n' +
      'the others are still built.',
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
      HELP,
    ],
  },
]

/** Commands the design names that this version does not have yet. */
export const PLANNED_COMMANDS = ['preview', 'validate', 'lint', 'new'] as const
