import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Diagnostic } from '@cafes/core'

/** Lines shown before and after the line of an error. */
const CONTEXT_LINES = 2

/** One line of source around an error. */
export interface ExcerptLine {
  /** 1-based. */
  line: number
  text: string
  /** The line the error is on. */
  marked: boolean
}

/** One error, as the browser overlay shows it. */
export interface OverlayError {
  /** `path:line:col` (or `path` when the error has no position), as the terminal prints it. */
  location: string
  message: string
  ruleId: string
  hint?: string
  /** The source around the error, when the file and line could be read. */
  excerpt?: {
    lines: ExcerptLine[]
    /** 1-based column on the marked line. */
    column: number
  }
}

/** What the browser shows while the module does not build. */
export interface ErrorOverlay {
  errors: OverlayError[]
  /** Warnings of the same build, printed in the terminal only. */
  warningCount: number
}

/**
 * The overlay for a failed build: each error with its place, message, hint and the source
 * lines around it; `null` when there is no error. Files are read relative to `cwd`, as the
 * diagnostics name them; one that cannot be read just has no excerpt.
 */
export function errorOverlay(diagnostics: readonly Diagnostic[], cwd: string): ErrorOverlay | null {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  if (errors.length === 0) return null
  const sources = new Map<string, string[] | undefined>()
  const linesOf = (file: string): string[] | undefined => {
    if (!sources.has(file)) {
      let lines: string[] | undefined
      try {
        lines = readFileSync(resolve(cwd, file), 'utf8').split(/\r?\n/)
      } catch {
        lines = undefined
      }
      sources.set(file, lines)
    }
    return sources.get(file)
  }
  return {
    errors: errors.map((diagnostic) => {
      const entry: OverlayError = { location: location(diagnostic), message: diagnostic.message, ruleId: diagnostic.ruleId }
      if (diagnostic.hint !== undefined) entry.hint = diagnostic.hint
      const excerpt = diagnostic.line === undefined ? undefined : sourceExcerpt(linesOf(diagnostic.file), diagnostic.line, diagnostic.column ?? 1)
      if (excerpt) entry.excerpt = excerpt
      return entry
    }),
    warningCount: diagnostics.length - errors.length,
  }
}

/** `path:line:col`, the place as `formatDiagnostic` writes it. */
function location(diagnostic: Diagnostic): string {
  return diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}:${diagnostic.column ?? 1}`
}

function sourceExcerpt(lines: string[] | undefined, line: number, column: number): OverlayError['excerpt'] {
  if (!lines || line < 1 || line > lines.length) return undefined
  const first = Math.max(1, line - CONTEXT_LINES)
  const last = Math.min(lines.length, line + CONTEXT_LINES)
  const excerpt: ExcerptLine[] = []
  for (let number = first; number <= last; number++) excerpt.push({ line: number, text: lines[number - 1]!, marked: number === line })
  return { lines: excerpt, column }
}
