import { fnv1a } from './fingerprint.js'
import { type Course, type CourseQuiz, type Question, type Response, type StatefulBlock, courseQuestions, statefulBlocks } from './course.js'

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
  /** Per question (in `courseQuestions` order): the submitted answer, or null if not answered. */
  answers: (Response | null)[]
  /** Per quiz (in `course.quizzes` order): attempts started so far, ≥ 1. */
  quizAttempts: number[]
  /** Per stateful block (scenario, mini-défi, media; `statefulBlocks` order): its state, or null if untouched. */
  blocks: (BlockState | null)[]
  /** Interaction records written so far: the next record's index (never read from `_count`). */
  interactionCount: number
  /** The final status and score have been sent: they are never sent twice. */
  reported: boolean
}

/** What a learner did with a scenario, a mini-défi or a media block. */
export type BlockState =
  /** Node ids from the start to the current node (the path taken, steps back undone). */
  | { kind: 'scenario'; path: string[] }
  /** Ticked items; seconds left when timed (null: untimed); finished. */
  | { kind: 'challenge'; checked: string[]; remaining: number | null; done: boolean }
  /** Heard or seen to the end, or transcript read. */
  | { kind: 'media'; done: boolean }

/**
 * The most time a mini-défi's clock can show: its limit plus one hour of extensions (WCAG
 * 2.2.1 asks for at least ten). Bounds the state, so the build can check its size.
 */
export function maxChallengeRemaining(timeLimit: number): number {
  return timeLimit + 3600
}

export type BlockShape =
  | { kind: 'scenario'; nodeIds: string[] }
  | { kind: 'challenge'; itemIds: string[]; timeLimit: number | null }
  | { kind: 'media' }

/** What the codec needs of a question: how its answer is written and how long it can get. */
export type QuestionShape =
  | { type: 'single' | 'multiple' | 'likert'; optionIds: string[] }
  | { type: 'true-false' }
  | { type: 'fill-in' | 'numeric' | 'reflection'; maxLength: number }
  | { type: 'matching'; sourceIds: string[]; targetIds: string[] }
  | { type: 'sequencing'; stepIds: string[] }

/** The parts of a course the state depends on. */
export interface StateShape {
  /** Changes whenever pages or questions change, so an old state is never applied to a new course. */
  key: string
  pageCount: number
  questions: QuestionShape[]
  /** Attempts allowed per quiz, in `course.quizzes` order. */
  quizAttempts: number[]
  blocks: BlockShape[]
}

export const STATE_FORMAT_VERSION = '1'
const FIELD_SEPARATOR = '~'
const ANSWER_SEPARATOR = '.'
/** Free text starts with this, so that an empty answer differs from no answer. */
const TEXT_PREFIX = '_'

export function questionShape(question: Question): QuestionShape {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { type: question.type, optionIds: question.choices.map((choice) => choice.id) }
    case 'likert':
      return { type: 'likert', optionIds: question.scale.map((point) => point.id) }
    case 'true-false':
      return { type: 'true-false' }
    case 'fill-in':
    case 'numeric':
    case 'reflection':
      return { type: question.type, maxLength: question.maxLength }
    case 'matching':
      return { type: 'matching', sourceIds: question.sources.map((s) => s.id), targetIds: question.targets.map((t) => t.id) }
    case 'sequencing':
      return { type: 'sequencing', stepIds: question.steps.map((step) => step.id) }
  }
}

export function blockShape(block: StatefulBlock): BlockShape {
  switch (block.kind) {
    case 'scenario':
      return { kind: 'scenario', nodeIds: block.nodes.map((node) => node.id) }
    case 'challenge':
      return { kind: 'challenge', itemIds: block.checklist.map((item) => item.id), timeLimit: block.timeLimit ?? null }
    case 'media':
      return { kind: 'media' }
  }
}

export function stateShape(course: Course): StateShape {
  const questions = courseQuestions(course).map(questionShape)
  const blocks = statefulBlocks(course)
  const blockShapes = blocks.map(blockShape)
  const structure = [
    course.id,
    course.pages.map((page) => page.id).join(','),
    courseQuestions(course).map((question, index) => `${question.id}:${JSON.stringify(questions[index])}`).join(','),
    course.quizzes.map((quiz: CourseQuiz) => `${quiz.id}:${quiz.attempts}`).join(','),
    blocks.map((block, index) => `${block.id}:${JSON.stringify(blockShapes[index])}`).join(','),
  ].join('|')
  return {
    key: fnv1a(structure).toString(36),
    pageCount: course.pages.length,
    questions,
    quizAttempts: course.quizzes.map((quiz) => quiz.attempts),
    blocks: blockShapes,
  }
}

export function emptyState(shape: StateShape): LearnerState {
  return {
    page: 0,
    seen: Array.from({ length: shape.pageCount }, () => false),
    answers: shape.questions.map(() => null),
    quizAttempts: shape.quizAttempts.map(() => 1),
    blocks: shape.blocks.map(() => null),
    interactionCount: 0,
    reported: false,
  }
}

