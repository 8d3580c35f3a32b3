import type { Option, Question, Response } from './course.js'

/**
 * How each question is reported as an interaction: the edition-neutral definition the xAPI
 * and cmi5 statements carry (xAPI 1.0.3 Data §2.4.4.1, the SCORM 2004 syntax it is based on),
 * and the learner's response in each edition's syntax (STANDARDS.md §2.6). Pure, browser-safe.
 */

export const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'numeric',
  'matching',
  'sequencing',
  'likert',
  'other',
] as const
export type InteractionType = (typeof INTERACTION_TYPES)[number]

/** Where a response is written: its syntax and length limits differ. */
export type InteractionEdition = 'scorm12' | 'scorm2004' | 'xapi'

/** xAPI interaction component: a choice, scale point, matching source or target. */
export interface InteractionComponent {
  id: string
  /** Language map: `{ [language]: plain text }`. */
  description: Record<string, string>
}

/** The parts of an xAPI activity definition that describe the interaction. */
export interface InteractionData {
  interactionType: InteractionType
  /**
   * The right responses, any of which is right. Absent when any answer is right (likert,
   * reflection): in xAPI an empty array would mean "no answer is right".
   */
  correctResponsesPattern?: string[]
  /** choice and sequencing. */
  choices?: InteractionComponent[]
  /** likert. */
  scale?: InteractionComponent[]
  /** matching. */
  source?: InteractionComponent[]
  target?: InteractionComponent[]
}

/** Delimiters and values per edition: one row per meaning. */
const SYNTAX = {
  item: { scorm12: ',', scorm2004: '[,]', xapi: '[,]' },
  pair: { scorm12: '.', scorm2004: '[.]', xapi: '[.]' },
  true: { scorm12: 't', scorm2004: 'true', xapi: 'true' },
  false: { scorm12: 'f', scorm2004: 'false', xapi: 'false' },
} as const satisfies Record<string, Record<InteractionEdition, string>>

/** The 2004 numeric range delimiter (1.2 has none). */
const RANGE = '[:]'

/**
 * Longest text per edition: 1.2 CMIFeedback (255); 2004 fill-in strings (SPM 250) and
 * long-fill-in (SPM 4000); xAPI sets none.
 */
const TEXT_LIMIT = {
  'fill-in': { scorm12: 255, scorm2004: 250, xapi: Infinity },
  reflection: { scorm12: 255, scorm2004: 4000, xapi: Infinity },
} as const

/**
 * Longest scenario path per edition: SCORM 1.2 `performance` is CMIFeedback (255), SCORM 2004
 * `other` a characterstring (4000); xAPI sets none.
 */
const PATH_LIMIT = { scorm12: 255, scorm2004: 4000, xapi: Infinity } as const satisfies Record<InteractionEdition, number>

/**
 * The interaction definition of a branching scenario for xAPI / cmi5: type `other`, no right
 * response (any path may end well or badly; the result says how it ended).
 */
export function scenarioInteractionData(): InteractionData {
  return { interactionType: 'other' }
}

/**
 * A scenario's path as its response, the same text in every edition: node ids from the start
 * to the ending joined by `,` (`debut,verif,fin-ok`), cut to the edition's limit (node ids
 * are ASCII).
 */
export function formatScenarioPath(path: readonly string[], edition: InteractionEdition): string {
  return cut(path.join(','), PATH_LIMIT[edition])
}

/** The interaction type of a question (xAPI and SCORM 2004 names); no question is `other`. */
export function interactionType(question: Question): Exclude<InteractionType, 'other'> {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return 'choice'
    case 'reflection':
      return 'long-fill-in'
    default:
      return question.type
  }
}

/**
 * The interaction definition of a question for xAPI / cmi5: its type, the right responses in
 * xAPI syntax (the SCORM 2004 one), and the component lists the type supports, with
 * descriptions as language maps in the module's language.
 */
export function interactionData(question: Question, language: string): InteractionData {
  const components = (options: readonly Option[]): InteractionComponent[] =>
    options.map((option) => ({ id: option.id, description: { [language]: option.text } }))
  const data: InteractionData = { interactionType: interactionType(question) }
  const pattern = correctResponsesPattern(question)
  if (pattern) data.correctResponsesPattern = pattern
  switch (question.type) {
    case 'single':
    case 'multiple':
      data.choices = components(question.choices)
      break
    case 'matching':
      data.source = components(question.sources)
      data.target = components(question.targets)
      break
    case 'sequencing':
      data.choices = components(question.steps)
      break
    case 'likert':
      data.scale = components(question.scale)
      break
  }
  return data
}

