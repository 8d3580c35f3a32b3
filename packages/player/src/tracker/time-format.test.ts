import { describe, expect, it } from 'vitest'
import { formatCmiTime, formatCmiTimespan, formatIsoDuration, formatScorm2004Timestamp } from './time-format.js'

describe('formatCmiTimespan (SCORM 1.2 HHHH:MM:SS.SS)', () => {
  it.each([
    [754_560, '00:12:34.56'],
    [0, '00:00:00.00'],
    [1_000, '00:00:01.00'],
    [3_723_450, '01:02:03.45'],
    [5, '00:00:00.01'],
    [4, '00:00:00.00'],
    [100 * 3_600_000 + 61_000, '100:01:01.00'],
    [12_345 * 3_600_000, '9999:59:59.99'],
    [-5, '00:00:00.00'],
    [Number.NaN, '00:00:00.00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatCmiTimespan(ms)).toBe(text)
    expect(text).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/)
  })
})

describe('formatIsoDuration (SCORM 2004 timeinterval)', () => {
  const adlRte = /^P(([0-9]+Y)?([0-9]+M)?([0-9]+D)?)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]{1,2})?S)?)?$/
  it.each([
    [754_560, 'PT12M34.56S'],
    [0, 'PT0S'],
    [1_000, 'PT1S'],
    [1_500, 'PT1.5S'],
    [3_600_000, 'PT1H'],
    [3_723_450, 'PT1H2M3.45S'],
    [100 * 3_600_000 + 61_000, 'PT100H1M1S'],
    [10, 'PT0.01S'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatIsoDuration(ms)).toBe(text)
    expect(text).toMatch(adlRte)
    expect(text).not.toMatch(/[PT]$/)
  })
})

describe('formatScorm2004Timestamp', () => {
  it('writes UTC with 2 fraction digits, never 3', () => {
    const date = new Date(Date.UTC(2024, 4, 1, 10, 4, 12, 345))
    expect(formatScorm2004Timestamp(date)).toBe('2024-05-01T10:04:12.34Z')
    expect(formatScorm2004Timestamp(new Date(Date.UTC(2031, 11, 31, 23, 59, 59, 0)))).toBe('2031-12-31T23:59:59.00Z')
    expect(formatScorm2004Timestamp(date)).not.toBe(date.toISOString())
  })
})

describe('formatCmiTime (SCORM 1.2 clock time)', () => {
  it('writes the local time of day, no date', () => {
    expect(formatCmiTime(new Date(2024, 4, 1, 9, 5, 7, 999))).toBe('09:05:07')
    expect(formatCmiTime(new Date(2024, 4, 1, 23, 59, 0))).toBe('23:59:00')
  })
})
