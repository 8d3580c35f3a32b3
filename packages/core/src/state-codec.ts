import { type Course, courseQuestions } from './course.js'

/**
 * What the player keeps of a learner's attempt, and the compact text it is stored as in
 * `cmi.suspend_data` (SCORM 1.2 allows 4,096 characters) or an xAPI state document.
 * The build computes the worst case with this same code, so the limit is checked before any
 * learner meets it.
 */
export interface LearnerState {
  /** Index of the page the learner is on. */
  page: number
  /** Per page, whether it has been seen. */
  seen: boolean[]
  /** Per question (in `courseQuestions` order): indexes of the selected choices, or null if not answered. */
  answers: (number[] | null)[]
  /** Interaction records written so far: the next record's index (never read from `_count`). */
  interactionCount: number
  /** The final status and score have been sent: they are never sent twice. */
  reported: boolean
}

/** The parts of a course the state depends on. */
export interface StateShape {
  /** Changes whenever pages or questions change, so an old state is never applied to a new course. */
  key: string
  pageCount: number
  questions: { type: 'single' | 'multiple'; choiceCount: number }[]
}

export const STATE_FORMAT_VERSION = '1'
const FIELD_SEPARATOR = '~'

export function stateShape(course: Course): StateShape {
  const questions = courseQuestions(course)
  const structure = [
    course.id,
    course.pages.map((page) => page.id).join(','),
    questions.map((question) => `${question.id}:${question.type}:${question.choices.length}`).join(','),
  ].join('|')
  return {
    key: fnv1a(structure).toString(36),
    pageCount: course.pages.length,
    questions: questions.map((question) => ({ type: question.type, choiceCount: question.choices.length })),
  }
}

export function emptyState(shape: StateShape): LearnerState {
  return {
    page: 0,
    seen: Array.from({ length: shape.pageCount }, () => false),
    answers: shape.questions.map(() => null),
    interactionCount: 0,
    reported: false,
  }
}

/**
 * `1~<key>~<page>~<seen bits>~<answer masks>~<interaction count>~<flags>`, numbers in base 36.
 * Only characters that need no escaping in any LMS: `[0-9a-z~.]`.
 */
export function encodeState(state: LearnerState, shape: StateShape): string {
  const seenBits = bitsToBase36(state.seen)
  const answers = state.answers
    .map((answer) => (answer === null ? '' : answer.reduce((mask, index) => mask + 2 ** index, 0).toString(36)))
    .join('.')
  return [
    STATE_FORMAT_VERSION,
    shape.key,
    state.page.toString(36),
    seenBits,
    answers,
    state.interactionCount.toString(36),
    state.reported ? '1' : '0',
  ].join(FIELD_SEPARATOR)
}

/** The state, or null when the text is empty, malformed or was written for another version of the course. */
export function decodeState(text: string, shape: StateShape): LearnerState | null {
  const fields = text.split(FIELD_SEPARATOR)
  if (fields.length !== 7) return null
  const [version, key, page, seenBits, answers, interactionCount, flags] = fields as [
    string, string, string, string, string, string, string,
  ]
  if (version !== STATE_FORMAT_VERSION || key !== shape.key) return null
  const pageIndex = parseBase36(page)
  const count = parseBase36(interactionCount)
  const seen = base36ToBits(seenBits, shape.pageCount)
  const answerFields = answers === '' && shape.questions.length === 0 ? [] : answers.split('.')
  if (pageIndex === null || pageIndex >= Math.max(shape.pageCount, 1) || count === null || seen === null) return null
  if (answerFields.length !== shape.questions.length || (flags !== '0' && flags !== '1')) return null
  const decodedAnswers: (number[] | null)[] = []
  for (const [index, field] of answerFields.entries()) {
    if (field === '') {
      decodedAnswers.push(null)
      continue
    }
    const mask = parseBase36(field)
    const question = shape.questions[index]!
    if (mask === null || mask === 0 || mask >= 2 ** question.choiceCount) return null
    const selected = maskToIndexes(mask, question.choiceCount)
    if (question.type === 'single' && selected.length !== 1) return null
    decodedAnswers.push(selected)
  }
  return { page: pageIndex, seen, answers: decodedAnswers, interactionCount: count, reported: flags === '1' }
}

/**
 * The longest state this course can produce: every page seen, the last page open, every
 * question answered with the longest selection, one interaction per question.
 */
export function worstCaseState(shape: StateShape): LearnerState {
  return {
    page: Math.max(shape.pageCount - 1, 0),
    seen: Array.from({ length: shape.pageCount }, () => true),
    answers: shape.questions.map((question) =>
      question.type === 'single'
        ? [question.choiceCount - 1]
        : Array.from({ length: question.choiceCount }, (_, index) => index),
    ),
    interactionCount: shape.questions.length,
    reported: true,
  }
}

export function worstCaseStateLength(shape: StateShape): number {
  return encodeState(worstCaseState(shape), shape).length
}

// BigInt() calls rather than `0n` literals: esbuild cannot lower literals for the player's target.
const ZERO = BigInt(0)
const ONE = BigInt(1)
const RADIX = BigInt(36)

function bitsToBase36(bits: boolean[]): string {
  let value = ZERO
  for (const [index, bit] of bits.entries()) if (bit) value |= ONE << BigInt(index)
  return value.toString(36)
}

function base36ToBits(text: string, length: number): boolean[] | null {
  if (!/^[0-9a-z]+$/.test(text)) return null
  let value = ZERO
  for (const digit of text) value = value * RADIX + BigInt(parseInt(digit, 36))
  if (value >> BigInt(length) !== ZERO) return null
  return Array.from({ length }, (_, index) => ((value >> BigInt(index)) & ONE) === ONE)
}

function parseBase36(text: string): number | null {
  if (!/^[0-9a-z]{1,10}$/.test(text)) return null
  return parseInt(text, 36)
}

function maskToIndexes(mask: number, count: number): number[] {
  const indexes: number[] = []
  for (let index = 0; index < count; index++) if (Math.floor(mask / 2 ** index) % 2 === 1) indexes.push(index)
  return indexes
}

/** 32-bit FNV-1a over UTF-16 code units: a short, stable fingerprint (not a security hash). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}
