/**
 * Single and multiple choice: a GFM task list, `[x]` right and `[ ]` wrong, 2 to 26 choices named
 * `a`…`z`; a quote under a choice is that choice's feedback.
 */
import { CHOICE_IDS } from '@cafes/core'
import type { List, ListItem, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import type { ChoiceModel } from '../page.js'
import { plainText, shown } from '../plugins/directive.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import type { QuestionInput } from './input.js'

export function readChoices(list: List, { id, file }: QuestionInput, type: 'single' | 'multiple'): ChoiceModel[] {
  const items = list.children
  if (items.length < 2) report(file, rules.questionTooFewChoices, { id: shown(id), count: items.length }, list.position)
  if (items.length > CHOICE_IDS.length) {
    const args = { id: shown(id), count: items.length }
    report(file, rules.questionTooManyChoices, args, items[CHOICE_IDS.length]?.position)
  }
  const choices = items.slice(0, CHOICE_IDS.length).map((item, index) => readChoice(item, CHOICE_IDS[index] ?? '', file))

  const unmarked = items.some((item) => typeof item.checked !== 'boolean')
  const correct = items.filter((item) => item.checked === true)
  if (!unmarked && correct.length === 0) report(file, rules.questionNoCorrectAnswer, { id: shown(id) }, list.position)
  if (type === 'single' && correct.length > 1) {
    report(file, rules.questionSingleMultipleCorrect, { id: shown(id), count: correct.length }, correct[1]?.position)
  }
  return choices
}

/** A task-list item: its box, its content, and the children of its quotes as feedback. */
export function readChoice(item: ListItem, id: string, file: VFile): ChoiceModel {
  if (typeof item.checked !== 'boolean') report(file, rules.questionChoiceUnmarked, {}, item.position)
  const content: RootContent[] = []
  const feedback: RootContent[] = []
  for (const child of item.children) {
    if (child.type === 'blockquote') feedback.push(...child.children)
    else content.push(child)
  }
  if (plainText(content) === '') report(file, rules.questionChoiceEmpty, {}, item.position)
  return { id, correct: item.checked === true, content, feedback }
}
