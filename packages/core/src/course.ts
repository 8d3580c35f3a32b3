/**
 * The course data a package carries: what the compiler produces and the player consumes.
 * Plain JSON, embedded in the launch page. Browser-safe: no Node types here.
 */

export const TARGETS = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'] as const
export type TargetId = (typeof TARGETS)[number]

/** Targets a build produces when neither the command line nor the module names any. */
export const DEFAULT_TARGETS: readonly TargetId[] = ['scorm12', 'scorm2004', 'xapi', 'cmi5']

/**
 * When the module counts as completed:
 * - `pages`: every page seen;
 * - `passed`: the score reached the pass mark (the only rule that puts a mastery score in a manifest);
 * - `pages-and-passed`: both.
 */
export const COMPLETION_RULES = ['pages', 'passed', 'pages-and-passed'] as const
export type CompletionRule = (typeof COMPLETION_RULES)[number]

/** Languages the player's interface speaks; content may be in any BCP 47 language. */
export const UI_LANGUAGES = ['fr', 'en'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

export interface Course {
  /** Version of this JSON shape. */
  format: 1
  id: string
  title: string
  /** BCP 47 tag of the content. */
  language: string
  version: string
  description?: string
  /** 0–100, present when the module has scored questions. */
  passMark?: number
  completion: CompletionRule
  organisation?: { name: string; logo?: string }
  theme?: CourseTheme
  pages: CoursePage[]
  quizzes: CourseQuiz[]
}

export interface CourseTheme {
  /** CSS colours, validated by the compiler. */
  primary?: string
  accent?: string
}

export interface CoursePage {
  /** From the file name (`02-transparence.md` → `transparence`), unique in the module. */
  id: string
  title: string
  blocks: CourseBlock[]
}

export type CourseBlock = HtmlBlock | CalloutBlock | QuizBlock

/** Sanitised HTML of prose, headings, images, lists, tables. */
export interface HtmlBlock {
  kind: 'html'
  html: string
}

export const CALLOUT_KINDS = ['info', 'tip', 'warning', 'important'] as const
export type CalloutKind = (typeof CALLOUT_KINDS)[number]

export interface CalloutBlock {
  kind: 'callout'
  callout: CalloutKind
  title?: string
  html: string
}

/** A quiz on a page: its questions, in order. */
export interface QuizBlock {
  kind: 'quiz'
  quiz: string
  questions: Question[]
}

/** A group of questions with a pass mark (the module's `passMark` unless the quiz sets its own). */
export interface CourseQuiz {
  id: string
  title?: string
  passMark: number
  questionIds: string[]
  /** Attempts allowed at the whole quiz (≥ 1); a failed attempt with attempts left can be retried. */
  attempts: number
  /** Show choices (and the like) in an order shuffled per learner, the same at every launch. */
  shuffle: boolean
  /** After an answer is submitted, show which answer was right. */
  showCorrect: boolean
}

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true-false',
  'fill-in',
  'numeric',
  'matching',
  'sequencing',
  'likert',
  'reflection',
] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

export type Question =
  | ChoiceQuestion
  | TrueFalseQuestion
  | FillInQuestion
  | NumericQuestion
  | MatchingQuestion
  | SequencingQuestion
  | LikertQuestion
  | ReflectionQuestion

export interface QuestionBase {
  /** Authored id, `[a-z0-9-]+`, unique in the module; also the interaction id. */
  id: string
  type: QuestionType
  /** Relative weight in the module score, > 0; 0 for questions that are not scored (likert, reflection). */
  weight: number
  promptHtml: string
  /** Plain text of the prompt, for interaction descriptions. */
  prompt: string
  /** Shown after the answer is submitted. */
  explanationHtml?: string
  /** Per-question feedback, shown after submission according to the answer. */
  correctFeedbackHtml?: string
  incorrectFeedbackHtml?: string
}

/** One option of a question: a choice, a matching source or target, a step, a scale point. */
export interface Option {
  /** Single characters (`a`…`z`, `1`…`9`), as SCORM 1.2 responses need. */
  id: string
  html: string
  /** Plain text, for reports and xAPI language maps. */
  text: string
}

export interface Choice extends Option {
  correct: boolean
  feedbackHtml?: string
}

/** Single choice (exactly one right choice) or multiple choice (exactly the right set). */
export interface ChoiceQuestion extends QuestionBase {
  type: 'single' | 'multiple'
  choices: Choice[]
}

export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false'
  answer: boolean
  trueFeedbackHtml?: string
  falseFeedbackHtml?: string
}

export interface FillInQuestion extends QuestionBase {
  type: 'fill-in'
  /** Accepted answers, as authored; the first is the one shown as the right answer. */
  accepted: string[]
  /** Compare letter case (default false). */
  caseSensitive: boolean
  /** Compare accents: `é` ≠ `e` (default false). */
  accentSensitive: boolean
  /** Longest answer the learner may type (bounds the state size). */
  maxLength: number
}

export interface NumericQuestion extends QuestionBase {
  type: 'numeric'
  /** Right when min ≤ answer ≤ max; an exact answer has min = max. */
  min: number
  max: number
  /** Longest answer the learner may type, in characters. */
  maxLength: number
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching'
  /** Ids `1`…`9`. */
  sources: Option[]
  /** Ids `a`…`z`. */
  targets: Option[]
  /** The right pairs, `[sourceId, targetId]`, one per source, in source order. */
  pairs: [string, string][]
}

export interface SequencingQuestion extends QuestionBase {
  type: 'sequencing'
  /** Ids `a`…`z`, listed in the right order. */
  steps: Option[]
}

/** An opinion scale; never scored (weight 0), recorded with the result `neutral`. */
export interface LikertQuestion extends QuestionBase {
  type: 'likert'
  /** Ids `a`…`z`, from one end of the scale to the other. */
  scale: Option[]
}

/** Free text the learner keeps; never scored (weight 0). */
export interface ReflectionQuestion extends QuestionBase {
  type: 'reflection'
  maxLength: number
}

/** Questions that count in the score. */
export function isScored(question: Question): boolean {
  return question.type !== 'likert' && question.type !== 'reflection'
}

/**
 * A learner's answer, per question type:
 * - single, multiple: selected choice ids in choice order; likert: one scale id;
 * - true-false: the boolean; fill-in, numeric (as typed), reflection: the text;
 * - matching: `[sourceId, targetId]` pairs in source order (a source may be left unpaired);
 * - sequencing: step ids in the learner's order.
 */
export type Response = string[] | boolean | string | [string, string][]

/** Every question of the course in page order: the index used by the state codec. */
export function courseQuestions(course: Course): Question[] {
  const questions: Question[] = []
  for (const page of course.pages) {
    for (const block of page.blocks) {
      if (block.kind === 'quiz') questions.push(...block.questions)
    }
  }
  return questions
}

/** Choice ids, in order: `a`…`z`. A question has at most this many choices. */
export const CHOICE_IDS = 'abcdefghijklmnopqrstuvwxyz'
