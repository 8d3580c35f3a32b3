/**
 * Fill-in: a plain bullet list of accepted answers (the first is the one shown as right); flags
 * `case-sensitive` and `accent-sensitive`; `maxlength` bounds what the learner types.
 */
import type { List } from 'mdast'
import type { FillInQuestionModel } from '../page.js'
import { plainText } from '../plugins/directive.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { readFlag, readMaxLength } from './attributes.js'
import type { QuestionInput } from './input.js'
import { plainItemContent } from './items.js'

/** SCORM 2004 fill-in strings hold 250 characters at least (SCORM 1.2 responses 255). */
export const FILL_IN_MAX_LENGTH = 250
export const FILL_IN_DEFAULT_MAX_LENGTH = 100

export function readFillIn(
  list: List,
  { node, file }: QuestionInput,
): Pick<FillInQuestionModel, 'accepted' | 'caseSensitive' | 'accentSensitive' | 'maxLength'> {
  const maxLength = readMaxLength(node, file, {
    type: 'fill-in',
    fallback: FILL_IN_DEFAULT_MAX_LENGTH,
    max: FILL_IN_MAX_LENGTH,
    why: `SCORM keeps at most ${FILL_IN_MAX_LENGTH} characters of a fill-in answer; the default is ${FILL_IN_DEFAULT_MAX_LENGTH}.`,
  })
  const accepted: string[] = []
  for (const item of list.children) {
    const answer = plainText(plainItemContent(item, file, { type: 'fill-in', item: 'An accepted answer' }))
    if (answer === '') continue
    if (answer.length > maxLength) {
      report(file, rules.questionAnswerTooLong, { answer, length: answer.length, max: maxLength }, item.position)
    }
    accepted.push(answer)
  }
  const flag = (name: string) => readFlag(node, file, name, { fallback: false, rule: rules.questionInvalidFlag })
  return { accepted, caseSensitive: flag('case-sensitive'), accentSensitive: flag('accent-sensitive'), maxLength }
}
