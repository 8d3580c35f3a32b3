import type { Diagnostic } from '@cafes/core'
import { RULES, report, type Place } from './rules.js'

/** B2: entry names every LMS unzips the same way. */
export const ENTRY_NAME = /^[a-z0-9._-]+(\/[a-z0-9._-]+)*$/

/** B3: extensions Docebo and CrossKnowledge refuse (server scripts, executables). */
const FORBIDDEN_EXTENSION = /\.(htaccess|php\d*|phps|phtml?|cgi|sh|shtml|aspx?|jsp|py|rb|pl|exe)$/i

/**
 * Checks the entry names of a package: ASCII lower case (official schema files excepted),
 * no `.`/`..` segments, no two names equal when case is ignored, no refused extension.
 */
export function checkEntryNames(paths: readonly string[], exempt: ReadonlySet<string>, place: Place): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const byLowerCase = new Map<string, string>()
  for (const path of paths) {
    const segments = path.split('/')
    if (!exempt.has(path) && (!ENTRY_NAME.test(path) || segments.some((segment) => segment === '.' || segment === '..'))) {
      diagnostics.push(report(RULES.entryNameInvalid, { path }, place))
    }
    if (FORBIDDEN_EXTENSION.test(path)) diagnostics.push(report(RULES.fileExtensionForbidden, { path }, place))
    const other = byLowerCase.get(path.toLowerCase())
    if (other !== undefined) diagnostics.push(report(RULES.entryNameCollision, { path, other }, place))
    else byLowerCase.set(path.toLowerCase(), path)
  }
  return diagnostics
}
