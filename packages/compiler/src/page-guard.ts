/**
 * Limits that keep one page from stalling a build. The Markdown parser (micromark and
 * mdast-util-from-markdown) takes time that grows faster than the text on some shapes (long or deeply
 * nested lists, runs of `*` or `[`), and overflows the stack on others: a page past these limits is
 * reported and not parsed. They sit far above anything an author writes for a 10–20 minute module
 * (whose pages hold a few thousand characters, a few dozen list items and marks).
 */
import { VFile } from 'vfile'
import type { ParsedPage } from './page.js'
import type { PageProcessor } from './processor.js'
import { report } from './report.js'
import { rules } from './rules.js'

/** About 15,000 words: a whole module is a fifth of that. */
export const MAX_PAGE_CHARACTERS = 100_000
export const MAX_LINE_CHARACTERS = 10_000
/** Quotes, list items and open `:::` blocks around one line. */
export const MAX_NESTING = 10
/** List items and quote marks in one page. */
export const MAX_CONTAINER_MARKS = 2_000
/** `*`, `_`, `[`, `]`, `` ` ``, `~` and `|` in one page. */
export const MAX_INLINE_MARKS = 5_000

const DIRECTIVE_OPENER = /^[ \t]*:{3,}[a-zA-Z]/
const DIRECTIVE_CLOSER = /^[ \t]*:{3,}[ \t]*$/
const ORDERED_MARKER = /^\d{1,9}[.)](?:[ \t]|$)/
const INLINE_MARKS = /[*_[\]`~|]/g

/** Reports on `file` the first limit its text passes, and says whether there was one. */
export function checkPageLimits(file: VFile): boolean {
  const text = String(file.value)
  if (text.length > MAX_PAGE_CHARACTERS) {
    report(file, rules.pageTooLarge, { count: text.length, limit: MAX_PAGE_CHARACTERS })
    return true
  }
  const inlineMarks = text.match(INLINE_MARKS)?.length ?? 0
  if (inlineMarks > MAX_INLINE_MARKS) {
    const detail = `${inlineMarks} emphasis, link, code and table marks (\`*\`, \`_\`, \`[\`, \`]\`, \`\` \` \`\`, \`~\`, \`|\`), more than ${MAX_INLINE_MARKS}`
    report(file, rules.pageTooComplex, { detail })
    return true
  }
  let openDirectives = 0
  let containerMarks = 0
  let line = 0
  for (const source of text.split(/\r?\n|\r/)) {
    line++
    if (source.length > MAX_LINE_CHARACTERS) {
      report(file, rules.pageLineTooLong, { count: source.length, limit: MAX_LINE_CHARACTERS }, { line, column: 1 })
      return true
    }
    if (DIRECTIVE_CLOSER.test(source)) openDirectives = Math.max(0, openDirectives - 1)
    else if (DIRECTIVE_OPENER.test(source)) openDirectives++
    const { marks, indent } = leadingContainerMarks(source)
    containerMarks += marks
    // An indented list item sits about one level deeper per two columns.
    const depth = openDirectives + marks + (marks > 0 ? Math.floor(indent / 2) : 0)
    if (depth > MAX_NESTING) {
      report(file, rules.pageTooDeeplyNested, { depth, limit: MAX_NESTING }, { line, column: 1 })
      return true
    }
    if (containerMarks > MAX_CONTAINER_MARKS) {
      const detail = `more than ${MAX_CONTAINER_MARKS} list items and quote marks (\`>\`) up to this line`
      report(file, rules.pageTooComplex, { detail }, { line, column: 1 })
      return true
    }
  }
  return false
}

/** The quote and list markers that open `line` (`> - > 1. text` → 4), and the white space before the first. */
function leadingContainerMarks(line: string): { marks: number; indent: number } {
  let marks = 0
  let index = 0
  let indent = 0
  for (;;) {
    const start = index
    while (line[index] === ' ' || line[index] === '\t') index++
    if (marks === 0) indent = index - start
    const char = line[index]
    if (char === '>') {
      index++
    } else if ((char === '-' || char === '*' || char === '+') && /[ \t]/.test(line[index + 1] ?? '')) {
      index += 2
    } else {
      const ordered = ORDERED_MARKER.exec(line.slice(index, index + 12))
      if (!ordered) return { marks, indent }
      index += ordered[0].length
    }
    marks++
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
    report(file, rules.pageTooComplex, { detail: 'its structure nests too deeply' })
    return emptyPage(processor, file)
  }
}

function emptyPage(processor: PageProcessor, file: VFile): ParsedPage {
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(String(file.value))?.[0] ?? ''
  const sound = frontMatter.length <= MAX_LINE_CHARACTERS && !/[*_[\]`~|>:]{50}/.test(frontMatter)
  // Problems of this stand-in are not the author's: they stay on a file nobody reads.
  return processor.processSync(new VFile({ path: file.path, value: sound ? frontMatter : '' })).result
}
