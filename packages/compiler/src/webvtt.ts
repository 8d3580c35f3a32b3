/**
 * A small WebVTT reader for transcripts and captions: the `WEBVTT` header, cues with an optional id,
 * `hh:mm:ss.ttt --> hh:mm:ss.ttt` (or `mm:ss.ttt`) timings with optional settings, multi-line text.
 * Tags (`<v Name>`, `<i>`, `<c.class>`, timestamps) are removed, their text kept; entities decoded.
 * `NOTE`, `STYLE` and `REGION` blocks are skipped. Pure.
 */
import type { TranscriptCue } from '@cafes/core'

export interface WebVttProblem {
  /** 1-based. */
  line: number
  column: number
  detail: string
}

export interface WebVtt {
  cues: TranscriptCue[]
  problems: WebVttProblem[]
}

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" }

export function parseWebVtt(text: string): WebVtt {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)
  const problems: WebVttProblem[] = []
  const cues: TranscriptCue[] = []
  const header = lines[0] ?? ''
  if (!/^WEBVTT([ \t].*)?$/.test(header)) {
    problems.push({ line: 1, column: 1, detail: 'the file must start with a `WEBVTT` line' })
    return { cues, problems }
  }
  let index = 1
  // The header block ends at the first blank line.
  while (index < lines.length && lines[index]!.trim() !== '') index++
  while (index < lines.length) {
    while (index < lines.length && lines[index]!.trim() === '') index++
    if (index >= lines.length) break
    const blockStart = index
    const block: string[] = []
    while (index < lines.length && lines[index]!.trim() !== '') block.push(lines[index++]!)
    const first = block[0]!
    if (/^(NOTE|STYLE|REGION)([ \t]|$)/.test(first)) continue
    const timingAt = first.includes('-->') ? 0 : block[1]?.includes('-->') ? 1 : -1
    if (timingAt === -1) {
      problems.push({ line: blockStart + 1, column: 1, detail: 'this cue has no timing line `00:01.000 --> 00:04.000`' })
      continue
    }
    const timingLine = block[timingAt]!
    const lineNumber = blockStart + timingAt + 1
    const [left = '', right = ''] = timingLine.split('-->')
    const start = parseTimestamp(left.trim())
    const endText = right.trim().split(/[ \t]+/)[0] ?? ''
    const end = parseTimestamp(endText)
    if (start === undefined) {
      problems.push({ line: lineNumber, column: 1, detail: `\`${left.trim()}\` is not a time: write \`mm:ss.ttt\` or \`hh:mm:ss.ttt\`` })
      continue
    }
    if (end === undefined) {
      const column = timingLine.indexOf('-->') + 4 + (right.length - right.trimStart().length)
      problems.push({ line: lineNumber, column, detail: `\`${endText}\` is not a time: write \`mm:ss.ttt\` or \`hh:mm:ss.ttt\`` })
      continue
    }
    if (end <= start) {
      problems.push({ line: lineNumber, column: 1, detail: 'the cue ends before it starts' })
      continue
    }
    const cueText = block
      .slice(timingAt + 1)
      .map((line) => plainCueText(line))
      .filter((line) => line !== '')
      .join('\n')
    cues.push({ start, end, text: cueText })
  }
  return { cues, problems }
}

/** Seconds, or undefined when `text` is no WebVTT timestamp. */
export function parseTimestamp(text: string): number | undefined {
  const match = TIMESTAMP.exec(text)
  if (!match) return undefined
  const [, hours, minutes, seconds, milliseconds] = match
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(milliseconds) / 1000
}

function plainCueText(line: string): string {
  return line
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
      return ENTITIES[name.toLowerCase()] ?? entity
    })
    .trim()
}
