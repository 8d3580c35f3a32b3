/**
 * The compiler of the page processor: the checked tree becomes a `ParsedPage` (`file.result`). Its
 * title is the first `# heading`; its blocks follow the document: runs of prose (paragraphs, headings,
 * images, lists, tables…) make one HTML block, each callout and quiz is its own block.
 */
import {
  isScored,
  type ChallengeBlock,
  type Choice,
  type CourseBlock,
  type FacilitatorNoteBlock,
  type Option,
  type Question,
  type QuestionBase,
  type ScenarioChoice,
  type ScenarioNode,
  type TrueFalseQuestion,
} from '@cafes/core'
import type { Root, RootContent } from 'mdast'
import type { Plugin, Processor } from 'unified'
import type { VFile } from 'vfile'
import { pageId } from '../ascii.js'
import type { BlockModel, CafesQuiz, OptionModel, ParsedPage, QuestionModel, QuizSummary } from '../page.js'
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
  const page: ParsedPage = {
    id: pageId(file.basename ?? ''),
    title: '',
    blocks: [],
    quizzes: [],
    assets: [],
    blockIds: [],
    transcripts: [],
  }
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
      const questions = node.quiz.questions.map((model) => compileQuestion(model, render))
      page.blocks.push({ kind: 'quiz', quiz: node.quiz.id, questions })
      page.quizzes.push(summary(node, questions))
    } else if (node.type === 'cafesBlock') {
      flush()
      page.blocks.push(compileBlock(node.block, page, render))
    } else {
      prose.push(node)
    }
  }
  flush()
  return page
}

function compileBlock(model: BlockModel, page: ParsedPage, render: PageOptions['render']): CourseBlock {
  if (model.kind !== 'facilitator' && model.kind !== 'cards') {
    page.blockIds.push(model.idPlace ? { id: model.id, idPlace: model.idPlace } : { id: model.id })
  }
  const option = ({ id, content }: OptionModel): Option => ({ id, html: render(content, { inline: true }), text: plainText(content) })
  switch (model.kind) {
    case 'scenario': {
      const { id, title, prompt, weight, allowBack, start, maxPoints } = model
      const nodes = model.nodes.map((node): ScenarioNode => {
        const rendered: ScenarioNode = { id: node.id, html: render(node.content), choices: [] }
        if (node.title !== undefined) rendered.title = node.title
        if (node.ending) rendered.ending = node.ending
        rendered.choices = node.choices.map((choice) => {
          const compiled: ScenarioChoice = { ...option(choice), target: choice.target, points: choice.points }
          if (choice.feedback.length > 0) compiled.feedbackHtml = render(choice.feedback)
          return compiled
        })
        return rendered
      })
      return { kind: 'scenario', id, ...(title !== undefined ? { title } : {}), prompt, weight, allowBack, start, nodes, maxPoints }
    }
    case 'challenge': {
      const block: ChallengeBlock = {
        kind: 'challenge',
        id: model.id,
        title: model.title,
        instructionsHtml: render(model.instructions),
        checklist: model.checklist.map(option),
      }
      if (model.quiz) {
        const questions = model.quiz.questions.map((question) => compileQuestion(question, render))
        block.quiz = { kind: 'quiz', quiz: model.quiz.id, questions }
        page.quizzes.push(summary({ type: 'cafesQuiz', quiz: model.quiz }, questions))
      }
      if (model.timeLimit !== undefined) block.timeLimit = model.timeLimit
      return block
    }
    case 'media':
      if (model.transcript) page.transcripts.push({ block: model.block, reference: model.transcript })
      return model.block
    case 'tabs':
      return { kind: 'tabs', id: model.id, panels: model.panels.map(({ title, content }) => ({ title, html: render(content) })) }
    case 'accordion':
      return { kind: 'accordion', id: model.id, items: model.panels.map(({ title, content }) => ({ title, html: render(content) })) }
    case 'cards':
      return { kind: 'cards', cards: model.panels.map(({ title, content }) => ({ title, html: render(content) })) }
    case 'facilitator': {
      const block: FacilitatorNoteBlock = { kind: 'facilitator', html: render(model.content) }
      if (model.timing) block.timing = model.timing
      return block
    }
  }
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

function compileQuestion(model: QuestionModel, render: PageOptions['render']): Question {
  const base: QuestionBase = {
    id: model.id,
    type: model.type,
    weight: model.weight,
    promptHtml: render(model.prompt),
    prompt: plainText(model.prompt),
  }
  if (model.explanation.length > 0) base.explanationHtml = render(model.explanation)
  if (model.correctFeedback.length > 0) base.correctFeedbackHtml = render(model.correctFeedback)
  if (model.incorrectFeedback.length > 0) base.incorrectFeedbackHtml = render(model.incorrectFeedback)
  // A one-paragraph option renders without its `<p>`: the player puts it in a `<label>`.
  const option = ({ id, content }: OptionModel): Option => ({ id, html: render(content, { inline: true }), text: plainText(content) })

  switch (model.type) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        type: model.type,
        choices: model.choices.map((choice) => {
          const rendered: Choice = { ...option(choice), correct: choice.correct }
          if (choice.feedback.length > 0) rendered.feedbackHtml = render(choice.feedback)
          return rendered
        }),
      }
    case 'true-false': {
      const question: TrueFalseQuestion = { ...base, type: model.type, answer: model.answer }
      if (model.trueFeedback.length > 0) question.trueFeedbackHtml = render(model.trueFeedback)
      if (model.falseFeedback.length > 0) question.falseFeedbackHtml = render(model.falseFeedback)
      return question
    }
    case 'fill-in': {
      const { accepted, caseSensitive, accentSensitive, maxLength } = model
      return { ...base, type: model.type, accepted, caseSensitive, accentSensitive, maxLength }
    }
    case 'numeric':
      return { ...base, type: model.type, min: model.min, max: model.max, maxLength: model.maxLength }
    case 'matching':
      return { ...base, type: model.type, sources: model.sources.map(option), targets: model.targets.map(option), pairs: model.pairs }
    case 'sequencing':
      return { ...base, type: model.type, steps: model.steps.map(option) }
    case 'likert':
      return { ...base, type: model.type, scale: model.scale.map(option) }
    case 'reflection':
      return { ...base, type: model.type, maxLength: model.maxLength }
  }
}

function summary(node: CafesQuiz, questions: readonly Question[]): QuizSummary {
  const { quiz } = node
  const summary: QuizSummary = {
    id: quiz.id,
    short: quiz.short,
    attempts: quiz.attempts,
    shuffle: quiz.shuffle,
    showCorrect: quiz.showCorrect,
    questions: [],
  }
  if (quiz.title !== undefined) summary.title = quiz.title
  if (quiz.pass !== undefined) summary.pass = quiz.pass
  if (quiz.place) summary.place = quiz.place
  if (quiz.idPlace) summary.idPlace = quiz.idPlace
  quiz.questions.forEach((model, index) => {
    const question = questions[index]
    const scored = question !== undefined && isScored(question)
    summary.questions.push(model.idPlace ? { id: model.id, idPlace: model.idPlace, scored } : { id: model.id, scored })
  })
  return summary
}
