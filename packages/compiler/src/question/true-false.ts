/**
 * True-false: a task list of exactly two items, true then false (`- [x] Vrai` / `- [ ] Faux` when the
 * statement is true); the `[x]` marks the right one, a quote under an item is its feedback.
 */
import type { List, RootContent } from 'mdast'
import type { TrueFalseQuestionModel } from '../page.js'
import { shown } from '../plugins/directive.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { readChoice } from './choice.js'
import type { QuestionInput } from './input.js'

export function readTrueFalse(
  list: List,
  { id, file }: QuestionInput,
): Pick<TrueFalseQuestionModel, 'answer' | 'trueFeedback' | 'falseFeedback'> {
  const items = list.children
  if (items.length !== 2) report(file, rules.questionTrueFalseItems, { id: shown(id), count: items.length }, list.position)
  const [first, second] = items.slice(0, 2).map((item, index) => readChoice(item, index === 0 ? 'true' : 'false', file))
  const checked = items.slice(0, 2).filter((item) => item.checked === true).length
  const marked = items.slice(0, 2).every((item) => typeof item.checked === 'boolean')
  if (items.length === 2 && marked && checked !== 1) {
    report(file, rules.questionTrueFalseAnswer, { id: shown(id), count: checked }, list.position)
  }
  const feedback = (nodes: RootContent[] | undefined) => nodes ?? []
  return { answer: first?.correct === true, trueFeedback: feedback(first?.feedback), falseFeedback: feedback(second?.feedback) }
}
