import { watch, type FSWatcher } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { isIgnoredChange } from './editor-temp-files.js'

/** The project file the compiler looks for from the module folder up to the root (`compiler/src/load.ts`). */
const CONFIG_FILE = 'cafes.config.yaml'

/** Quiet time before a batch of changes is reported: editors write a file in several steps. */
export const DEFAULT_DEBOUNCE_MS = 40

export interface WatchModuleOptions {
  /**
   * Milliseconds without a new change before `onChange` runs with every path changed meanwhile.
   * @default 40
   */
  debounceMs?: number
  /**
   * Called when a watcher fails after it started (its folder was removed, the system ran out of
   * watches). The other watchers go on.
   * @default errors are ignored
   */
  onError?: (error: Error) => void
}

/** A running watch; `close()` stops it, and no `onChange` runs afterwards. */
export interface ModuleWatcher {
  close(): void
}

/**
 * Watches everything a build of the module in `dir` reads: the module folder and everything
 * under it (pages, assets, transcripts, a `cafes.config.yaml` there), and a `cafes.config.yaml`
 * appearing, changing or going away in any folder above it, where the compiler looks for one.
 * Editors' temporary files, dot-files and `node_modules` are ignored. Changes are debounced:
 * `onChange` gets the absolute paths changed, sorted and each once.
 *
 * Throws when `dir` cannot be watched (missing, not a folder).
 */
export function watchModule(dir: string, onChange: (changedPaths: string[]) => void, options: WatchModuleOptions = {}): ModuleWatcher {
  const moduleDir = resolve(dir)
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS
  const pending = new Set<string>()
  const watchers: FSWatcher[] = []
  let timer: NodeJS.Timeout | undefined
  let closed = false

  const flush = (): void => {
    timer = undefined
    if (closed || pending.size === 0) return
    const changed = [...pending].sort()
    pending.clear()
    onChange(changed)
  }
  const record = (path: string): void => {
    if (closed) return
    pending.add(path)
    clearTimeout(timer)
    timer = setTimeout(flush, debounceMs)
  }
  const track = (watcher: FSWatcher): void => {
    watcher.on('error', (error) => options.onError?.(error))
    watchers.push(watcher)
  }

  track(
    watch(moduleDir, { recursive: true }, (_event, filename) => {
      // No name: something changed, the system could not say what; a rebuild is the safe answer.
      if (filename === null) return record(moduleDir)
      if (!isIgnoredChange(filename)) record(join(moduleDir, filename))
    }),
  )
  try {
    for (let parent = dirname(moduleDir); ; parent = dirname(parent)) {
      const folder = parent
      track(
        watch(folder, (_event, filename) => {
          if (filename === CONFIG_FILE) record(join(folder, filename))
        }),
      )
      if (dirname(folder) === folder) break
    }
  } catch {
    // A folder above that cannot be watched (no permission): its config file is then only read at the next rebuild.
  }

  return {
    close() {
      closed = true
      clearTimeout(timer)
      pending.clear()
      for (const watcher of watchers) watcher.close()
    },
  }
}
