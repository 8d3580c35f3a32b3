import { relative, resolve, sep } from 'node:path'
import type { Diagnostic } from '@cafes/core'
import { RULES, report } from './rules.js'

/**
 * The one module folder `modulePath` names (a folder holding `module.md`, or that file), or the
 * diagnostics saying why there is none: it does not exist, holds no module, or holds several.
 */
export async function resolveModuleDir(modulePath: string, cwd: string): Promise<{ dir: string } | { diagnostics: Diagnostic[] }> {
  const { findModules } = await import('@cafes/compiler')
  const absolute = resolve(cwd, modulePath)
  const found = await findModules([absolute], cwd)
  const [first, ...others] = found.dirs
  if (first === undefined || found.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { diagnostics: found.diagnostics }
  if (others.length > 0) {
    const shown = (path: string) => relative(cwd, path).split(sep).join('/') || '.'
    return { diagnostics: [report(RULES.severalModules, { path: shown(absolute), count: found.dirs.length, first: shown(first) }, shown(absolute))] }
  }
  return { dir: first }
}
