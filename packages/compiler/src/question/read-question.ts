/**
 * One question, whatever its type: `type=` (default `single`, or `multiple` with the `multiple` flag),
 * the attributes that type takes, its weight, its prompt, list, explanation and feedback, then the
 * type's own reader.
 */
import { isScored, QUESTION_TYPES, type Question, type QuestionType } from '@cafes/core'
import type { List, RootContent } from 'mdast'
import type { QuestionModel, QuestionModelBase } from '../page.js'
import { attributePlace, checkAttributes, shown } from '../plugins/directive.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { toNumber } from './attributes.js'
import { splitAtBreak, splitAtList, type QuestionBody } from './body.js'
import { readChoices } from './choice.js'
import { FILL_IN_DEFAULT_MAX_LENGTH, readFillIn } from './fill-in.js'
import type { QuestionInput } from './input.js'
import { readOptionList } from './items.js'
import { readMatching } from './matching.js'
import { readNumeric } from './numeric.js'
import { readReflection } from './reflection.js'
import { readTrueFalse } from './true-false.js'

/** Attributes every question takes. */
const COMMON_ATTRIBUTES = ['id', 'type', 'weight']

/** The attributes each type takes besides the common ones. */
export const TYPE_ATTRIBUTES = {
  single: ['multiple'],
  multiple: ['multiple'],
  'true-false': [],
  'fill-in': ['case-sensitive', 'accent-sensitive', 'maxlength'],
  numeric: ['answer', 'min', 'max', 'maxlength'],
  matching: [],
  sequencing: [],
  likert: [],
  reflection: ['maxlength'],
} as const satisfies Record<QuestionType, readonly string[]>

/** Every attribute some question takes. */
export const QUESTION_ATTRIBUTES: readonly string[] = [...new Set([...COMMON_ATTRIBUTES, ...Object.values(TYPE_ATTRIBUTES).flat()])]

/** What a type's list is, for messages, and an example of it for hints. */
const LISTS: Record<Exclude<QuestionType, 'numeric' | 'reflection'>, { list: string; example: string }> = {
  single: { list: 'choices', example: '`- [x] a right answer`, `- [ ] a wrong answer`' },
  multiple: { list: 'choices', example: '`- [x] a right answer`, `- [ ] a wrong answer`' },
  'true-false': { list: 'true-false list', example: '`- [x] Vrai` then `- [ ] Faux` (the `[x]` on the right one)' },
  'fill-in': { list: 'list of accepted answers', example: 'the accepted answers, one per line: `- réponse`' },
  matching: { list: 'list of pairs', example: 'one pair per line: `- Source -> Target`' },
  sequencing: { list: 'list of steps', example: 'the steps in the right order: `1. Première étape`' },
  likert: { list: 'scale', example: 'the points of the scale, one per line: `- Pas du tout d’accord`' },
}

/**
 * Reads the question whose attributes are on `input.node`; `known` are the attributes the directive
 * takes besides the question's (a short-form quiz's).
 */
export function readQuestion(input: QuestionInput, content: RootContent[], known: readonly string[] = []): QuestionModel {
  const { node, file, id } = input
  const type = readType(input)
  const base: QuestionModelBase = {
    id,
    type: type ?? 'single',
    weight: 1,
    prompt: content,
    explanation: [],
    correctFeedback: [],
    incorrectFeedback: [],
  }
  const idPlace = attributePlace(node, file, 'id')
  if (idPlace) base.idPlace = idPlace
  if (type === undefined) {
    checkAttributes(node, file, [...known, ...QUESTION_ATTRIBUTES])
    return { ...base, type: 'single', choices: [] }
  }
  checkAttributes(node, file, [...known, ...COMMON_ATTRIBUTES, ...TYPE_ATTRIBUTES[type]], {
    type,
    typeAttributes: QUESTION_ATTRIBUTES,
  })
  base.weight = readWeight(input, type)

  if (type === 'numeric' || type === 'reflection') {
    const body = splitAtBreak(content, file)
    reportLists(content, input, type)
    const question = withBody(base, body, input, undefined)
    return type === 'numeric' ? { ...question, type, ...readNumeric(input) } : { ...question, type, ...readReflection(input) }
  }

  const body = splitAtList(content, file)
  const { list } = body
  const question = withBody(base, body, input, LISTS[type].list)
  if (!list) {
    if (type === 'single' || type === 'multiple') report(file, rules.questionNoChoices, { id: shown(id) }, node.position)
    else report(file, rules.questionMissingList, { id: shown(id), ...LISTS[type] }, node.position)
    return emptyQuestion(question, type)
  }
  switch (type) {
    case 'single':
    case 'multiple':
      return { ...question, type, choices: readChoices(list, input, type) }
    case 'true-false':
      return { ...question, type, ...readTrueFalse(list, input) }
    case 'fill-in':
      return { ...question, type, ...readFillIn(list, input) }
    case 'matching':
      return { ...question, type, ...readMatching(list, input) }
    case 'sequencing':
      return { ...question, type, steps: readSteps(list, input) }
    case 'likert':
      return { ...question, type, scale: readScale(list, input) }
  }
}

