/**
 * `quiz` containers become `cafesQuiz` nodes: their options (`pass`, `attempts`, `shuffle`,
 * `show-correct`) and their `question`s, each read by `src/question/` according to its `type`. A quiz
 * without `question` inside is the short form: it is its only question, and the question's id is the
 * quiz's.
 */
import type { Root, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import type { CafesQuiz, QuizModel } from '../page.js'
import { readFlag, toNumber, toWholeNumber } from '../question/attributes.js'
import { QUESTION_ATTRIBUTES, readQuestion } from '../question/read-question.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { attributePlace, checkAttributes, directiveContent, directiveLabel, shown } from './directive.js'

/** Quiz and question ids: LMS reports key on them. */
export const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/
export const ITEM_ID_MAX_LENGTH = 64

const QUIZ_ATTRIBUTES = ['id', 'title', 'pass', 'attempts', 'shuffle', 'show-correct']

export function remarkCafesQuiz() {
  return function (tree: Root, file: VFile): undefined {
    const replace = (children: RootContent[]) =>
      children.forEach((node, index) => {
        if (node.type === 'containerDirective' && node.name === 'defi') replace(node.children)
        if (node.type !== 'containerDirective' || node.name !== 'quiz') return
        const quiz: CafesQuiz = { type: 'cafesQuiz', quiz: readQuiz(node, file) }
        if (node.position) quiz.position = node.position
        children[index] = quiz
      })
    // Quizzes on the page, and inside mini-défis.
    replace(tree.children)
  }
}

function readQuiz(node: ContainerDirective, file: VFile): QuizModel {
  const content = directiveContent(node)
  const short = !content.some(isQuestion)
  reportLabel(node, file)
  if (!short) checkAttributes(node, file, QUIZ_ATTRIBUTES)

  const id = readId(node, file, 'quiz')
  const quiz: QuizModel = {
    id,
    short,
    attempts: readAttempts(node, file),
    shuffle: readFlag(node, file, 'shuffle', { fallback: false, rule: rules.quizInvalidFlag }),
    showCorrect: readFlag(node, file, 'show-correct', { fallback: true, rule: rules.quizInvalidFlag }),
    questions: [],
  }
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
    if (content.length === 0) {
      report(file, rules.quizEmpty, { id: shown(id) }, node.position)
      checkAttributes(node, file, [...QUIZ_ATTRIBUTES, ...QUESTION_ATTRIBUTES])
    } else {
      quiz.questions.push(readQuestion({ node, file, id }, content, QUIZ_ATTRIBUTES))
    }
    return quiz
  }
  for (const child of content) {
    if (isQuestion(child)) {
      reportLabel(child, file)
      quiz.questions.push(readQuestion({ node: child, file, id: readId(child, file, 'question') }, directiveContent(child)))
    } else {
      report(file, rules.quizUnexpectedContent, {}, child.position)
    }
  }
  return quiz
}

function isQuestion(node: RootContent): node is ContainerDirective {
  return node.type === 'containerDirective' && node.name === 'question'
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

/** `attempts=N`, a whole number ≥ 1; default 1. */
function readAttempts(node: ContainerDirective, file: VFile): number {
  const value = node.attributes?.attempts
  if (typeof value !== 'string') return 1
  const attempts = toWholeNumber(value)
  if (attempts !== undefined && attempts >= 1) return attempts
  report(file, rules.quizInvalidAttempts, { value }, attributePlace(node, file, 'attempts'))
  return 1
}

function reportLabel(node: ContainerDirective, file: VFile): void {
  const label = directiveLabel(node)
  if (!label) return
  const text = toString(label).replace(/\s+/g, ' ').trim()
  report(file, rules.directiveLabelIgnored, { name: node.name, label: text }, label.position ?? node.position)
}