/**
 * `1~<key>~<page>~<seen bits>~<answers>~<quiz attempts>~<interaction count>~<flags>~<blocks>`, numbers
 * in base 36, answers separated by `.`; free text is kept as typed but for `%`, `~` and `.`,
 * which are percent-escaped.
 */
export function encodeState(state: LearnerState, shape: StateShape): string {
  return [
    STATE_FORMAT_VERSION,
    shape.key,
    state.page.toString(36),
    bitsToBase36(state.seen),
    state.answers.map((answer, index) => (answer === null ? '' : encodeAnswer(shape.questions[index]!, answer))).join(ANSWER_SEPARATOR),
    state.quizAttempts.map((count) => count.toString(36)).join(ANSWER_SEPARATOR),
    state.interactionCount.toString(36),
    state.reported ? '1' : '0',
    state.blocks.map((block, index) => (block === null ? '' : encodeBlock(shape.blocks[index]!, block))).join(ANSWER_SEPARATOR),
  ].join(FIELD_SEPARATOR)
}

/** The state, or null when the text is empty, malformed or was written for another version of the course. */
export function decodeState(text: string, shape: StateShape): LearnerState | null {
  const fields = text.split(FIELD_SEPARATOR)
  if (fields.length !== 9) return null
  const [version, key, page, seenBits, answers, attempts, interactionCount, flags, blockFields] = fields as [
    string, string, string, string, string, string, string, string, string,
  ]
  if (version !== STATE_FORMAT_VERSION || key !== shape.key) return null
  const pageIndex = parseBase36(page)
  const count = parseBase36(interactionCount)
  const seen = base36ToBits(seenBits, shape.pageCount)
  if (pageIndex === null || pageIndex >= Math.max(shape.pageCount, 1) || count === null || seen === null) return null
  if (flags !== '0' && flags !== '1') return null
  const answerFields = shape.questions.length === 0 ? (answers === '' ? [] : null) : answers.split(ANSWER_SEPARATOR)
  if (answerFields === null || answerFields.length !== shape.questions.length) return null
  const decodedAnswers: (Response | null)[] = []
  for (const [index, field] of answerFields.entries()) {
    if (field === '') {
      decodedAnswers.push(null)
      continue
    }
    const answer = decodeAnswer(shape.questions[index]!, field)
    if (answer === null) return null
    decodedAnswers.push(answer)
  }
  const attemptFields = shape.quizAttempts.length === 0 ? (attempts === '' ? [] : null) : attempts.split(ANSWER_SEPARATOR)
  if (attemptFields === null || attemptFields.length !== shape.quizAttempts.length) return null
  const quizAttempts: number[] = []
  for (const [index, field] of attemptFields.entries()) {
    const value = parseBase36(field)
    if (value === null || value < 1 || value > shape.quizAttempts[index]!) return null
    quizAttempts.push(value)
  }
  const blockTexts = shape.blocks.length === 0 ? (blockFields === '' ? [] : null) : blockFields.split(ANSWER_SEPARATOR)
  if (blockTexts === null || blockTexts.length !== shape.blocks.length) return null
  const blocks: (BlockState | null)[] = []
  for (const [index, field] of blockTexts.entries()) {
    if (field === '') {
      blocks.push(null)
      continue
    }
    const block = decodeBlock(shape.blocks[index]!, field)
    if (block === null) return null
    blocks.push(block)
  }
  return { page: pageIndex, seen, answers: decodedAnswers, quizAttempts, blocks, interactionCount: count, reported: flags === '1' }
}

/**
 * The longest state this course can produce: every page seen, the last page open, every
 * question answered with its longest answer, every attempt used, one interaction per question
 * and attempt.
 */
export function worstCaseState(shape: StateShape): LearnerState {
  const attemptsTotal = Math.max(1, ...shape.quizAttempts)
  return {
    page: Math.max(shape.pageCount - 1, 0),
    seen: Array.from({ length: shape.pageCount }, () => true),
    answers: shape.questions.map(longestAnswer),
    quizAttempts: [...shape.quizAttempts],
    blocks: shape.blocks.map(longestBlockState),
    // One record per question and attempt, and one per scenario.
    interactionCount: shape.questions.length * attemptsTotal + shape.blocks.filter((block) => block.kind === 'scenario').length,
    reported: true,
  }
}

function longestBlockState(block: BlockShape): BlockState {
  switch (block.kind) {
    case 'scenario':
      // Nodes form no cycle: a path visits each node at most once.
      return { kind: 'scenario', path: [...block.nodeIds].reverse() }
    case 'challenge':
      return { kind: 'challenge', checked: [...block.itemIds], remaining: block.timeLimit === null ? null : maxChallengeRemaining(block.timeLimit), done: true }
    case 'media':
      return { kind: 'media', done: true }
  }
}

