/**
 * The trees our plugins build and what the processor makes of a page. Registered with mdast, vfile and
 * unified so that `visit()`, `file.data` and `file.result` know them.
 */
import type { CalloutKind, CourseBlock, QuestionType } from '@cafes/core'
import type { RootContent } from 'mdast'
import type { Node, Parent, Point, Position } from 'unist'
import type { FrontMatter } from './frontmatter.js'
import type {} from 'mdast-util-directive'

/** A `:::info`, `:::tip`, `:::warning` or `:::important` block, once read. */
export interface CafesCallout extends Parent {
  type: 'cafesCallout'
  callout: CalloutKind
  /** Plain text of the `[label]`. */
  title?: string
  children: RootContent[]
}

/** A `quiz` container, once read. Its Markdown fragments are rendered by `remark-cafes-page`. */
export interface CafesQuiz extends Node {
  type: 'cafesQuiz'
  quiz: QuizModel
}

export interface QuizModel {
  /** `''` when missing (already reported). */
  id: string
  title?: string
  /** The quiz's own `pass=`, when valid. */
  pass?: number
  /** The whole directive. */
  place?: Position
  /** Where its id is written, or the directive's start when it has none. */
  idPlace?: Point
  /** The short form: the quiz is its only question, whose id is the quiz's. */
  short: boolean
  questions: QuestionModel[]
}

export interface QuestionModel {
  id: string
  idPlace?: Point
  type: QuestionType
  /** > 0, default 1. */
  weight: number
  /** What comes before the list of choices. */
  prompt: RootContent[]
  choices: ChoiceModel[]
  /** What comes after the list of choices. */
  explanation: RootContent[]
}

export interface ChoiceModel {
  /** `a`…`z`. */
  id: string
  correct: boolean
  /** The list item without its feedback. */
  content: RootContent[]
  /** The children of the item's block quotes. */
  feedback: RootContent[]
}

/** A file a page references (an image), by its path in the module. */
export interface AssetReference {
  /** As written, for messages. */
  url: string
  /** Relative to the module folder, normalised, `/` separators, decoded. */
  path: string
  /** Its path in the package (`packagePath(path)`), already written into the HTML. */
  packagePath: string
  place?: Position
}

/** What the module-level checks need to know about a quiz. */
export interface QuizSummary {
  id: string
  title?: string
  pass?: number
  place?: Position
  idPlace?: Point
  short: boolean
  questions: Array<{ id: string; idPlace?: Point }>
}

/** What the processor makes of one page: `file.result`. */
export interface ParsedPage {
  /** From the file name: `02-quiz.md` → `quiz`, `module.md` → `index`. */
  id: string
  /** The first `# heading`, or a fallback (already reported). */
  title: string
  blocks: CourseBlock[]
  quizzes: QuizSummary[]
  /** `module.md` only. */
  frontMatter?: FrontMatter
  assets: AssetReference[]
}

declare module 'mdast' {
  interface RootContentMap {
    cafesCallout: CafesCallout
    cafesQuiz: CafesQuiz
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Set by `remark-cafes-frontmatter` on `module.md`. */
    frontMatter: FrontMatter
    /** Collected by `remark-cafes-image`. */
    assets: AssetReference[]
  }
}

declare module 'unified' {
  interface CompileResultMap {
    ParsedPage: ParsedPage
  }
}
