import { describe, expect, it } from 'vitest'
import { toNumber, toSignedNumber, toWholeNumber } from './attributes.js'

describe('attribute numbers', () => {
  it('reads decimals as authors write them, and nothing else', () => {
    expect(['80', '2.5', ' 7 ', '0'].map(toNumber)).toEqual([80, 2.5, 7, 0])
    expect(['', '80%', '1e3', '-1', '3,5', '.5', '5.'].map(toNumber)).toEqual(Array(7).fill(undefined))
  })

  it('reads whole numbers', () => {
    expect(['1', '12', ' 3 '].map(toWholeNumber)).toEqual([1, 12, 3])
    expect(['1.5', '-1', '', 'deux'].map(toWholeNumber)).toEqual(Array(4).fill(undefined))
  })

  it('reads signed decimals for numeric answers', () => {
    expect(['42', '-2.5', '0.125', '-0'].map(toSignedNumber)).toEqual([42, -2.5, 0.125, -0])
    expect(['3,5', '+1', '1e2', '--1', 'abc', ''].map(toSignedNumber)).toEqual(Array(6).fill(undefined))
  })
})
