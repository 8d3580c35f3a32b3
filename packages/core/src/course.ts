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
}

export type QuestionType = 'single' | 'multiple'

export interface Question {
  /** Authored id, `[a-z0-9-]+`, unique in the module; also the interaction id. */
  id: string
  type: QuestionType
  /** Relative weight in the module score, > 0. */
  weight: number
  promptHtml: string
  /** Plain text of the prompt, for interaction descriptions. */
  prompt: string
  choices: Choice[]
  /** Shown after the answer is submitted. */
  explanationHtml?: string
}

export interface Choice {
  /** `a`, `b`, `c`… in authored order: single characters, as SCORM 1.2 responses need. */
  id: string
  html: string
  /** Plain text, for reports. */
  text: string
  correct: boolean
  feedbackHtml?: string
}

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
