import type { Question } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { scoredQuestions, unscoredQuestions } from '../../test/fixtures.js'
import { optionOrder, shuffled } from './option-order.js'

const questions = [...scoredQuestions(), ...unscoredQuestions()]
const q = (id: string): Question => questions.find((question) => question.id === id)!

describe('optionOrder', () => {
  it('keeps the authored order without shuffle', () => {
    expect(optionOrder(q('q-multiple'), { shuffle: false, seed: 's' })).toEqual(['a', 'b', 'c', 'd'])
    expect(optionOrder(q('q-match'), { shuffle: false, seed: 's' })).toEqual(['a', 'b', 'c', 'd'])
  })

  it('shuffles choices and matching targets deterministically by seed', () => {
    const seeds = Array.from({ length: 20 }, (_, index) => `learner-${index}|q-multiple|1`)
    const orders = seeds.map((seed) => optionOrder(q('q-multiple'), { shuffle: true, seed }).join(''))
    expect(orders).toEqual(seeds.map((seed) => optionOrder(q('q-multiple'), { shuffle: true, seed }).join('')))
    expect(new Set(orders).size).toBeGreaterThan(5)
    for (const order of orders) expect([...order].sort().join('')).toBe('abcd')
    expect(optionOrder(q('q-match'), { shuffle: true, seed: 'x' }).sort()).toEqual(['a', 'b', 'c', 'd'])
  })

  it('never starts a sequencing question in the right order, shuffle or not', () => {
    const two = { ...q('q-seq'), steps: (q('q-seq') as { steps: unknown[] }).steps.slice(0, 2) } as Question
    for (let index = 0; index < 200; index++) {
      expect(optionOrder(q('q-seq'), { shuffle: false, seed: `s${index}` })).not.toEqual(['a', 'b', 'c', 'd'])
      expect(optionOrder(two, { shuffle: index % 2 === 0, seed: `s${index}` })).toEqual(['b', 'a'])
    }
  })

  it('keeps a likert scale in order; no options for other types', () => {
    expect(optionOrder(q('q-likert'), { shuffle: true, seed: 'x' })).toEqual(['a', 'b', 'c', 'd', 'e'])
    for (const id of ['q-tf', 'q-fill', 'q-num', 'q-reflect']) expect(optionOrder(q(id), { shuffle: true, seed: 'x' })).toEqual([])
  })

  it('shuffled: a permutation, the same for the same seed', () => {
    const items = Array.from({ length: 26 }, (_, index) => index)
    expect(shuffled(items, 'a')).toEqual(shuffled(items, 'a'))
    expect(shuffled(items, 'a')).not.toEqual(shuffled(items, 'b'))
    expect([...shuffled(items, 'a')].sort((x, y) => x - y)).toEqual(items)
    expect(shuffled([], 'a')).toEqual([])
  })
})
