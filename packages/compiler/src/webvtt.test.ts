import { describe, expect, it } from 'vitest'
import { parseTimestamp, parseWebVtt } from './webvtt.js'

describe('parseWebVtt', () => {
  it('reads cues with and without ids, hours, settings, several lines and tags', () => {
    const text = [
      'WEBVTT - Épisode 1',
      'Kind: captions',
      '',
      'NOTE écrit à la main',
      'sur deux lignes',
      '',
      'intro',
      '00:00.000 --> 00:02.500',
      '<v Awa>Bonjour</v> et <i>bienvenue</i>.',
      '',
      '00:00:02.500 --> 00:01:05.250 align:start line:90%',
      'Deux lignes',
      'de texte &amp; un signe.',
      '',
    ].join('\r\n')
    expect(parseWebVtt(text)).toEqual({
      cues: [
        { start: 0, end: 2.5, text: 'Bonjour et bienvenue.' },
        { start: 2.5, end: 65.25, text: 'Deux lignes\nde texte & un signe.' },
      ],
      problems: [],
    })
  })

  it('requires the header', () => {
    expect(parseWebVtt('00:00.000 --> 00:01.000\nSalut').problems).toEqual([
      { line: 1, column: 1, detail: 'the file must start with a `WEBVTT` line' },
    ])
  })

  it('reports bad timings at their line and column, and keeps the good cues', () => {
    const text = 'WEBVTT\n\n00:00.000 --> 00:01.000\nUn\n\n00:01.000 --> 1:00\nDeux\n\n0:02.000 --> 00:03.000\nTrois\n\nsans temps\n\n00:05.000 --> 00:04.000\nCinq\n'
    const { cues, problems } = parseWebVtt(text)
    expect(cues).toEqual([{ start: 0, end: 1, text: 'Un' }])
    expect(problems).toEqual([
      { line: 6, column: 15, detail: '`1:00` is not a time: write `mm:ss.ttt` or `hh:mm:ss.ttt`' },
      { line: 9, column: 1, detail: '`0:02.000` is not a time: write `mm:ss.ttt` or `hh:mm:ss.ttt`' },
      { line: 12, column: 1, detail: 'this cue has no timing line `00:01.000 --> 00:04.000`' },
      { line: 14, column: 1, detail: 'the cue ends before it starts' },
    ])
  })

  it('reads timestamps', () => {
    expect(parseTimestamp('01:02:03.004')).toBe(3723.004)
    expect(parseTimestamp('02:03.500')).toBe(123.5)
    expect(parseTimestamp('02:60.000')).toBeUndefined()
    expect(parseTimestamp('2:03.500')).toBeUndefined()
  })
})
