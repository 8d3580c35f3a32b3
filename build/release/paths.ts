import { isAbsolute, relative, sep } from 'node:path'

/** Relative to `cwd` with `/` separators when inside it, else absolute: how diagnostics and messages name files. */
export function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path)
  const shown = relativePath === '' ? '.' : relativePath
  const outside = shown === '..' || shown.startsWith(`..${sep}`) || isAbsolute(shown)
  return (outside ? path : shown).split(sep).join('/')
}
