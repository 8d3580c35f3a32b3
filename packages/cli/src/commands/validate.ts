import { resolve } from 'node:path'
import { compareDiagnostics } from '@cafes/core'
import { formatBytes } from '@cafes/packager'
import { EXIT, UsageError, commandPointer, printDiagnostics, type Command } from '../command.js'
import { HELP } from '../options.js'
import type { ValidationReport } from '@cafes/validate'

/** `cafes validate`: checks zips made by cafes or any other tool, as an LMS administrator would before uploading. */
export const validateCommand: Command = {
  spec: {
    name: 'validate',
    arguments: '<zip>...',
    summary: 'Check SCORM, xAPI, cmi5 and web zips, ours or any tool\'s',
    description:
      'Checks each zip: zip hygiene (hostile archives are refused unread), the descriptor at\n' +
      'the root, the official XSDs, what XSD misses (ADL test-suite rules), files listed but\n' +
      'missing or present but unlisted, and the limits LMSs document. Exit 1 on any error.',
    options: [
      {
        name: 'launch',
        type: 'boolean',
        description:
          'Also play each package in headless Chromium against the simulated LMS and\n' +
          'check that it initialises, records and terminates cleanly (needs Debian\'s chromium)',
      },
      { name: 'json', type: 'boolean', description: 'Print { diagnostics, packages } as JSON on stdout' },
      HELP,
    ],
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('no zip to validate', commandPointer(this.spec))
    const { validatePackage } = await import('@cafes/validate')
    const reports: ValidationReport[] = []
    for (const path of positionals) {
      reports.push(await validatePackage(resolve(io.cwd, path), { cwd: io.cwd, launch: values.launch === true }))
    }
    const diagnostics = reports.flatMap((report) => report.diagnostics).sort(compareDiagnostics)
    if (values.json === true) {
      const packages = reports.map(({ diagnostics: _diagnostics, ...rest }) => rest)
      io.out(`${JSON.stringify({ diagnostics, packages }, null, 2)}\n`)
    } else {
      printDiagnostics(diagnostics, io)
      io.out(formatReports(reports))
    }
    return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT.errors : EXIT.ok
  },
}

/** One aligned line per zip: path, format (and edition), files, size, verdict; then the launch steps. */
export function formatReports(reports: readonly ValidationReport[]): string {
  const rows = reports.map((report) => [
    report.file,
    report.edition === undefined ? report.format : `${report.format} (${report.edition})`,
    `${report.files} files`,
    formatBytes(report.size),
    verdict(report),
  ])
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
  const lines: string[] = []
  reports.forEach((report, index) => {
    const row = rows[index]!
    lines.push([row[0]!.padEnd(widths[0]!), row[1]!.padEnd(widths[1]!), row[2]!.padStart(widths[2]!), row[3]!.padStart(widths[3]!), row[4]!].join('  '))
    if (report.launch) {
      const steps = report.launch.steps.map((step) => `${step.name} ${step.ok ? 'ok' : 'FAILED'}`).join(', ')
      lines.push(`  launch: ${steps}`)
    }
  })
  return `${lines.join('\n')}\n`
}

function verdict(report: ValidationReport): string {
  const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
  const warnings = report.diagnostics.length - errors
  if (errors === 0) return warnings === 0 ? 'OK' : `OK, ${plural(warnings, 'warning')}`
  return [plural(errors, 'error'), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])].join(', ')
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
