/**
 * The trees our plugins build and what the processor makes of a page. Registered with mdast, vfile and
 * unified so that `visit()`, `file.data` and `file.result` know them.
 */
import type {
  CalloutKind,
  CourseBlock,
  MediaBlock,
  FillInQuestion,
  MatchingQuestion,
  NumericQuestion,
  QuestionType,
  ReflectionQuestion,
} from '@cafes/core'
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

/** A scenario, mini-défi, media, tabs, accordion, cards or facilitator note, once read. */
export interface CafesBlock extends Node {
  type: 'cafesBlock'
  block: BlockModel
}

export type BlockModel = ScenarioModel | ChallengeModel | MediaModel | PanelsModel | FacilitatorModel

/** Where a block's id is written, for the module-wide `duplicate-id` check. */
interface BlockIdentity {
  /** `''` when missing (already reported). */
  id: string
  idPlace?: Point
}

export interface ScenarioModel extends BlockIdentity {
  kind: 'scenario'
  title?: string
  prompt: string
  weight: number
  allowBack: boolean
  start: string
  maxPoints: number
  nodes: Array<{
    id: string
    title?: string
    content: RootContent[]
    ending?: { outcome: 'success' | 'neutral' | 'failure' }
    choices: Array<{ id: string; target: string; points: number; content: RootContent[]; feedback: RootContent[] }>
  }>
}

export interface ChallengeModel extends BlockIdentity {
  kind: 'challenge'
  title: string
  instructions: RootContent[]
  checklist: OptionModel[]
  quiz?: QuizModel
  timeLimit?: number
}

export interface MediaModel extends BlockIdentity {
  kind: 'media'
  /** Complete but for `cues` and `transcriptHtml`, which `compile.ts` reads from the transcript file. */
  block: MediaBlock
  transcript?: TranscriptReference
}

/** A transcript or captions file to read from disk once the page is parsed. */
export interface TranscriptReference {
  url: string
  /** Relative to the module folder. */
  path: string
  format: 'vtt' | 'md'
  place?: Position
}

export interface PanelsModel extends BlockIdentity {
  kind: 'tabs' | 'accordion' | 'cards'
  panels: Array<{ title: string; content: RootContent[] }>
}

export interface FacilitatorModel extends BlockIdentity {
  kind: 'facilitator'
  content: RootContent[]
  timing?: { inPerson?: number; remote?: number }
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
  /** `attempts=`, ≥ 1, default 1. */
  attempts: number
  /** `shuffle`, default false. */
  shuffle: boolean
  /** `show-correct=false` hides the right answers; default true. */
  showCorrect: boolean
  /** The whole directive. */
  place?: Position
  /** Where its id is written, or the directive's start when it has none. */
  idPlace?: Point
  /** The short form: the quiz is its only question, whose id is the quiz's. */
  short: boolean
  questions: QuestionModel[]
}

/**
 * A question once read: the fields of its `Question` (`@cafes/core`), with Markdown nodes where the
 * course has HTML (rendered by `remark-cafes-page`).
 */
export type QuestionModel =
  | ChoiceQuestionModel
  | TrueFalseQuestionModel
  | FillInQuestionModel
  | NumericQuestionModel
  | MatchingQuestionModel
  | SequencingQuestionModel
  | LikertQuestionModel
  | ReflectionQuestionModel

export interface QuestionModelBase {
  id: string
  idPlace?: Point
  type: QuestionType
  /** > 0, default 1; 0 for questions that are not scored. */
  weight: number
  /** What comes before the list. */
  prompt: RootContent[]
  /** What comes after the list, but the `[!correct]` and `[!incorrect]` quotes. */
  explanation: RootContent[]
  /** The `> [!correct]` quote's content, without its marker. */
  correctFeedback: RootContent[]
  /** The `> [!incorrect]` quote's content, without its marker. */
  incorrectFeedback: RootContent[]
}

/** A list item once read: a choice, a matching source or target, a step, a scale point. */
export interface OptionModel {
  /** `a`…`z`, or `1`…`9` for matching sources. */
  id: string
  /** The item without its feedback (matching: one side of the arrow, in a paragraph). */
  content: RootContent[]
}

export interface ChoiceModel extends OptionModel {
  correct: boolean
  /** The children of the item's block quotes. */
  feedback: RootContent[]
}

export interface ChoiceQuestionModel extends QuestionModelBase {
  type: 'single' | 'multiple'
  choices: ChoiceModel[]
}

export interface TrueFalseQuestionModel extends QuestionModelBase {
  type: 'true-false'
  answer: boolean
  /** The quote under the first (true) item. */
  trueFeedback: RootContent[]
  /** The quote under the second (false) item. */
  falseFeedback: RootContent[]
}

export interface FillInQuestionModel
  extends QuestionModelBase,
    Pick<FillInQuestion, 'accepted' | 'caseSensitive' | 'accentSensitive' | 'maxLength'> {
  type: 'fill-in'
}

export interface NumericQuestionModel extends QuestionModelBase, Pick<NumericQuestion, 'min' | 'max' | 'maxLength'> {
  type: 'numeric'
}

export interface MatchingQuestionModel extends QuestionModelBase, Pick<MatchingQuestion, 'pairs'> {
  type: 'matching'
  sources: OptionModel[]
  targets: OptionModel[]
}

export interface SequencingQuestionModel extends QuestionModelBase {
  type: 'sequencing'
  /** In the right order. */
  steps: OptionModel[]
}

export interface LikertQuestionModel extends QuestionModelBase {
  type: 'likert'
  scale: OptionModel[]
}

export interface ReflectionQuestionModel extends QuestionModelBase, Pick<ReflectionQuestion, 'maxLength'> {
  type: 'reflection'
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
export interface QuizSummary extends Omit<QuizModel, 'questions'> {
  questions: Array<{ id: string; idPlace?: Point; scored: boolean }>
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
  /** Ids of scenarios, mini-défis, media, tabs and accordions, in page order. */
  blockIds: Array<{ id: string; idPlace?: Point }>
  /** Media blocks whose cues or transcript HTML `compile.ts` fills in from disk. */
  transcripts: Array<{ block: MediaBlock; reference: TranscriptReference }>
}

declare module 'mdast' {
  interface RootContentMap {
    cafesCallout: CafesCallout
    cafesQuiz: CafesQuiz
    cafesBlock: CafesBlock
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
