/**
 * The compiler of the page processor: the checked tree becomes a `ParsedPage` (`file.result`). Its
 * title is the first `# heading`; its blocks follow the document: runs of prose (paragraphs, headings,
 * images, lists, tables…) make one HTML block, each callout and quiz is its own block.
 */
import type { Question } from '@cafes/core'
import type { Root, RootContent } from 'mdast'
import type { Plugin, Processor } from 'unified'
import type { VFile } from 'vfile'
import { pageId } from '../ascii.js'
import type { CafesQuiz, ChoiceModel, ParsedPage, QuestionModel, QuizSummary } from '../page.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { plainText } from './directive.js'

export interface PageOptions {
  /** Markdown nodes to sanitised HTML; `inline`: a lone paragraph without its `<p>`. */
  render: (nodes: RootContent[], options?: { inline?: boolean }) => string
}

export const remarkCafesPage: Plugin<[PageOptions], Root, ParsedPage> = function (options) {
  const self = this as unknown as Processor<undefined, undefined, undefined, Root, ParsedPage>
  self.compiler = (tree, file) => compilePage(tree, file, options.render)
}

function compilePage(tree: Root, file: VFile, render: PageOptions['render']): ParsedPage {
  const page: ParsedPage = { id: pageId(file.basename ?? ''), title: '', blocks: [], quizzes: [], assets: [] }
  if (file.data.frontMatter) page.frontMatter = file.data.frontMatter
  page.assets = file.data.assets ?? []
  page.title = pageTitle(tree, file)

  let prose: RootContent[] = []
  const flush = () => {
    const html = prose.length > 0 ? render(prose) : ''
    if (html !== '') page.blocks.push({ kind: 'html', html })
    prose = []
  }
  for (const node of tree.children) {
    if (node.type === 'yaml') continue
    if (node.type === 'cafesCallout') {
      flush()
      const title = node.title ? { title: node.title } : {}
      page.blocks.push({ kind: 'callout', callout: node.callout, ...title, html: render(node.children) })
    } else if (node.type === 'cafesQuiz') {
      flush()
      page.blocks.push({ kind: 'quiz', quiz: node.quiz.id, questions: node.quiz.questions.map((q) => question(q, render)) })
      page.quizzes.push(summary(node))
    } else {
      prose.push(node)
    }
  }
  flush()
  return page
}

/** The text of the first `# heading`; when there is none, a fallback, with a warning. */
function pageTitle(tree: Root, file: VFile): string {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1)
  const title = heading ? plainText([heading]) : ''
  if (title !== '') return title
  const fallback = file.data.frontMatter?.meta.title || file.stem || 'page'
  const first = tree.children.find((node) => node.type !== 'yaml')
  report(file, rules.pageMissingTitle, { fallback }, (heading ?? first)?.position?.start ?? { line: 1, column: 1 })
  return fallback
}

function question(model: QuestionModel, render: PageOptions['render']): Question {
  const question: Question = {
    id: model.id,
    type: model.type,
    weight: model.weight,
    promptHtml: render(model.prompt),
    prompt: plainText(model.prompt),
    choices: model.choices.map((choice) => {
      const rendered: Question['choices'][number] = {
        id: choice.id,
        html: renderChoice(choice, render),
        text: plainText(choice.content),
        correct: choice.correct,
      }
      if (choice.feedback.length > 0) rendered.feedbackHtml = render(choice.feedback)
      return rendered
    }),
  }
  if (model.explanation.length > 0) question.explanationHtml = render(model.explanation)
  return question
}

/** A one-paragraph choice renders without its `<p>`: the player puts it in a `<label>`. */
function renderChoice(choice: ChoiceModel, render: PageOptions['render']): string {
  return render(choice.content, { inline: true })
}

function summary(node: CafesQuiz): QuizSummary {
  const { quiz } = node
  const summary: QuizSummary = { id: quiz.id, short: quiz.short, questions: [] }
  if (quiz.title !== undefined) summary.title = quiz.title
  if (quiz.pass !== undefined) summary.pass = quiz.pass
  if (quiz.place) summary.place = quiz.place
  if (quiz.idPlace) summary.idPlace = quiz.idPlace
  for (const question of quiz.questions) {
    summary.questions.push(question.idPlace ? { id: question.id, idPlace: question.idPlace } : { id: question.id })
  }
  return summary
}
