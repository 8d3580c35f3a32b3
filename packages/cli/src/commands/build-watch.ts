/**
 * `cafes build --watch`, after the first build: one watcher per module (`watchModule` of
 * `@cafes/preview`), and a rebuild of that module alone when its files change, one build at a time.
 * SIGINT (Ctrl-C) or SIGTERM stops watching, with exit code 0.
 */
import { relative, sep } from 'node:path'
import type { BuildOptions, BuildReport } from '@cafes/packager'
import { EXIT, type Io } from '../command.js'

/** Watches the modules under `options.paths` until the process is interrupted; resolves to the exit code. */
export async function watchBuilds(
  options: BuildOptions,
  io: Io,
  printReport: (report: BuildReport, io: Io) => void,
): Promise<number> {
  const [{ findModules }, { watchModule }, { build }] = await Promise.all([
    import('@cafes/compiler'),
    import('@cafes/preview'),
    import('@cafes/packager'),
  ])
  const shown = (path: string) => relative(options.cwd, path).split(sep).join('/') || '.'
  const { dirs } = await findModules(options.paths, options.cwd)
  if (dirs.length === 0) {
    io.err('cafes: no module to watch\n')
    return EXIT.errors
  }

  // Changes that arrive during a build wait for it, then rebuild their module once.
  const pending = new Map<string, Set<string>>()
  let building = false
  let stopped = false
  const rebuild = async (): Promise<void> => {
    if (building) return
    building = true
    for (let next = pending.entries().next(); !next.done && !stopped; next = pending.entries().next()) {
      const [dir, changed] = next.value
      pending.delete(dir)
      io.err(`\n${[...changed].map(shown).join(', ')} changed: rebuilding ${shown(dir)}\n`)
      try {
        printReport(await build({ ...options, paths: [dir] }), io)
      } catch (error) {
        // A rebuild that throws must not end the watch: the next save may fix it.
        io.err(`cafes: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      }
    }
    building = false
  }

  const watchers = dirs.map((dir) =>
    watchModule(
      dir,
      (changedPaths) => {
        const changed = pending.get(dir) ?? new Set<string>()
        for (const path of changedPaths) changed.add(path)
        pending.set(dir, changed)
        void rebuild()
      },
      { onError: (error) => io.err(`cafes: watching ${shown(dir)} failed: ${error.message}\n`) },
    ),
  )
  io.err(`Watching ${dirs.length === 1 ? shown(dirs[0]!) : `${dirs.length} modules`} for changes; press Ctrl-C to stop.\n`)

  return new Promise((resolve) => {
    const stop = () => {
      stopped = true
      for (const watcher of watchers) watcher.close()
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(EXIT.ok)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
