import { describe, expect, it } from 'vitest'
import type { Course } from './course.js'
import { decodeState, emptyState, encodeState, stateShape, worstCaseState, worstCaseStateLength } from './state-codec.js'

function course(choiceCounts: number[], types: ('single' | 'multiple')[] = []): Course {
  return {
    format: 1, id: 'demo', title: 'Demo', language: 'fr', version: '1.0.0', completion: 'pages',
    quizzes: [],
    pages: [
      { id: 'intro', title: 'Intro', blocks: [{ kind: 'html', html: '<p>x</p>' }] },
      {
        id: 'quiz', title: 'Quiz',
        blocks: [{
          kind: 'quiz', quiz: 'q',
          questions: choiceCounts.map((count, index) => ({
            id: `q${index}`, type: types[index] ?? 'single', weight: 1, promptHtml: '', prompt: '',
            choices: Array.from({ length: count }, (_, c) => ({ id: 'abcdefghijklmnopqrstuvwxyz'[c]!, html: '', text: '', correct: c === 0 })),
          })),
        }],
      },
    ],
  }
}

describe('state codec', () => {
  it('round-trips a state', () => {
    const shape = stateShape(course([3, 4], ['single', 'multiple']))
    const state = { ...emptyState(shape), page: 1, seen: [true, true], answers: [[2], [0, 3]], interactionCount: 2, reported: false }
    const text = encodeState(state, shape)
    expect(text).toMatch(/^[0-9a-z~.]+$/)
    expect(decodeState(text, shape)).toEqual(state)
  })

  it('encodes unanswered questions as empty fields', () => {
    const shape = stateShape(course([2, 2]))
    expect(encodeState(emptyState(shape), shape)).toBe(`1~${shape.key}~0~0~.~0~0`)
  })

  it('rejects garbage, other versions and states of another course', () => {
    const shape = stateShape(course([3]))
    const other = stateShape(course([4]))
    const text = encodeState(emptyState(shape), shape)
    expect(decodeState(text, other)).toBeNull()
    expect(decodeState('', shape)).toBeNull()
    expect(decodeState('{"json":true}', shape)).toBeNull()
    expect(decodeState(text.replace(/^1/, '2'), shape)).toBeNull()
    // a single-choice answer with two choices selected
    expect(decodeState(`1~${shape.key}~0~0~3~0~0`, shape)).toBeNull()
    // a choice that does not exist
    expect(decodeState(`1~${shape.key}~0~0~8~0~0`, shape)).toBeNull()
  })

  it('computes the worst case from the longest selections', () => {
    const shape = stateShape(course([26, 26], ['multiple', 'single']))
    const worst = worstCaseState(shape)
    expect(worst.answers[0]).toHaveLength(26)
    expect(worstCaseStateLength(shape)).toBe(encodeState(worst, shape).length)
    expect(decodeState(encodeState(worst, shape), shape)).toEqual(worst)
  })
})
