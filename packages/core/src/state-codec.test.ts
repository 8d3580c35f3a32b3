import { describe, expect, it } from 'vitest'
import type { Course, Question } from './course.js'
import {
  type LearnerState, decodeState, emptyState, encodeState, stateShape, worstCaseState, worstCaseStateLength,
} from './state-codec.js'

const options = (ids: string) => [...ids].map((id) => ({ id, html: id, text: id }))
const base = { weight: 1, promptHtml: '', prompt: '' }

const QUESTIONS: Question[] = [
  { ...base, id: 'q-single', type: 'single', choices: options('abc').map((o, i) => ({ ...o, correct: i === 0 })) },
  { ...base, id: 'q-multiple', type: 'multiple', choices: options('abcd').map((o, i) => ({ ...o, correct: i < 2 })) },
  { ...base, id: 'q-tf', type: 'true-false', answer: true },
  { ...base, id: 'q-fill', type: 'fill-in', accepted: ['Paris'], caseSensitive: false, accentSensitive: false, maxLength: 20 },
  { ...base, id: 'q-num', type: 'numeric', min: 1, max: 2, maxLength: 10 },
  { ...base, id: 'q-match', type: 'matching', sources: options('123'), targets: options('abcd'), pairs: [['1', 'a'], ['2', 'b'], ['3', 'c']] },
  { ...base, id: 'q-seq', type: 'sequencing', steps: options('abcd') },
  { ...base, id: 'q-likert', type: 'likert', weight: 0, scale: options('abcde') },
  { ...base, id: 'q-reflect', type: 'reflection', weight: 0, maxLength: 200 },
]

function course(questions: Question[] = QUESTIONS, attempts = 2): Course {
  return {
    format: 1, id: 'demo', iri: 'https://example.org/xapi/demo', title: 'Demo', language: 'fr', version: '1.0.0', completion: 'pages',
    quizzes: [{ id: 'quiz', passMark: 80, questionIds: questions.map((q) => q.id), attempts, shuffle: false, showCorrect: true }],
    pages: [
      { id: 'intro', title: 'Intro', blocks: [{ kind: 'html', html: '<p>x</p>' }] },
      { id: 'quiz', title: 'Quiz', blocks: [{ kind: 'quiz', quiz: 'quiz', questions }] },
    ],
  }
}

const ANSWERED: LearnerState = {
  page: 1,
  seen: [true, true],
  answers: [['c'], ['a', 'd'], false, 'Réponse: 10.5 ~ 100%', '1.5', [['1', 'b'], ['3', 'a']], ['d', 'b', 'a', 'c'], ['e'], 'Une idée.\nDeux~'],
  quizAttempts: [2],
  blocks: [],
  interactionCount: 12,
  reported: false,
}

describe('state codec', () => {
  it('round-trips an answer of every question type', () => {
    const shape = stateShape(course())
    const text = encodeState(ANSWERED, shape)
    expect(decodeState(text, shape)).toEqual(ANSWERED)
  })

  it('writes the fields in a fixed, compact form', () => {
    const shape = stateShape(course())
    expect(encodeState(ANSWERED, shape)).toBe(
      `1~${shape.key}~1~3~4.9.f._Réponse: 10%2E5 %7E 100%25._1%2E5.1-0.3102.g._Une idée%2E\nDeux%7E~2~c~0~`,
    )
    expect(encodeState(emptyState(shape), shape)).toBe(`1~${shape.key}~0~0~........~1~0~0~`)
  })

  it('tells an empty text answer from no answer', () => {
    const shape = stateShape(course())
    const state = { ...emptyState(shape), answers: [null, null, null, '', null, null, null, null, null] }
    expect(decodeState(encodeState(state, shape), shape)).toEqual(state)
  })

  it('rejects garbage, other versions, states of another course, and impossible answers', () => {
    const shape = stateShape(course())
    const text = encodeState(ANSWERED, shape)
    expect(decodeState(text, stateShape(course(QUESTIONS.slice(1))))).toBeNull()
    expect(decodeState(text, stateShape(course(QUESTIONS, 3)))).toBeNull()
    expect(decodeState('', shape)).toBeNull()
    expect(decodeState('{"json":true}', shape)).toBeNull()
    expect(decodeState(text.replace(/^1/, '2'), shape)).toBeNull()
    const withAnswers = (answers: string) => `1~${shape.key}~0~0~${answers}~1~0~0~`
    expect(decodeState(withAnswers('........'), shape)).not.toBeNull()
    expect(decodeState(withAnswers('3........'), shape)).toBeNull() // two choices in a single-choice question
    expect(decodeState(withAnswers('8........'), shape)).toBeNull() // a choice that does not exist
    expect(decodeState(withAnswers('..x......'), shape)).toBeNull() // true-false neither t nor f
    expect(decodeState(withAnswers(`...${'_'.padEnd(22, 'x')}.....`), shape)).toBeNull() // longer than maxLength
    expect(decodeState(withAnswers('.....9....'), shape)).toBeNull() // matching: unknown target
    expect(decodeState(withAnswers('......0012..'), shape)).toBeNull() // sequencing: a step twice
    expect(decodeState(`1~${shape.key}~0~0~........~3~0~0~`, shape)).toBeNull() // more attempts than allowed
  })

  it('computes the worst case from the longest answers, every text character escaped', () => {
    const shape = stateShape(course())
    const worst = worstCaseState(shape)
    expect(worst.answers[1]).toEqual(['a', 'b', 'c', 'd'])
    expect(worst.answers[3]).toHaveLength(20)
    expect(worst.interactionCount).toBe(QUESTIONS.length * 2)
    const text = encodeState(worst, shape)
    expect(worstCaseStateLength(shape)).toBe(text.length)
    expect(text).toContain('%7E'.repeat(200))
    expect(decodeState(text, shape)).toEqual(worst)
  })
})

