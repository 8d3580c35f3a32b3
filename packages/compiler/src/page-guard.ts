/**
 * Limits that keep one page from stalling a build. The Markdown parser (micromark) takes time that
 * grows faster than the text on some shapes (thousands of nested quotes or list markers, long runs of
 * `[` or `*`), and overflows the stack on others: a page past these limits is reported and not parsed.
 * The limits sit far above anything an author writes for a 10–20 minute module.
 */
import { VFile } from 'vfile'
import type { ParsedPage } from './page.js'
import type { PageProcessor } from './processor.js'
import { report } from './report.js'
import { rules } from './rules.js'

/** About 30,000 words: a whole book chapter. */
export const MAX_PAGE_CHARACTERS = 200_000
export const MAX_LINE_CHARACTERS = 10_000
/** Quotes, list items and open `:::` blocks around one line. */
export const MAX_NESTING = 16

const DIRECTIVE_OPENER = /^[ \t]*:{3,}[a-zA-Z]/
const DIRECTIVE_CLOSER = /^[ \t]*:{3,}[ \t]*$/
const ORDERED_MARKER = /^\d{1,9}[.)](?:[ \t]|$)/

/** Reports on `file` the first limit its text passes, and says whether there was one. */
export function checkPageLimits(file: VFile): boolean {
  const text = String(file.value)
  if (text.length > MAX_PAGE_CHARACTERS) {
    report(file, rules.pageTooLarge, { count: text.length, limit: MAX_PAGE_CHARACTERS })
    return true
  }
  let openDirectives = 0
  let line = 0
  for (const source of text.split(/\r?\n|\r/)) {
    line++
    if (source.length > MAX_LINE_CHARACTERS) {
      report(file, rules.pageLineTooLong, { count: source.length, limit: MAX_LINE_CHARACTERS }, { line, column: 1 })
      return true
    }
    if (DIRECTIVE_CLOSER.test(source)) openDirectives = Math.max(0, openDirectives - 1)
    else if (DIRECTIVE_OPENER.test(source)) openDirectives++
    const depth = openDirectives + containerMarkers(source)
    if (depth > MAX_NESTING) {
      report(file, rules.pageTooDeeplyNested, { depth, limit: MAX_NESTING }, { line, column: 1 })
      return true
    }
  }
  return false
}

/** How many quote and list markers open `line` (`> - > 1. text` → 4). */
function containerMarkers(line: string): number {
  let depth = 0
  let index = 0
  for (;;) {
    while (line[index] === ' ' || line[index] === '\t') index++
    const char = line[index]
    if (char === '>') {
      index++
    } else if ((char === '-' || char === '*' || char === '+') && /[ \t]/.test(line[index + 1] ?? '')) {
      index += 2
    } else {
      const ordered = ORDERED_MARKER.exec(line.slice(index, index + 12))
      if (!ordered) return depth
      index += ordered[0].length
    }
    depth++
  }
}

/**
 * The page `file` holds, through `processor`, with its problems reported on `file`. A page past the
 * limits, or one whose nesting overflows the stack while processed, is reported and stands as an
 * empty page (keeping the front matter of `module.md` when that part is sound, so its id and title
 * do not cascade into more errors).
 */
export function processPage(processor: PageProcessor, file: VFile): ParsedPage {
  if (checkPageLimits(file)) return emptyPage(processor, file)
  try {
    return processor.processSync(file).result
  } catch (error) {
    if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error
    report(file, rules.pageTooComplex, {})
    return emptyPage(processor, file)
  }
}

function emptyPage(processor: PageProcessor, file: VFile): ParsedPage {
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(String(file.value))?.[0] ?? ''
  const sound = frontMatter.length <= MAX_LINE_CHARACTERS * 2 && !frontMatter.includes(':::')
  // Problems of this stand-in are not the author's: they stay on a file nobody reads.
  return processor.processSync(new VFile({ path: file.path, value: sound ? frontMatter : '' })).result
}
