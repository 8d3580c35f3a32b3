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
  /** The module's xAPI / cmi5 activity IRI (`moduleIri`): the base IRI of the config plus the id. */
  iri: string
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
  /** Suggested session lengths in minutes, for the facilitator edition. */
  facilitation?: { inPerson?: number; remote?: number }
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

export type CourseBlock =
  | HtmlBlock
  | CalloutBlock
  | QuizBlock
  | ScenarioBlock
  | ChallengeBlock
  | MediaBlock
  | TabsBlock
  | AccordionBlock
  | CardsBlock
  | FacilitatorNoteBlock

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

/** Every question of the course in page order (quizzes inside mini-défis included): the index used by the state codec. */
export function courseQuestions(course: Course): Question[] {
  const questions: Question[] = []
  for (const page of course.pages) {
    for (const block of page.blocks) {
      if (block.kind === 'quiz') questions.push(...block.questions)
      if (block.kind === 'challenge' && block.quiz) questions.push(...block.quiz.questions)
    }
  }
  return questions
}

/** Blocks that keep learner state, in page order: the index used by the state codec. */
export type StatefulBlock = ScenarioBlock | ChallengeBlock | MediaBlock

export function statefulBlocks(course: Course): StatefulBlock[] {
  const blocks: StatefulBlock[] = []
  for (const page of course.pages) {
    for (const block of page.blocks) {
      if (block.kind === 'scenario' || block.kind === 'challenge' || block.kind === 'media') blocks.push(block)
    }
  }
  return blocks
}

/** Choice ids, in order: `a`…`z`. A question has at most this many choices. */
export const CHOICE_IDS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * A branching scenario: named nodes of narrative, choices leading to other nodes, endings.
 * Its path is one interaction (1.2 `performance`, 2004 `other`); its score is the points of the
 * path taken over `maxPoints`, weighted in the module score like a question.
 */
export interface ScenarioBlock {
  kind: 'scenario'
  /** Authored id, `[a-z0-9-]+`, unique among quiz, question and block ids; the interaction id. */
  id: string
  title?: string
  /** Plain-text summary for interaction descriptions (the title, else the start node's first sentence). */
  prompt: string
  /** Weight in the module score, ≥ 0 (0: not scored). */
  weight: number
  /** The learner may step back one choice at a time (the step back is undone in the path). */
  allowBack: boolean
  /** Id of the first node. */
  start: string
  nodes: ScenarioNode[]
  /** The most points a path from `start` to an ending can earn (nodes form no cycle). */
  maxPoints: number
}

export interface ScenarioNode {
  /** Authored, `[a-z0-9-]+`, unique in the scenario. At most 36 nodes per scenario. */
  id: string
  title?: string
  html: string
  /** Set on endings, which have no choices. */
  ending?: { outcome: 'success' | 'neutral' | 'failure' }
  choices: ScenarioChoice[]
}

export interface ScenarioChoice extends Option {
  /** Node id this choice leads to. */
  target: string
  /** Points this choice adds to the path, ≥ 0. */
  points: number
  feedbackHtml?: string
}

/** A mini-défi: instructions, then a checklist to tick or a quiz, with an optional time limit. */
export interface ChallengeBlock {
  kind: 'challenge'
  id: string
  title: string
  instructionsHtml: string
  /** Items the learner ticks (ids `a`…`z`); empty when the challenge is a quiz. */
  checklist: Option[]
  quiz?: QuizBlock
  /** Seconds; the learner can pause and extend it (WCAG 2.2.1), nothing is lost when it ends. */
  timeLimit?: number
}

/** An audio (podcast episode) or video player with chapters and a transcript or captions. */
export interface MediaBlock {
  kind: 'media'
  id: string
  media: 'audio' | 'video'
  title: string
  /** Package path of the media file, and its MIME type. */
  src: string
  mimeType: string
  /** Package path of a WebVTT file: captions (video) or the timed transcript (audio). */
  captions?: string
  /** Cues of the timed transcript, from the WebVTT file (seconds). */
  cues: TranscriptCue[]
  /** A Markdown transcript, when there is no timed one. */
  transcriptHtml?: string
  chapters: { start: number; title: string }[]
  poster?: string
  /** Listening to the end (or reading the transcript) is needed for completion. */
  required: boolean
}

export interface TranscriptCue {
  start: number
  end: number
  text: string
}

/** "Learn more" content: tabs, an accordion, cards. No learner state. */
export interface TabsBlock {
  kind: 'tabs'
  id: string
  panels: { title: string; html: string }[]
}

export interface AccordionBlock {
  kind: 'accordion'
  id: string
  items: { title: string; html: string }[]
}

export interface CardsBlock {
  kind: 'cards'
  cards: { title: string; html: string }[]
}

/** Notes for the facilitator: only in the facilitator edition, never in a learner package. */
export interface FacilitatorNoteBlock {
  kind: 'facilitator'
  html: string
  /** Suggested minutes for this part, in a room and online. */
  timing?: { inPerson?: number; remote?: number }
}
