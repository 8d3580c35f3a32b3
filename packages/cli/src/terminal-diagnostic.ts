/**
 * One diagnostic as a terminal shows it: the contract's first line (`path:line:col: error: … [rule]`),
 * the code frame, then the hint and notes, styled.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Diagnostic } from '@cafes/core'
import type { Styles } from './ansi.js'
import { codeFrame } from './code-frame.js'

/** Files larger than this get no frame: reading them to show one line is not worth it. */
const MAX_FRAME_FILE_BYTES = 8 * 1024 * 1024

/** The text of the files diagnostics point at, read once each; `undefined` when unreadable. */
export class SourceCache {
  private readonly texts = new Map<string, string | undefined>()

  constructor(private readonly cwd: string) {}

  text(file: string): string | undefined {
    if (this.texts.has(file)) return this.texts.get(file)
    let text: string | undefined
    try {
      const bytes = readFileSync(resolve(this.cwd, file))
      if (bytes.length <= MAX_FRAME_FILE_BYTES) text = bytes.toString('utf8').replace(/^\ufeff/, '')
    } catch {
      // Missing, a folder, no permission: the diagnostic is shown without a frame.
    }
    this.texts.set(file, text)
    return text
  }
}

/** The diagnostic's block for a terminal, without the final line break. */
export function formatForTerminal(diagnostic: Diagnostic, sources: SourceCache, style: Styles): string {
  const mark = diagnostic.severity === 'error' ? style.red : style.yellow
  const place = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}:${diagnostic.column ?? 1}`
  const lines = [
    `${style.bold(`${place}:`)} ${mark(style.bold(`${diagnostic.severity}:`))} ${style.bold(diagnostic.message)} ${style.dim(`[${diagnostic.ruleId}]`)}`,
  ]
  if (diagnostic.line !== undefined) {
    const text = sources.text(diagnostic.file)
    if (text !== undefined) {
      const place = {
        line: diagnostic.line,
        ...(diagnostic.column === undefined ? {} : { column: diagnostic.column }),
        ...(diagnostic.endLine === undefined ? {} : { endLine: diagnostic.endLine }),
        ...(diagnostic.endColumn === undefined ? {} : { endColumn: diagnostic.endColumn }),
      }
      lines.push(...codeFrame(text, place, { styles: style, mark }))
    }
  }
  if (diagnostic.hint) lines.push(`  ${style.cyan('hint:')} ${diagnostic.hint}`)
  for (const note of diagnostic.notes ?? []) {
    const notePlace = note.line === undefined ? note.file : `${note.file}:${note.line}:${note.column ?? 1}`
    lines.push(`  ${style.cyan('note:')} ${notePlace}: ${note.message}`)
  }
  return lines.join('\n')
}
