/**
 * Length: a page far longer than the module's others, and a declared `duration` far from the time the
 * content takes (reading, listening, answering).
 */
import { courseQuestions, type Course, type Diagnostic } from '@cafes/core'
import { modulePlace, pagePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'
import { countWords, learnerText, walkLearnerNodes } from '../tree.js'

/** A page is too long above both: this many times the median page, and this many words. */
export const PAGE_LENGTH_RATIO = 3
export const PAGE_LENGTH_MIN_WORDS = 600

/** Silent reading of French prose by adults, words a minute. */
export const READING_WORDS_PER_MINUTE = 200
/** Speech, for audio whose length only a Markdown transcript tells, words a minute. */
export const SPEAKING_WORDS_PER_MINUTE = 150
export const MINUTES_PER_QUESTION = 0.5
/** A declared duration passes from half to twice the estimate… */
export const DURATION_RATIO = 2
/** …or when it is this close in minutes: for a 2-minute module, 4 minutes is no lie. */
export const DURATION_TOLERANCE_MINUTES = 2

export const checkPageLength: LintCheck = (context) => {
  const counts = context.pages.map((page) => countWords(learnerText(page.tree)))
  const median = medianOf(counts)
  const found: Diagnostic[] = []
  context.pages.forEach((page, index) => {
    const words = counts[index] ?? 0
    if (words <= PAGE_LENGTH_MIN_WORDS || words <= PAGE_LENGTH_RATIO * median) return
    let title: { line: number; column: number } | undefined
    walkLearnerNodes(page.tree, (node) => {
      if (!title && node.type === 'heading' && node.depth === 1) title = node.position?.start
    })
    found.push(lintDiagnostic(LINT_RULES.pageTooLong, { words, median: Math.round(median) }, pagePlace(context, page, title ?? { line: 1, column: 1 })))
  })
  return found
}

export const checkDuration: LintCheck = (context) => {
  const declared = context.module.meta.duration
  if (declared === undefined) return []
  const words = context.pages.reduce((sum, page) => sum + countWords(learnerText(page.tree)), 0)
  const media = mediaMinutes(context.module.course)
  const questions = courseQuestions(context.module.course).length
  const exact = words / READING_WORDS_PER_MINUTE + media.minutes + questions * MINUTES_PER_QUESTION
  const estimated = Math.max(1, Math.round(exact))
  const near = Math.abs(declared - exact) <= DURATION_TOLERANCE_MINUTES
  const tooShort = declared < exact / DURATION_RATIO
  // Media of unknown length make the estimate a floor: only a duration below it is certainly wrong.
  const tooLong = declared > exact * DURATION_RATIO && media.unknown === 0
  if (near || (!tooShort && !tooLong)) return []
  const detail = [
    `${words} words read at ${READING_WORDS_PER_MINUTE} a minute`,
    ...(media.minutes > 0 ? [`${formatMinutes(media.minutes)} of audio and video`] : []),
    ...(questions > 0 ? [`${questions} question${questions === 1 ? '' : 's'} at 30 s each`] : []),
  ].join(', ')
  const place = context.pages[0]?.page.frontMatter?.values.duration?.start
  return [lintDiagnostic(LINT_RULES.durationMismatch, { declared, estimated, detail }, modulePlace(context, place))]
}

/** Minutes of audio and video: the last cue's end, else the Markdown transcript read aloud. */
function mediaMinutes(course: Course): { minutes: number; unknown: number } {
  let minutes = 0
  let unknown = 0
  for (const page of course.pages) {
    for (const block of page.blocks) {
      if (block.kind !== 'media') continue
      const end = Math.max(0, ...block.cues.map((cue) => cue.end))
      const spoken = block.transcriptHtml ? countWords(block.transcriptHtml.replace(/<[^>]*>/g, ' ')) : 0
      if (end > 0) minutes += end / 60
      else if (spoken > 0) minutes += spoken / SPEAKING_WORDS_PER_MINUTE
      else unknown++
    }
  }
  return { minutes, unknown }
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return 0
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`
  return `${Math.round(minutes * 10) / 10} min`
}