/** `type=`, else `multiple` with the flag, else `single`; `undefined` for an unknown type (reported). */
function readType(input: QuestionInput): QuestionType | undefined {
  const { node, file } = input
  const written = node.attributes?.type
  if (typeof written !== 'string') return readMultiple(input) ? 'multiple' : 'single'
  const type = written.trim()
  if (!isQuestionType(type)) {
    report(file, rules.questionUnknownType, { value: written }, attributePlace(node, file, 'type'))
    return undefined
  }
  // `multiple` belongs to choice questions; on other types it is reported as an attribute they do not take.
  const multiple = (type === 'single' || type === 'multiple') && readMultiple(input)
  if (type === 'single' && multiple) report(file, rules.questionTypeConflict, {}, attributePlace(node, file, 'multiple'))
  return type
}

function isQuestionType(value: string): value is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(value)
}

function readMultiple({ node, file }: QuestionInput): boolean {
  const value = node.attributes?.multiple
  if (typeof value !== 'string' || value === 'false') return false
  if (value === '' || value === 'true') return true
  report(file, rules.questionInvalidMultiple, { value }, attributePlace(node, file, 'multiple'))
  return false
}

/** `weight=`, > 0, default 1; 0 for questions that are not scored, whose `weight` is reported. */
function readWeight({ node, file }: QuestionInput, type: QuestionType): number {
  const value = node.attributes?.weight
  if (!scoredType(type)) {
    if (typeof value === 'string') report(file, rules.questionWeightIgnored, { type }, attributePlace(node, file, 'weight'))
    return 0
  }
  if (typeof value !== 'string') return 1
  const weight = toNumber(value)
  if (weight !== undefined && weight > 0) return weight
  report(file, rules.questionInvalidWeight, { value }, attributePlace(node, file, 'weight'))
  return 1
}

/** Whether questions of `type` count in the score (core's `isScored` decides on the type alone). */
function scoredType(type: QuestionType): boolean {
  return isScored({ type } as Question)
}

/** The question with its prompt, explanation and feedback; an empty prompt is reported. */
function withBody(base: QuestionModelBase, body: QuestionBody, { node, file, id }: QuestionInput, list: string | undefined) {
  const question: QuestionModelBase = {
    ...base,
    prompt: body.prompt,
    explanation: body.explanation,
    correctFeedback: body.correctFeedback,
    incorrectFeedback: body.incorrectFeedback,
  }
  if ((body.list || !list) && body.prompt.length === 0) {
    report(file, rules.questionMissingPrompt, { id: shown(id), ...(list ? { list } : {}) }, node.position)
  }
  if (!scoredType(base.type)) {
    for (const [kind, feedback] of [['correct', body.correctFeedback], ['incorrect', body.incorrectFeedback]] as const) {
      if (feedback.length > 0) report(file, rules.questionFeedbackUnused, { kind, type: base.type }, body.feedbackPlaces[kind])
    }
    question.correctFeedback = []
    question.incorrectFeedback = []
  }
  return question
}

/** Numeric and reflection questions take no list: the first is reported. */
function reportLists(content: readonly RootContent[], { file }: QuestionInput, type: 'numeric' | 'reflection'): void {
  const list = content.find((child): child is List => child.type === 'list')
  if (!list) return
  const hint =
    type === 'numeric'
      ? 'Give the right answer as an attribute, `answer=42` or `min=40 max=45`; write the question as prose.'
      : 'The learner writes free text; write the question as prose.'
  report(file, rules.questionUnexpectedList, { type, hint }, list.position)
}

function readSteps(list: List, { id, file }: QuestionInput) {
  return readOptionList(list, id, file, { type: 'sequencing', item: 'A step', one: 'step', items: 'steps', example: '1. Une étape' })
}

function readScale(list: List, { id, file }: QuestionInput) {
  return readOptionList(list, id, file, {
    type: 'likert',
    item: 'A scale point',
    one: 'scale point',
    items: 'scale points',
    example: '- Plutôt d’accord',
  })
}

/** A question of `type` with nothing to choose from, once its missing list is reported. */
function emptyQuestion(base: QuestionModelBase, type: Exclude<QuestionType, 'numeric' | 'reflection'>): QuestionModel {
  switch (type) {
    case 'single':
    case 'multiple':
      return { ...base, type, choices: [] }
    case 'true-false':
      return { ...base, type, answer: true, trueFeedback: [], falseFeedback: [] }
    case 'fill-in':
      return { ...base, type, accepted: [], caseSensitive: false, accentSensitive: false, maxLength: FILL_IN_DEFAULT_MAX_LENGTH }
    case 'matching':
      return { ...base, type, sources: [], targets: [], pairs: [] }
    case 'sequencing':
      return { ...base, type, steps: [] }
    case 'likert':
      return { ...base, type, scale: [] }
  }
}
