import type { ChallengeBlock, Course, CompletionRule, CourseQuiz, MediaBlock, Option, Question, ScenarioBlock } from '@cafes/core'
import type { LearnerReport } from '../src/engine/report.js'
import type { AnswerRecord, LaunchData, PathRecord, Tracker, TrackerHealth } from '../src/tracker/tracker.js'
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
    format: 1, id: 'demo', iri: 'https://example.org/xapi/demo', title: 'Démo', language: 'fr', version: '1.0.0', passMark: 80,
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
    format: 1, id: 'two', iri: 'https://example.org/xapi/two', title: 'Deux quiz', language: 'en-GB', version: '2.0.0', passMark: 50, completion: 'passed',
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
    format: 1, id: 'all-types', iri: 'https://example.org/xapi/all-types', title: 'Tous les types', language: 'fr', version: '1.0.0', passMark: 80,
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

/**
 * Scenario `reunion` (weight 2, back allowed, max 3 points): `debut` —a (1 pt)→ `verif`
 * —a (2 pts)→ `fin-ok` (success) | —b (1 pt)→ `fin-neutre` (neutral); `debut` —b→ `fin-ko` (failure).
 */
export function scenarioBlock(overrides: Partial<ScenarioBlock> = {}): ScenarioBlock {
  const choice = (id: string, target: string, points: number) =>
    ({ id, html: `<p>Choix ${id} vers ${target}</p>`, text: `Choix ${id} vers ${target}`, target, points, feedbackHtml: `<p>Retour ${id} vers ${target}</p>` })
  return {
    kind: 'scenario', id: 'reunion', title: 'La réunion', prompt: 'La réunion du lundi', weight: 2, allowBack: true, start: 'debut', maxPoints: 3,
    nodes: [
      { id: 'debut', html: '<p>Lundi, 9 h.</p>', choices: [choice('a', 'verif', 1), choice('b', 'fin-ko', 0)] },
      { id: 'verif', title: 'Vérification', html: '<p>Vous vérifiez.</p>', choices: [choice('a', 'fin-ok', 2), choice('b', 'fin-neutre', 1)] },
      { id: 'fin-ok', html: '<p>Bravo.</p>', ending: { outcome: 'success' }, choices: [] },
      { id: 'fin-neutre', html: '<p>Bof.</p>', ending: { outcome: 'neutral' }, choices: [] },
      { id: 'fin-ko', html: '<p>Raté.</p>', ending: { outcome: 'failure' }, choices: [] },
    ],
    ...overrides,
  }
}

/** Mini-défi `liste`: checklist a, b, c, 120 s. */
export function checklistChallenge(overrides: Partial<ChallengeBlock> = {}): ChallengeBlock {
  return {
    kind: 'challenge', id: 'liste', title: 'Trois réflexes', instructionsHtml: '<p>Cochez.</p>',
    checklist: options('abc', (id) => `Réflexe ${id}`), timeLimit: 120, ...overrides,
  }
}

export function mediaBlock(id: string, required: boolean): MediaBlock {
  return {
    kind: 'media', id, media: 'audio', title: `Épisode ${id}`, src: `media/${id}.mp3`, mimeType: 'audio/mpeg',
    cues: [{ start: 0, end: 2, text: 'Bonjour' }], chapters: [{ start: 0, title: 'Début' }], required,
  }
}

/**
 * Every stateful block. Pages `intro`; `situation` (scenario `reunion`); `defis` (mini-défi
 * `liste`, then mini-défi `defi-quiz`, 60 s, with quiz `quiz-defi`: `q-defi`, weight 1, right
 * a, pass mark 50); `podcast` (media `podcast`, required, and `bonus`, not required). Module
 * pass mark 60, completion `pages-and-passed`.
 */
export function blocksCourse(overrides: Partial<Course> = {}): Course {
  const quizQuestion = question('q-defi', 'single', 1, ['a'])
  return {
    format: 1, id: 'blocs', iri: 'https://example.org/xapi/blocs', title: 'Blocs', language: 'fr', version: '1.0.0', passMark: 60, completion: 'pages-and-passed',
    pages: [
      { id: 'intro', title: 'Introduction', blocks: [{ kind: 'html', html: '<p>Bonjour</p>' }] },
      { id: 'situation', title: 'Situation', blocks: [scenarioBlock()] },
      {
        id: 'defis', title: 'Défis',
        blocks: [
          checklistChallenge(),
          {
            kind: 'challenge', id: 'defi-quiz', title: 'Quiz minute', instructionsHtml: '<p>Vite.</p>', checklist: [], timeLimit: 60,
            quiz: { kind: 'quiz', quiz: 'quiz-defi', questions: [quizQuestion] },
          },
        ],
      },
      { id: 'podcast', title: 'Podcast', blocks: [mediaBlock('podcast', true), mediaBlock('bonus', false)] },
    ],
    quizzes: [{ id: 'quiz-defi', passMark: 50, questionIds: ['q-defi'], attempts: 1, shuffle: false, showCorrect: true }],
    ...overrides,
  }
}

/** A tracker that records every call, for engine tests. */
export class RecordingTracker implements Tracker {
  calls: (
    | ['start']
    | ['saveProgress', string, string]
    | ['recordAnswer', AnswerRecord]
    | ['recordPath', PathRecord]
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
  recordPath(path: PathRecord): void {
    this.calls.push(['recordPath', path])
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
  paths(): PathRecord[] {
    return this.calls.flatMap((call) => (call[0] === 'recordPath' ? [call[1]] : []))
  }
  /** The last state saved. */
  lastSaved(): string {
    return this.calls.flatMap((call) => (call[0] === 'saveProgress' ? [call[2]] : [])).at(-1) ?? ''
  }
  /** How many times progress was saved. */
  saves(): number {
    return this.calls.filter((call) => call[0] === 'saveProgress').length
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
