import type { Course, CompletionRule, CourseQuiz, Option, Question } from '@cafes/core'
import type { LearnerReport } from '../src/engine/report.js'
import type { AnswerRecord, LaunchData, Tracker, TrackerHealth } from '../src/tracker/tracker.js'
import { type ScormEdition, VOCABULARY } from '../src/tracker/vocabulary.js'

function question(id: string, type: 'single' | 'multiple', weight: number, correct: string[], count = 3): Question {
  return {
    id, type, weight,
    promptHtml: `<p>Question ${id} ?</p>`,
    prompt: `Question ${id} ?`,
    choices: Array.from({ length: count }, (_, index) => {
      const choiceId = 'abcdefghijklmnopqrstuvwxyz'[index]!
      return { id: choiceId, html: `<p>Choix ${choiceId}</p>`, text: `Choix ${choiceId}`, correct: correct.includes(choiceId), feedbackHtml: `<p>Retour ${choiceId}</p>` }
    }),
    explanationHtml: `<p>Explication ${id}</p>`,
  }
}

/**
 * Three pages: `intro`, `notions` (a callout), `quiz` with quiz `quiz-a`: `q-single`
 * (weight 1, right: b) and `q-multiple` (weight 2, right: a, b, d). Pass mark 80.
 */
export function demoCourse(overrides: Partial<Course> = {}): Course {
  return {
    format: 1, id: 'demo', title: 'Démo', language: 'fr', version: '1.0.0', passMark: 80,
    completion: 'pages-and-passed',
    pages: [
      { id: 'intro', title: 'Introduction', blocks: [{ kind: 'html', html: '<p>Bonjour</p>' }] },
      { id: 'notions', title: 'Notions', blocks: [{ kind: 'callout', callout: 'tip', title: 'Bon à savoir', html: '<p>Astuce</p>' }] },
      {
        id: 'quiz', title: 'Quiz',
        blocks: [{ kind: 'quiz', quiz: 'quiz-a', questions: [question('q-single', 'single', 1, ['b']), question('q-multiple', 'multiple', 2, ['a', 'b', 'd'], 4)] }],
      },
    ],
    quizzes: [{ id: 'quiz-a', title: 'Vérifiez', passMark: 80, questionIds: ['q-single', 'q-multiple'], attempts: 1, shuffle: false, showCorrect: true }],
    ...overrides,
  }
}

/** The demo course with another completion rule. */
export function courseWith(completion: CompletionRule): Course {
  return demoCourse({ completion })
}

/** Two quizzes on one page, each with its own pass mark: `quiz-1` (q1, 50) and `quiz-2` (q2, q3, 100). */
export function twoQuizCourse(): Course {
  return {
    format: 1, id: 'two', title: 'Deux quiz', language: 'en-GB', version: '2.0.0', passMark: 50, completion: 'passed',
    pages: [{
      id: 'only', title: 'Only',
      blocks: [
        { kind: 'quiz', quiz: 'quiz-1', questions: [question('q1', 'single', 1, ['a'])] },
        { kind: 'quiz', quiz: 'quiz-2', questions: [question('q2', 'single', 3, ['a']), question('q3', 'single', 1, ['a'])] },
      ],
    }],
    quizzes: [
      { id: 'quiz-1', passMark: 50, questionIds: ['q1'], attempts: 1, shuffle: false, showCorrect: true },
      { id: 'quiz-2', passMark: 100, questionIds: ['q2', 'q3'], attempts: 1, shuffle: false, showCorrect: true },
    ],
  }
}

function options(ids: string, label: (id: string) => string): Option[] {
  return [...ids].map((id) => ({ id, html: `<p>${label(id)}</p>`, text: label(id) }))
}

function base(id: string, weight: number): Pick<Question, 'id' | 'weight' | 'promptHtml' | 'prompt'> {
  return { id, weight, promptHtml: `<p>Question ${id} ?</p>`, prompt: `Question ${id} ?` }
}

/** One question of each scored type, in quiz `quiz-all`. */
export function scoredQuestions(): Question[] {
  return [
    question('q-single', 'single', 1, ['b']),
    question('q-multiple', 'multiple', 2, ['a', 'b', 'd'], 4),
    { ...base('q-tf', 1), type: 'true-false', answer: false, trueFeedbackHtml: '<p>Non</p>', falseFeedbackHtml: '<p>Oui</p>' },
    { ...base('q-fill', 1), type: 'fill-in', accepted: ['Paris', 'Lutèce'], caseSensitive: false, accentSensitive: false, maxLength: 40 },
    { ...base('q-num', 1), type: 'numeric', min: 42, max: 42, maxLength: 10 },
    { ...base('q-range', 1), type: 'numeric', min: 40, max: 45.5, maxLength: 10 },
    {
      ...base('q-match', 2), type: 'matching',
      sources: options('123', (id) => `Source ${id}`), targets: options('abcd', (id) => `Cible ${id}`),
      pairs: [['1', 'b'], ['2', 'a'], ['3', 'd']],
    },
    { ...base('q-seq', 1), type: 'sequencing', steps: options('abcd', (id) => `Étape ${id}`) },
  ]
}

/** The unscored types, in quiz `poll`. */
export function unscoredQuestions(): Question[] {
  return [
    { ...base('q-likert', 0), type: 'likert', scale: options('abcde', (id) => `Niveau ${id}`) },
    { ...base('q-reflect', 0), type: 'reflection', maxLength: 300 },
  ]
}

