/**
 * Numeric: `answer=42` (exact) or `min=40 max=45` (range, both ends included), decimals with a point;
 * no list. `maxlength` bounds what the learner types.
 */
import type { NumericQuestionModel } from '../page.js'
import { attributePlace, shown } from '../plugins/directive.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { readMaxLength, toSignedNumber } from './attributes.js'
import type { QuestionInput } from './input.js'

/** SCORM 2004 keeps 250 characters of an answer; no number needs more. */
export const NUMERIC_MAX_LENGTH = 250
export const NUMERIC_DEFAULT_MAX_LENGTH = 20

export function readNumeric({ node, file, id }: QuestionInput): Pick<NumericQuestionModel, 'min' | 'max' | 'maxLength'> {
  const maxLength = readMaxLength(node, file, {
    type: 'numeric',
    fallback: NUMERIC_DEFAULT_MAX_LENGTH,
    max: NUMERIC_MAX_LENGTH,
    why: `SCORM keeps at most ${NUMERIC_MAX_LENGTH} characters of an answer; the default, ${NUMERIC_DEFAULT_MAX_LENGTH}, fits any number.`,
  })
  const written = (name: 'answer' | 'min' | 'max') => {
    const value = node.attributes?.[name]
    return typeof value === 'string' ? value : undefined
  }
  /** The attribute's value as a number; `null` when absent, `undefined` when invalid (reported). */
  const read = (name: 'answer' | 'min' | 'max'): number | null | undefined => {
    const value = written(name)
    if (value === undefined) return null
    const number = toSignedNumber(value)
    if (number === undefined) report(file, rules.questionNumericInvalidNumber, { name, value }, attributePlace(node, file, name))
    else if (value.trim().length > maxLength) {
      const answer = value.trim()
      report(file, rules.questionAnswerTooLong, { answer, length: answer.length, max: maxLength }, attributePlace(node, file, name))
    }
    return number
  }
  const answer = read('answer')
  const min = read('min')
  const max = read('max')
  const none = { min: 0, max: 0, maxLength }

  if (answer === null && min === null && max === null) {
    report(file, rules.questionNumericMissingAnswer, { id: shown(id) }, node.position)
    return none
  }
  if (answer !== null && (min !== null || max !== null)) {
    report(file, rules.questionNumericConflict, {}, attributePlace(node, file, min !== null ? 'min' : 'max'))
    return none
  }
  if (answer !== null) return answer === undefined ? none : { min: answer, max: answer, maxLength }
  if (min === null || max === null) {
    const present = min === null ? 'max' : 'min'
    report(file, rules.questionNumericIncompleteRange, { present, missing: min === null ? 'min' : 'max' }, attributePlace(node, file, present))
    return none
  }
  if (min === undefined || max === undefined) return none
  if (min > max) {
    report(file, rules.questionNumericEmptyRange, { min: written('min') ?? '', max: written('max') ?? '' }, attributePlace(node, file, 'min'))
    return none
  }
  return { min, max, maxLength }
}