/**
 * The right responses in xAPI / SCORM 2004 syntax, any of which is right: choice ids joined by
 * `[,]`, `true`/`false`, one fill-in pattern per accepted answer with its `{case_matters=…}`
 * (accent-insensitive matching has no parameter: the result says it), a numeric range
 * `min[:]max` (an exact answer `n[:]n`), `source[.]target` pairs, steps in order. Undefined
 * when any answer is right (likert, reflection); [] when none is. For SCORM 2004 the texts
 * are formatted as its fill-in strings (see `formatResponse`).
 */
export function correctResponsesPattern(question: Question, edition: 'scorm2004' | 'xapi' = 'xapi'): string[] | undefined {
  switch (question.type) {
    case 'fill-in': {
      const prefix = `{case_matters=${question.caseSensitive}}`
      return [...new Set(question.accepted.map((text) => prefix + formatText('fill-in', text, edition)))]
    }
    case 'numeric':
      return [formatDecimal(question.min) + RANGE + formatDecimal(question.max)]
    case 'likert':
    case 'reflection':
      return undefined
    default: {
      const right = correctResponse(question)!
      return Array.isArray(right) && right.length === 0 ? [] : [formatResponse(question, right, edition)]
    }
  }
}

/**
 * The right answer, in the form a learner's response takes: choice ids in choice order, the
 * boolean, the first accepted text, the exact number (as text; null for a range), the right
 * pairs, the steps in order. Null for questions that have none (likert, reflection).
 */
export function correctResponse(question: Question): Response | null {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.choices.filter((choice) => choice.correct).map((choice) => choice.id)
    case 'true-false':
      return question.answer
    case 'fill-in':
      return question.accepted[0] ?? null
    case 'numeric':
      return question.min === question.max ? formatDecimal(question.min) : null
    case 'matching':
      return question.pairs.map(([source, target]) => [source, target] as [string, string])
    case 'sequencing':
      return question.steps.map((step) => step.id)
    case 'likert':
    case 'reflection':
      return null
  }
}

/**
 * A learner's response in an edition's syntax: ids joined by `,` (1.2) or `[,]`, pairs by `.`
 * or `[.]`, `t`/`f` or `true`/`false`, numbers as plain decimals with a `.`, text cut to the
 * edition's limit (SCORM: on one line, as LMSs validate it).
 */
export function formatResponse(question: Question, response: Response, edition: InteractionEdition): string {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'likert':
    case 'sequencing':
      return (response as string[]).join(SYNTAX.item[edition])
    case 'true-false':
      return response ? SYNTAX.true[edition] : SYNTAX.false[edition]
    case 'fill-in':
    case 'reflection':
      return formatText(question.type, response as string, edition)
    case 'numeric':
      return normaliseDecimal(response as string) ?? (response as string).trim()
    case 'matching':
      return (response as [string, string][]).map((pair) => pair.join(SYNTAX.pair[edition])).join(SYNTAX.item[edition])
  }
}

/**
 * Text for an edition. SCORM: line breaks become spaces (1.2 CMIFeedback and 2004
 * localized strings are one line for LMSs that validate them), a leading `{` becomes `(` (it
 * would open a `{lang=…}` delimiter), 2004 fill-in `[,]` becomes `,` (it would split the
 * answer in two); then cut to the limit, never inside a surrogate pair.
 */
function formatText(kind: 'fill-in' | 'reflection', text: string, edition: InteractionEdition): string {
  if (edition === 'xapi') return text
  let line = text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
  if (edition === 'scorm2004') {
    line = line.replace(/^\{/, '(')
    if (kind === 'fill-in') line = line.split(SYNTAX.item.scorm2004).join(',')
  }
  return cut(line, TEXT_LIMIT[kind][edition])
}

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text
  const code = text.charCodeAt(limit - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit)
}

const DECIMAL = /^\s*([+-]?)(\d*)(?:[.,](\d*))?\s*$/

/** A number typed by a learner: digits with `.` or `,` as the decimal separator, an optional sign. */
export function parseDecimal(text: string): number | null {
  const normalised = normaliseDecimal(text)
  return normalised === null ? null : Number(normalised)
}

/** `' +3,50 '` → `'3.50'`, `',5'` → `'0.5'`, `'-007'` → `'-7'`; null when not a decimal. */
export function normaliseDecimal(text: string): string | null {
  const match = DECIMAL.exec(text)
  if (match === null) return null
  const [, sign, whole = '', fraction = ''] = match
  if (whole === '' && fraction === '') return null
  const integer = whole.replace(/^0+(?=\d)/, '') || '0'
  return (sign === '-' ? '-' : '') + integer + (fraction === '' ? '' : `.${fraction}`)
}

/** A number as a plain decimal, never in exponent notation: `1e-7` → `0.0000001`. */
export function formatDecimal(value: number): string {
  const text = String(value)
  if (!/e/i.test(text)) return text
  return value.toFixed(20).replace(/\.?0+$/, '')
}