/** scenario: node indexes in base 36, one character each; challenge: `<checked mask>-<seconds left>-<done>`; media: `1`. */
function encodeBlock(shape: BlockShape, block: BlockState): string {
  if (shape.kind === 'scenario' && block.kind === 'scenario') {
    return 'p' + block.path.map((id) => shape.nodeIds.indexOf(id).toString(36)).join('')
  }
  if (shape.kind === 'challenge' && block.kind === 'challenge') {
    const checked = new Set(block.checked)
    const mask = shape.itemIds.reduce((sum, id, index) => (checked.has(id) ? sum + 2 ** index : sum), 0)
    return [mask.toString(36), block.remaining === null ? '' : Math.max(0, Math.round(block.remaining)).toString(36), block.done ? '1' : '0'].join('-')
  }
  return block.kind === 'media' && block.done ? '1' : '0'
}

function decodeBlock(shape: BlockShape, field: string): BlockState | null {
  switch (shape.kind) {
    case 'scenario': {
      if (!field.startsWith('p')) return null
      const path = [...field.slice(1)].map((digit) => shape.nodeIds[parseInt(digit, 36)])
      if (path.includes(undefined) || new Set(path).size !== path.length) return null
      return { kind: 'scenario', path: path as string[] }
    }
    case 'challenge': {
      const parts = field.split('-')
      if (parts.length !== 3) return null
      const mask = parseBase36(parts[0]!)
      const remaining = parts[1] === '' ? null : parseBase36(parts[1]!)
      if (mask === null || mask >= 2 ** shape.itemIds.length || (parts[2] !== '0' && parts[2] !== '1')) return null
      if ((shape.timeLimit === null) !== (remaining === null) || (remaining !== null && remaining > maxChallengeRemaining(shape.timeLimit!))) return null
      const checked = shape.itemIds.filter((_, index) => Math.floor(mask / 2 ** index) % 2 === 1)
      return { kind: 'challenge', checked, remaining, done: parts[2] === '1' }
    }
    case 'media':
      return field === '1' ? { kind: 'media', done: true } : field === '0' ? { kind: 'media', done: false } : null
  }
}

export function worstCaseStateLength(shape: StateShape): number {
  return encodeState(worstCaseState(shape), shape).length
}

function longestAnswer(question: QuestionShape): Response {
  switch (question.type) {
    case 'single':
    case 'likert':
      return [question.optionIds.at(-1)!]
    case 'multiple':
      return [...question.optionIds]
    case 'true-false':
      return true
    case 'fill-in':
    case 'numeric':
    case 'reflection':
      // Every character escaped: the longest text of that many characters.
      return '~'.repeat(question.maxLength)
    case 'matching':
      return question.sourceIds.map((source) => [source, question.targetIds.at(-1)!] as [string, string])
    case 'sequencing':
      return [...question.stepIds].reverse()
  }
}

function encodeAnswer(question: QuestionShape, answer: Response): string {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'likert': {
      const selected = new Set(answer as string[])
      return question.optionIds.reduce((mask, id, index) => (selected.has(id) ? mask + 2 ** index : mask), 0).toString(36)
    }
    case 'true-false':
      return answer ? 't' : 'f'
    case 'fill-in':
    case 'numeric':
    case 'reflection':
      return TEXT_PREFIX + escapeText(answer as string)
    case 'matching': {
      const target = new Map(answer as [string, string][])
      return question.sourceIds.map((source) => {
        const index = question.targetIds.indexOf(target.get(source) ?? '')
        return index < 0 ? '-' : index.toString(36)
      }).join('')
    }
    case 'sequencing':
      return (answer as string[]).map((id) => question.stepIds.indexOf(id).toString(36)).join('')
  }
}

function decodeAnswer(question: QuestionShape, field: string): Response | null {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'likert': {
      const mask = parseBase36(field)
      if (mask === null || mask === 0 || mask >= 2 ** question.optionIds.length) return null
      const selected = question.optionIds.filter((_, index) => Math.floor(mask / 2 ** index) % 2 === 1)
      if (question.type !== 'multiple' && selected.length !== 1) return null
      return selected
    }
    case 'true-false':
      return field === 't' ? true : field === 'f' ? false : null
    case 'fill-in':
    case 'numeric':
    case 'reflection': {
      if (!field.startsWith(TEXT_PREFIX)) return null
      const text = unescapeText(field.slice(TEXT_PREFIX.length))
      return text === null || text.length > question.maxLength ? null : text
    }
    case 'matching': {
      if (field.length !== question.sourceIds.length) return null
      const pairs: [string, string][] = []
      for (const [index, digit] of [...field].entries()) {
        if (digit === '-') continue
        const target = question.targetIds[parseInt(digit, 36)]
        if (target === undefined) return null
        pairs.push([question.sourceIds[index]!, target])
      }
      return pairs
    }
    case 'sequencing': {
      const order = [...field].map((digit) => question.stepIds[parseInt(digit, 36)])
      if (order.length !== question.stepIds.length || new Set(order).size !== order.length || order.includes(undefined)) return null
      return order as string[]
    }
  }
}

function escapeText(text: string): string {
  return text.replace(/[%~.]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
}

function unescapeText(text: string): string | null {
  if (/[~.]/.test(text) || /%(?![0-9A-F]{2})/.test(text)) return null
  return text.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
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
