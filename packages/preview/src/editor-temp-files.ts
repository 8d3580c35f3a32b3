import { basename } from 'node:path'

/**
 * Names editors and tools write beside the files they save, which no build reads: vim's swap
 * and `4913` probe files, emacs' `#autosave#` and `.#lock`, JetBrains' `___jb_tmp___`,
 * Chromium's `.crswap`, backups ending in `~`, `.tmp` / `.part` downloads.
 */
const TEMP_NAME = /(^\.#)|(^#.*#$)|(~$)|(^4913$)|(\.(swp|swo|swx|tmp|temp|part|crswap|bak)$)|(___jb_(tmp|old)___$)/i

/** Folders whose changes never reach a build (version control, installed packages). */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn'])

/**
 * Whether a change to `relativePath` (inside the watched folder, either separator) cannot change
 * a build: an editor's temporary file, a dot-file (the compiler skips dot-files), or anything
 * under a skipped folder.
 */
export function isIgnoredChange(relativePath: string): boolean {
  const segments = relativePath.split(/[\\/]/).filter((segment) => segment !== '')
  if (segments.some((segment) => SKIPPED_DIRS.has(segment) || segment.startsWith('.'))) return true
  const name = basename(segments.at(-1) ?? '')
  return TEMP_NAME.test(name)
}
