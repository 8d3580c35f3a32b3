/**
 * `quiz` containers become `cafesQuiz` nodes: their `question`s, each with a prompt (before the first
 * list), choices (the GFM task list: `[x]` right, `[ ]` wrong, a `>` quote as the choice's feedback) and
 * an explanation (after the list). A quiz without `question` inside is the short form: it is its only
 * question, and the question's id is the quiz's.
 */
import { CHOICE_IDS } from '@cafes/core'
import type { List, ListItem, Root, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import type { CafesQuiz, ChoiceModel, QuestionModel, QuizModel } from '../page.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { attributePlace, checkAttributes, directiveContent, directiveLabel, plainText } from './directive.js'

/** Quiz and question ids: LMS reports key on them. */
export const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/
export const ITEM_ID_MAX_LENGTH = 64

const QUIZ_ATTRIBUTES = ['id', 'title', 'pass']
const QUESTION_ATTRIBUTES = ['id', 'multiple', 'weight']

export function remarkCafesQuiz() {
  return function (tree: Root, file: VFile): undefined {
    tree.children.forEach((node, index) => {
      if (node.type !== 'containerDirective' || node.name !== 'quiz') return
      const quiz: CafesQuiz = { type: 'cafesQuiz', quiz: readQuiz(node, file) }
      if (node.position) quiz.position = node.position
      tree.children[index] = quiz
    })
  }
}

function readQuiz(node: ContainerDirective, file: VFile): QuizModel {
  const content = directiveContent(node)
  const short = !content.some(isQuestion)
  reportLabel(node, file)
  checkAttributes(node, file, short ? [...QUIZ_ATTRIBUTES, ...QUESTION_ATTRIBUTES] : QUIZ_ATTRIBUTES)

  const id = readId(node, file, 'quiz')
  const quiz: QuizModel = { id, short, questions: [] }
  const idPlace = attributePlace(node, file, 'id')
  if (idPlace) quiz.idPlace = idPlace
  if (node.position) quiz.place = node.position
  const title = node.attributes?.title?.trim()
  if (title) quiz.title = title
  const pass = node.attributes?.pass
  if (typeof pass === 'string') {
    const mark = toNumber(pass)
    if (mark !== undefined && mark >= 0 && mark <= 100) quiz.pass = mark
    else report(file, rules.quizInvalidPassMark, { value: pass }, attributePlace(node, file, 'pass'))
  }

  if (short) {
    if (content.length === 0) report(file, rules.quizEmpty, { id: shown(id) }, node.position)
    else quiz.questions.push(readQuestion(node, content, id, file))
    return quiz
  }
  for (const child of content) {
    if (isQuestion(child)) {
      reportLabel(child, file)
      checkAttributes(child, file, QUESTION_ATTRIBUTES)
      quiz.questions.push(readQuestion(child, directiveContent(child), readId(child, file, 'question'), file))
    } else {
      report(file, rules.quizUnexpectedContent, {}, child.position)
    }
  }
  return quiz
}

function isQuestion(node: RootContent): node is ContainerDirective {
  return node.type === 'containerDirective' && node.name === 'question'
}

/** Reads the question whose attributes are on `node` (a `question`, or a short-form `quiz`). */
function readQuestion(node: ContainerDirective, content: RootContent[], id: string, file: VFile): QuestionModel {
  const question: QuestionModel = {
    id,
    type: readMultiple(node, file) ? 'multiple' : 'single',
    weight: readWeight(node, file),
    prompt: content,
    choices: [],
    explanation: [],
  }
  const idPlace = attributePlace(node, file, 'id')
  if (idPlace) question.idPlace = idPlace

  const listIndex = content.findIndex((child) => child.type === 'list')
  const list = content[listIndex]
  if (list?.type !== 'list') {
    report(file, rules.questionNoChoices, { id: shown(id) }, node.position)
    return question
  }
  question.prompt = content.slice(0, listIndex)
  question.explanation = content.slice(listIndex + 1)
  if (question.prompt.length === 0) report(file, rules.questionMissingPrompt, { id: shown(id) }, node.position)
  question.choices = readChoices(list, id, file)

  const unmarked = list.children.some((item) => typeof item.checked !== 'boolean')
  const correct = list.children.filter((item) => item.checked === true)
  if (!unmarked && correct.length === 0) {
    report(file, rules.questionNoCorrectAnswer, { id: shown(id) }, list.position)
  }
  if (question.type === 'single' && correct.length > 1) {
    const args = { id: shown(id), count: correct.length }
    report(file, rules.questionSingleMultipleCorrect, args, correct[1]?.position)
  }
  return question
}

function readChoices(list: List, id: string, file: VFile): ChoiceModel[] {
  const items = list.children
  if (items.length < 2) report(file, rules.questionTooFewChoices, { id: shown(id), count: items.length }, list.position)
  if (items.length > CHOICE_IDS.length) {
    const args = { id: shown(id), count: items.length }
    report(file, rules.questionTooManyChoices, args, items[CHOICE_IDS.length]?.position)
  }
  return items.slice(0, CHOICE_IDS.length).map((item, index) => readChoice(item, CHOICE_IDS[index] ?? '', file))
}

function readChoice(item: ListItem, id: string, file: VFile): ChoiceModel {
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

/** The `#id` of a quiz or question; `''` when missing. Both problems are reported. */
function readId(node: ContainerDirective, file: VFile, kind: 'quiz' | 'question'): string {
  const id = node.attributes?.id?.trim() ?? ''
  if (id === '') {
    report(file, kind === 'quiz' ? rules.quizMissingId : rules.questionMissingId, {}, node.position)
  } else if (!ITEM_ID.test(id) || id.length > ITEM_ID_MAX_LENGTH) {
    report(file, kind === 'quiz' ? rules.quizInvalidId : rules.questionInvalidId, { id }, attributePlace(node, file, 'id'))
  }
  return id
}

function readMultiple(node: ContainerDirective, file: VFile): boolean {
  const value = node.attributes?.multiple
  if (typeof value !== 'string' || value === 'false') return false
  if (value === '' || value === 'true') return true
  report(file, rules.questionInvalidMultiple, { value }, attributePlace(node, file, 'multiple'))
  return false
}

function readWeight(node: ContainerDirective, file: VFile): number {
  const value = node.attributes?.weight
  if (typeof value !== 'string') return 1
  const weight = toNumber(value)
  if (weight !== undefined && weight > 0) return weight
  report(file, rules.questionInvalidWeight, { value }, attributePlace(node, file, 'weight'))
  return 1
}

function reportLabel(node: ContainerDirective, file: VFile): void {
  const label = directiveLabel(node)
  if (!label) return
  const text = toString(label).replace(/\s+/g, ' ').trim()
  report(file, rules.directiveLabelIgnored, { name: node.name, label: text }, label.position ?? node.position)
}

/** A decimal number as authors write it (`80`, `2.5`); `undefined` otherwise (`''`, `80%`, `1e3`). */
function toNumber(text: string): number | undefined {
  return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : undefined
}

/** An id in a message: `(no id)` when missing. */
function shown(id: string): string {
  return id === '' ? '(no id)' : id
}
