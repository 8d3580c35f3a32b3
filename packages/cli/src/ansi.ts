/**
 * ANSI styles for a terminal, or none: `styles(false)` gives identity functions, so callers never
 * branch on colour themselves.
 */

export interface Styles {
  bold: (text: string) => string
  dim: (text: string) => string
  red: (text: string) => string
  yellow: (text: string) => string
  cyan: (text: string) => string
}

const plain = (text: string) => text

/** SGR styles when `enabled`; identity functions otherwise. */
export function styles(enabled: boolean): Styles {
  if (!enabled) return { bold: plain, dim: plain, red: plain, yellow: plain, cyan: plain }
  const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) }
}

/**
 * Whether to colour a terminal's output: yes, unless `NO_COLOR` is set to anything but the empty
 * string (https://no-color.org).
 */
export function colourWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === ''
}
