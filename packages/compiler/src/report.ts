/**
 * The way diagnostics go in (`report`, used by every plugin and check) and the one place they come out
 * as `Diagnostic`s (`toDiagnostics`, at the compiler's boundary, as mdx's `vfileMessageToEsbuild`).
 */
import path from 'node:path'
import { compareDiagnostics, type Diagnostic, type DiagnosticNote } from '@cafes/core'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { Rule } from './rules.js'

type VFileMessage = ReturnType<VFile['message']>

/** A place in any file ("first defined here"), by absolute path. */
export interface Note {
  message: string
  file: string
  place?: Point | Position | undefined
}

/** What a message carries besides the vfile fields. */
interface CafesMessage extends VFileMessage {
  hint?: string
  notes?: Note[]
}

/**
 * Reports a problem on `file`, as unified plugins do (`file.message`, `fatal = true` for errors), never
 * throwing, so that one run reports every problem.
 */
export function report<Args>(
  file: VFile,
  rule: Rule<Args>,
  args: Args,
  place?: Point | Position | undefined,
  notes?: Note[],
): void {
  const message: CafesMessage = file.message(rule.message(args), { place, ruleId: rule.id, source: 'compiler' })
  message.fatal = rule.severity === 'error'
  const hint = typeof rule.hint === 'function' ? rule.hint(args) : rule.hint
  if (hint) message.hint = hint
  if (notes) message.notes = notes
}

/** The files' messages as `Diagnostic`s: paths relative to `cwd` with `/` separators, 1-based, sorted. */
export function toDiagnostics(files: readonly VFile[], cwd: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const file of files) {
    for (const message of file.messages as CafesMessage[]) {
      if (message.fatal !== true && message.fatal !== false) continue
      const diagnostic: Diagnostic = {
        severity: message.fatal ? 'error' : 'warning',
        ruleId: message.ruleId ?? 'unknown',
        source: message.source ?? 'compiler',
        message: message.reason,
        file: relativePath(cwd, file.path),
      }
      if (message.hint) diagnostic.hint = message.hint
      Object.assign(diagnostic, placeFields(message.place))
      if (message.notes) {
        diagnostic.notes = message.notes.map((note) => {
          const converted: DiagnosticNote = { message: note.message, file: relativePath(cwd, note.file) }
          const start = note.place && 'start' in note.place ? note.place.start : note.place
          if (start) Object.assign(converted, { line: start.line, column: start.column })
          return converted
        })
      }
      diagnostics.push(diagnostic)
    }
  }
  return diagnostics.sort(compareDiagnostics)
}

function placeFields(place: Point | Position | null | undefined): Partial<Diagnostic> {
  if (!place) return {}
  if (!('start' in place)) return { line: place.line, column: place.column }
  return { line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column }
}

/** `file` relative to `cwd`, `/` separators. */
export function relativePath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || '.'
}