describe('state codec: scenarios, mini-défis, media', () => {
  const scenario = {
    kind: 'scenario' as const, id: 'sc', prompt: 'Situation', weight: 1, allowBack: true, start: 'debut', maxPoints: 2,
    nodes: ['debut', 'suite', 'fin-ok', 'fin-ko'].map((id) => ({ id, html: id, choices: [] })),
  }
  const challenge = {
    kind: 'challenge' as const, id: 'defi', title: 'Défi', instructionsHtml: '', timeLimit: 120,
    checklist: [...'abc'].map((id) => ({ id, html: id, text: id })),
  }
  const media = {
    kind: 'media' as const, id: 'ep1', media: 'audio' as const, title: 'Épisode 1', src: 'assets/ep1.mp3', mimeType: 'audio/mpeg',
    cues: [], chapters: [], required: true,
  }
  const withBlocks: Course = {
    format: 1, id: 'demo', iri: 'https://example.org/xapi/demo', title: 'Demo', language: 'fr', version: '1.0.0', completion: 'pages', quizzes: [],
    pages: [{ id: 'intro', title: 'Intro', blocks: [scenario, { kind: 'html', html: '<p>x</p>' }, challenge, media] }],
  }

  it('round-trips each block state and writes it compactly', () => {
    const shape = stateShape(withBlocks)
    const state: LearnerState = {
      ...emptyState(shape),
      seen: [true],
      blocks: [
        { kind: 'scenario', path: ['debut', 'suite', 'fin-ko'] },
        { kind: 'challenge', checked: ['a', 'c'], remaining: 75, done: false },
        { kind: 'media', done: true },
      ],
    }
    const text = encodeState(state, shape)
    expect(text).toBe(`1~${shape.key}~0~1~~~0~0~p013.5-23-0.1`)
    expect(decodeState(text, shape)).toEqual(state)
  })

  it('rejects impossible block states', () => {
    const shape = stateShape(withBlocks)
    const withBlocksField = (field: string) => `1~${shape.key}~0~1~~~0~0~${field}`
    expect(decodeState(withBlocksField('..'), shape)).not.toBeNull()
    expect(decodeState(withBlocksField('p00..'), shape)).toBeNull() // a node twice
    expect(decodeState(withBlocksField('p9..'), shape)).toBeNull() // unknown node
    expect(decodeState(withBlocksField('.0-3c-0.'), shape)).not.toBeNull() // extended past the limit (120 s + 1 h)
    expect(decodeState(withBlocksField('.0-2wa-0.'), shape)).toBeNull() // 3,754 s: more than the limit and an hour
    expect(decodeState(withBlocksField('.8-1-0.'), shape)).toBeNull() // unknown item
    expect(decodeState(withBlocksField('..2'), shape)).toBeNull()
  })

  it('counts the longest path, every item ticked and the full time in the worst case', () => {
    const shape = stateShape(withBlocks)
    const worst = worstCaseState(shape)
    expect(worst.blocks[0]).toEqual({ kind: 'scenario', path: ['fin-ko', 'fin-ok', 'suite', 'debut'] })
    expect(worst.interactionCount).toBe(1)
    expect(decodeState(encodeState(worst, shape), shape)).toEqual(worst)
    expect(worstCaseStateLength(shape)).toBe(encodeState(worst, shape).length)
  })
})
