import { isPackageTarget, PACKAGE_TARGETS, type PackageTarget } from '@cafes/packager'
import { EXIT, UsageError, commandPointer, printDiagnostics, type Command, type Values } from '../command.js'
import { HELP } from '../options.js'

/** `@cafes/preview`'s default, repeated for the help so that `--help` does not load the preview server. */
const DEFAULT_PORT_HELP = 4173

/** `cafes preview`: a local server showing the module inside the simulated LMS, rebuilt on every save. */
export const previewCommand: Command = {
  spec: {
    name: 'preview',
    arguments: '<module>',
    summary: 'Preview a module inside a simulated LMS, rebuilt on every save',
    description:
      'Serves, on 127.0.0.1, the module as the simulated LMS launches it, beside a panel of\n' +
      'what the LMS or LRS receives (status, score, location, suspend_data, answers,\n' +
      'statements). Every save rebuilds the module and reloads the page; errors show over\n' +
      'the module and here. Stop with Ctrl-C.',
    options: [
      {
        name: 'target',
        type: 'string',
        value: 'target',
        description:
          'scorm12, scorm2004, xapi, cmi5 or web, switchable in the page (default:\n' +
          "the module's first target, else scorm12)",
      },
      { name: 'port', type: 'string', value: 'N', description: `Port to listen on (default: ${DEFAULT_PORT_HELP}; the next free one when taken)` },
      HELP,
    ],
  },
  async run(values, positionals, io) {
    const [modulePath, ...extra] = positionals
    if (modulePath === undefined) throw new UsageError('no module to preview', commandPointer(this.spec))
    if (extra.length > 0) throw new UsageError(`preview shows one module; got ${positionals.length} paths`, commandPointer(this.spec))
    const target = parseTarget(values.target, this)
    const port = parsePort(values.port, this)
    const { DEFAULT_PORT, startPreview, PreviewStartError } = await import('@cafes/preview')
    let preview: Awaited<ReturnType<typeof startPreview>>
    try {
      preview = await startPreview({
        modulePath,
        cwd: io.cwd,
        ...(target ? { target } : {}),
        ...(port === undefined ? {} : { port }),
        log: { info: (message) => io.out(`${message}\n`), diagnostics: (diagnostics) => printDiagnostics(diagnostics, io) },
      })
    } catch (error) {
      if (!(error instanceof PreviewStartError)) throw error
      if (error.diagnostics.length > 0) printDiagnostics(error.diagnostics, io)
      else io.err(`cafes: ${error.message}\n`)
      return EXIT.errors
    }
    const title = preview.panelState().module?.title
    const asked = port ?? DEFAULT_PORT
    if (asked !== 0 && preview.port !== asked) io.out(`Port ${asked} is in use: using ${preview.port}.\n`)
    io.out(`Preview${title ? ` of “${title}”` : ''} (${preview.target}): ${preview.url}\nRebuilds on every save. Press Ctrl-C to stop.\n`)
    await interrupted()
    await preview.close()
    return EXIT.ok
  },
}

function parseTarget(value: Values[string], command: Command): PackageTarget | undefined {
  if (value === undefined) return undefined
  const name = String(value)
  if (!isPackageTarget(name)) throw new UsageError(`unknown target '${name}'; use ${PACKAGE_TARGETS.join(', ')}`, commandPointer(command.spec))
  return name
}

function parsePort(value: Values[string], command: Command): number | undefined {
  if (value === undefined) return undefined
  const text = String(value)
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`invalid port '${text}'; use a number from 0 to 65535`, commandPointer(command.spec))
  return port
}

/** Resolves at Ctrl-C (SIGINT) or SIGTERM, so the preview closes its servers and files before the exit. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
