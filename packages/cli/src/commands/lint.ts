import { resolve } from 'node:path'
import type { Diagnostic } from '@cafes/core'
import { EXIT, UsageError, commandPointer, printDiagnostics, type Command } from '../command.js'
import { HELP } from '../options.js'

/** `cafes lint`: the compiler's diagnostics plus accessibility, pedagogy and package-limit checks. */
export const lintCommand: Command = {
  spec: {
    name: 'lint',
    arguments: '<module-or-folder>...',
    summary: 'Check modules for accessibility, pedagogy and LMS limits',
    description:
      'Compiles every module found under the paths, as the build does, and adds checks the\n' +
      'build does not make: alternative texts, headings, link texts, colour-only cues,\n' +
      'feedback, durations, page lengths, saved-state size, file names, formats and sizes.\n' +
      'Exit 1 when there are errors (with --strict, warnings too); nothing is written.',
    options: [
      { name: 'strict', type: 'boolean', description: 'Exit 1 on warnings too (for CI)' },
      { name: 'json', type: 'boolean', description: 'Print { diagnostics, modules } as JSON on stdout' },
      HELP,
    ],
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('no module or folder to lint', commandPointer(this.spec))
    const { lint } = await import('@cafes/lint')
    const report = await lint({ paths: positionals.map((path) => resolve(io.cwd, path)), cwd: io.cwd })
    if (values.json === true) {
      io.out(`${JSON.stringify({ diagnostics: report.diagnostics, modules: report.modules }, null, 2)}\n`)
    } else {
      printDiagnostics(report.diagnostics, io)
      io.out(`${summary(report.modules.length, report.diagnostics)}\n`)
    }
    const errors = report.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
    const failed = errors || (values.strict === true && report.diagnostics.length > 0)
    return failed ? EXIT.errors : EXIT.ok
  },
}

/** `2 modules: 0 errors, 3 warnings`. */
function summary(moduleCount: number, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
  return `${plural(moduleCount, 'module')}: ${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
