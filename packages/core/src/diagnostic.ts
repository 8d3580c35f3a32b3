/** A problem found in a module or a package, as plain JSON (`--json` prints it as is). */
export interface Diagnostic {
  /** Errors fail the build and are never downgraded. */
  severity: 'error' | 'warning'
  /** Permanent, kebab-case: `<subject>-<problem>`, e.g. `quiz-no-correct-answer`. */
  ruleId: string
  /** Which stage found it: `compiler`, `packager`, `validate`, `cli`. */
  source: string
  /** What happened and why; no position, no "Error:" prefix. */
  message: string
  /** What to do next. */
  hint?: string
  /** Relative to the working directory, `/` separators. */
  file: string
  /** 1-based, as authors read them. */
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  notes?: DiagnosticNote[]
}

export interface DiagnosticNote {
  message: string
  file: string
  line?: number
  column?: number
}

function place(file: string, line?: number, column?: number): string {
  if (line === undefined) return file
  return `${file}:${line}:${column ?? 1}`
}

/** `path:line:col: error|warning: message [rule-id]`, then the hint and notes on indented lines. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const lines = [
    `${place(diagnostic.file, diagnostic.line, diagnostic.column)}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.ruleId}]`,
  ]
  if (diagnostic.hint) lines.push(`  hint: ${diagnostic.hint}`)
  for (const note of diagnostic.notes ?? []) {
    lines.push(`  note: ${place(note.file, note.line, note.column)}: ${note.message}`)
  }
  return lines.join('\n')
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error')
}

/** Stable order for printing: by file, then position, errors before warnings at one place. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  const byLine = (a.line ?? 0) - (b.line ?? 0)
  if (byLine !== 0) return byLine
  const byColumn = (a.column ?? 0) - (b.column ?? 0)
  if (byColumn !== 0) return byColumn
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1
  return 0
}

/**
 * One kind of diagnostic, as data (every package keeps a table of them: one place for the
 * wording). A message says what happened and why, with no position and no "Error:" prefix;
 * a hint says what to do next.
 */
export interface Rule<Args> {
  /** Permanent, kebab-case: CI logs and authors' searches key on it. Never rename one. */
  id: string
  /** Errors fail the command and are never downgraded. */
  severity: 'error' | 'warning'
  message: (args: Args) => string
  hint?: string | ((args: Args) => string)
}

/** Declares a rule, inferring `Args` from `message` so that `hint` is typed too. */
export function defineRule<Args = Record<string, never>>(definition: Rule<Args>): Rule<Args> {
  return definition
}

/** Where a diagnostic points: a file, and a 1-based line and column when known. */
export interface DiagnosticPlace {
  file: string
  line?: number
  column?: number
}

/** A rule applied to its arguments at a place, reported by `source` (`compiler`, `lint`…). */
export function ruleDiagnostic<Args>(
  rule: Rule<Args>,
  args: Args,
  place: DiagnosticPlace,
  source: string,
  options: { severity?: 'error' | 'warning'; notes?: DiagnosticNote[] } = {},
): Diagnostic {
  const diagnostic: Diagnostic = { severity: options.severity ?? rule.severity, ruleId: rule.id, source, message: rule.message(args), file: place.file }
  const hint = typeof rule.hint === 'function' ? rule.hint(args) : rule.hint
  if (hint !== undefined) diagnostic.hint = hint
  if (place.line !== undefined) {
    diagnostic.line = place.line
    if (place.column !== undefined) diagnostic.column = place.column
  }
  if (options.notes && options.notes.length > 0) diagnostic.notes = options.notes
  return diagnostic
}
