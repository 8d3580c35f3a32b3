/**
 * The lines of source around a diagnostic, numbered, with a caret under its column (as compilers
 * print them on a terminal). Pure: the caller reads the file.
 */
import type { Styles } from './ansi.js'

export interface FramePlace {
  /** 1-based. */
  line: number
  /** 1-based, in UTF-16 code units as unist counts them. */
  column?: number
  endLine?: number
  endColumn?: number
}

export interface FrameOptions {
  /** Lines shown before and after the diagnostic's. @default 1 */
  context?: number
  /** Longest part of a line shown, in characters; longer lines are cut around the column. @default 100 */
  width?: number
  styles: Styles
  /** Colours the caret (red for errors, yellow for warnings). */
  mark: (text: string) => string
}

/**
 * The frame of `place` in `text`, one string per line, or `[]` when the line does not exist (the file
 * changed since, or was never read).
 */
export function codeFrame(text: string, place: FramePlace, options: FrameOptions): string[] {
  const lines = text.split(/\r?\n|\r/)
  const target = lines[place.line - 1]
  if (target === undefined) return []
  const context = options.context ?? 1
  const width = options.width ?? 100
  const first = Math.max(1, place.line - context)
  const last = Math.min(lines.length, place.line + context)
  const gutter = String(last).length
  const column = Math.min(Math.max(place.column ?? 1, 1), target.length + 1)
  const span = place.endLine === place.line && place.endColumn !== undefined ? Math.max(1, place.endColumn - column) : 1
  // Cut every line of the frame at the same window, so the caret stays under its column.
  const start = column - 1 > width - 20 ? column - 1 - Math.floor(width / 2) : 0
  const frame: string[] = []
  for (let number = first; number <= last; number++) {
    const source = visible(lines[number - 1] ?? '', start, width)
    const marker = number === place.line ? options.mark('>') : ' '
    frame.push(`${marker} ${options.styles.dim(`${String(number).padStart(gutter)} |`)}${source ? ` ${source}` : ''}`)
    if (number === place.line) {
      const before = visible(target, start, width).slice(0, column - 1 - start + (start > 0 ? 1 : 0))
      const padding = before.replace(/[^\t]/g, ' ')
      const caret = '^'.repeat(Math.max(1, Math.min(span, width - padding.length)))
      frame.push(`  ${options.styles.dim(`${' '.repeat(gutter)} |`)} ${padding}${options.mark(caret)}`)
    }
  }
  return frame
}

/** `line` from `start`, at most `width` characters, with `…` where it is cut; control characters shown as `·`. */
function visible(line: string, start: number, width: number): string {
  const cut = line.slice(start, start + width)
  const shown = cut.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '·')
  return `${start > 0 ? '…' : ''}${shown}${start + width < line.length ? '…' : ''}`
}