/**
 * Every question type. Pages `intro`, `quiz` (quiz `quiz-all`: the scored types, pass mark 80,
 * 2 attempts, shuffled, right answers shown) and `poll` (quiz `poll`: likert and reflection,
 * 1 attempt, right answers hidden). Completion `passed`.
 */
export function allTypesCourse(quiz: Partial<CourseQuiz> = {}, overrides: Partial<Course> = {}): Course {
  const scored = scoredQuestions()
  const unscored = unscoredQuestions()
  return {
    format: 1, id: 'all-types', title: 'Tous les types', language: 'fr', version: '1.0.0', passMark: 80,
    completion: 'passed',
    pages: [
      { id: 'intro', title: 'Introduction', blocks: [{ kind: 'html', html: '<p>Bonjour</p>' }] },
      { id: 'quiz', title: 'Quiz', blocks: [{ kind: 'quiz', quiz: 'quiz-all', questions: scored }] },
      { id: 'poll', title: 'Sondage', blocks: [{ kind: 'quiz', quiz: 'poll', questions: unscored }] },
    ],
    quizzes: [
      { id: 'quiz-all', passMark: 80, questionIds: scored.map((q) => q.id), attempts: 2, shuffle: true, showCorrect: true, ...quiz },
      { id: 'poll', passMark: 80, questionIds: unscored.map((q) => q.id), attempts: 1, shuffle: false, showCorrect: false },
    ],
    ...overrides,
  }
}

/** A tracker that records every call, for engine tests. */
export class RecordingTracker implements Tracker {
  calls: (
    | ['start']
    | ['saveProgress', string, string]
    | ['recordAnswer', AnswerRecord]
    | ['reportResult', LearnerReport]
    | ['commit']
    | ['finish', 'suspend' | 'normal', number]
  )[] = []
  constructor(private readonly launch: Partial<LaunchData> = {}) {}
  start(): LaunchData {
    this.calls.push(['start'])
    return { mode: 'normal', credit: true, suspendData: '', location: '', ...this.launch }
  }
  saveProgress(location: string, suspendData: string): void {
    this.calls.push(['saveProgress', location, suspendData])
  }
  recordAnswer(answer: AnswerRecord): void {
    this.calls.push(['recordAnswer', answer])
  }
  reportResult(report: LearnerReport): void {
    this.calls.push(['reportResult', report])
  }
  commit(): boolean {
    this.calls.push(['commit'])
    return true
  }
  finish(exit: 'suspend' | 'normal', sessionTimeMs: number): void {
    this.calls.push(['finish', exit, sessionTimeMs])
  }
  health(): TrackerHealth {
    return 'connected'
  }
  reports(): LearnerReport[] {
    return this.calls.flatMap((call) => (call[0] === 'reportResult' ? [call[1]] : []))
  }
  answers(): AnswerRecord[] {
    return this.calls.flatMap((call) => (call[0] === 'recordAnswer' ? [call[1]] : []))
  }
}

export type ApiCall = [method: string, ...args: string[]]

export interface FakeApiOptions {
  /** What GetValue returns per element. */
  values?: Record<string, string>
  /** Replaces a method by its edition-neutral name (`commit`, `setValue`…). */
  override?: Partial<Record<'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit', (...args: string[]) => unknown>>
}

/**
 * A plain object with the edition's API methods, recording calls (GetLastError and friends
 * are not recorded). A failing call sets the last error to 101 (1.2) / 391 (2004 commit) / 351.
 */
export function fakeApi(edition: ScormEdition, options: FakeApiOptions = {}): { api: Record<string, unknown>; calls: ApiCall[]; sets: () => [string, string][] } {
  const calls: ApiCall[] = []
  let lastError = '0'
  const values = options.values ?? {}
  const method = (key: 'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit', fallback: (...args: string[]) => unknown) =>
    (...args: string[]) => {
      calls.push([VOCABULARY[key][edition], ...args])
      const result = (options.override?.[key] ?? fallback)(...args)
      lastError = result === 'false' ? (edition === 'scorm12' ? '101' : '351') : '0'
      return result
    }
  const api = {
    [VOCABULARY.initialize[edition]]: method('initialize', () => 'true'),
    [VOCABULARY.terminate[edition]]: method('terminate', () => 'true'),
    [VOCABULARY.getValue[edition]]: method('getValue', (element) => values[element!] ?? ''),
    [VOCABULARY.setValue[edition]]: method('setValue', () => 'true'),
    [VOCABULARY.commit[edition]]: method('commit', () => 'true'),
    [VOCABULARY.getLastError[edition]]: () => lastError,
    [VOCABULARY.getErrorString[edition]]: (code: string) => `error ${code}`,
    [VOCABULARY.getDiagnostic[edition]]: (code: string) => `diagnostic ${code}`,
  }
  const setName = VOCABULARY.setValue[edition]
  return { api, calls, sets: () => calls.flatMap((call) => (call[0] === setName ? [[call[1]!, call[2]!] as [string, string]] : [])) }
}

/** A logger that keeps messages. */
export function memoryLog(): { warn(message: string): void; messages: string[] } {
  const messages: string[] = []
  return { warn: (message) => messages.push(message), messages }
}
