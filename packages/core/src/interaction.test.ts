import { describe, expect, it } from 'vitest'
import type { Option, Question } from './course.js'
import {
  correctResponse,
  correctResponsesPattern,
  formatDecimal,
  formatResponse,
  formatScenarioPath,
  interactionData,
  interactionType,
  normaliseDecimal,
  parseDecimal,
  scenarioInteractionData,
} from './interaction.js'

const base = { weight: 1, promptHtml: '<p>?</p>', prompt: '?' }
const options = (ids: string, label: string): Option[] => [...ids].map((id) => ({ id, html: `<p>${label} ${id}</p>`, text: `${label} ${id}` }))

const single: Question = {
  ...base, id: 'q-single', type: 'single',
  choices: [...'abc'].map((id) => ({ id, html: id, text: `Choix ${id}`, correct: id === 'b' })),
}
const multiple: Question = {
  ...base, id: 'q-multiple', type: 'multiple',
  choices: [...'abcd'].map((id) => ({ id, html: id, text: `Choix ${id}`, correct: id !== 'c' })),
}
const trueFalse: Question = { ...base, id: 'q-tf', type: 'true-false', answer: false }
const fillIn: Question = {
  ...base, id: 'q-fill', type: 'fill-in', accepted: ['Paris', 'Lutèce'], caseSensitive: false, accentSensitive: false, maxLength: 300,
}
const exact: Question = { ...base, id: 'q-num', type: 'numeric', min: 42, max: 42, maxLength: 10 }
const range: Question = { ...base, id: 'q-range', type: 'numeric', min: 40, max: 45.5, maxLength: 10 }
const matching: Question = {
  ...base, id: 'q-match', type: 'matching', sources: options('123', 'Source'), targets: options('abcd', 'Cible'),
  pairs: [['1', 'b'], ['2', 'a'], ['3', 'd']],
}
const sequencing: Question = { ...base, id: 'q-seq', type: 'sequencing', steps: options('abc', 'Étape') }
const likert: Question = { ...base, weight: 0, id: 'q-likert', type: 'likert', scale: options('abcde', 'Niveau') }
const reflection: Question = { ...base, weight: 0, id: 'q-reflect', type: 'reflection', maxLength: 5000 }

describe('interactionType', () => {
  it('names each question type as xAPI and SCORM 2004 do', () => {
    expect([single, multiple, trueFalse, fillIn, exact, matching, sequencing, likert, reflection].map(interactionType)).toEqual([
      'choice', 'choice', 'true-false', 'fill-in', 'numeric', 'matching', 'sequencing', 'likert', 'long-fill-in',
    ])
  })
})

describe('interactionData (xAPI 1.0.3 Data §2.4.4.1)', () => {
  it('choice: the right ids joined by [,], the choices as components', () => {
    expect(interactionData(multiple, 'fr')).toEqual({
      interactionType: 'choice',
      correctResponsesPattern: ['a[,]b[,]d'],
      choices: [
        { id: 'a', description: { fr: 'Choix a' } },
        { id: 'b', description: { fr: 'Choix b' } },
        { id: 'c', description: { fr: 'Choix c' } },
        { id: 'd', description: { fr: 'Choix d' } },
      ],
    })
    // One id: no delimiter.
    expect(interactionData(single, 'en-GB').correctResponsesPattern).toEqual(['b'])
    expect(interactionData(single, 'en-GB').choices![0]).toEqual({ id: 'a', description: { 'en-GB': 'Choix a' } })
  })

  it('true-false: true or false, no component list', () => {
    expect(interactionData(trueFalse, 'fr')).toEqual({ interactionType: 'true-false', correctResponsesPattern: ['false'] })
    expect(interactionData({ ...trueFalse, answer: true } as Question, 'fr').correctResponsesPattern).toEqual(['true'])
  })

  it('fill-in: one pattern per accepted answer, with case_matters', () => {
    expect(interactionData(fillIn, 'fr')).toEqual({
      interactionType: 'fill-in',
      correctResponsesPattern: ['{case_matters=false}Paris', '{case_matters=false}Lutèce'],
    })
    expect(interactionData({ ...fillIn, caseSensitive: true, accepted: ['RGPD', 'RGPD'] } as Question, 'fr').correctResponsesPattern)
      .toEqual(['{case_matters=true}RGPD'])
  })

  it('numeric: min[:]max, an exact answer as n[:]n', () => {
    expect(interactionData(exact, 'fr')).toEqual({ interactionType: 'numeric', correctResponsesPattern: ['42[:]42'] })
    expect(interactionData(range, 'fr').correctResponsesPattern).toEqual(['40[:]45.5'])
    expect(interactionData({ ...range, min: -0.0000001, max: 1e-7 } as Question, 'fr').correctResponsesPattern).toEqual(['-0.0000001[:]0.0000001'])
  })

  it('matching: source[.]target pairs joined by [,], source and target lists', () => {
    expect(interactionData(matching, 'fr')).toEqual({
      interactionType: 'matching',
      correctResponsesPattern: ['1[.]b[,]2[.]a[,]3[.]d'],
      source: [
        { id: '1', description: { fr: 'Source 1' } },
        { id: '2', description: { fr: 'Source 2' } },
        { id: '3', description: { fr: 'Source 3' } },
      ],
      target: [
        { id: 'a', description: { fr: 'Cible a' } },
        { id: 'b', description: { fr: 'Cible b' } },
        { id: 'c', description: { fr: 'Cible c' } },
        { id: 'd', description: { fr: 'Cible d' } },
      ],
    })
  })

  it('sequencing: the ids in order joined by [,], the steps as `choices` (xAPI lists `steps` for performance only)', () => {
    expect(interactionData(sequencing, 'fr')).toEqual({
      interactionType: 'sequencing',
      correctResponsesPattern: ['a[,]b[,]c'],
      choices: [
        { id: 'a', description: { fr: 'Étape a' } },
        { id: 'b', description: { fr: 'Étape b' } },
        { id: 'c', description: { fr: 'Étape c' } },
      ],
    })
  })

  it('likert: the scale, no correctResponsesPattern (any answer is right; [] would mean none is)', () => {
    const data = interactionData(likert, 'fr')
    expect(data).toEqual({
      interactionType: 'likert',
      scale: [...'abcde'].map((id) => ({ id, description: { fr: `Niveau ${id}` } })),
    })
    expect('correctResponsesPattern' in data).toBe(false)
  })

  it('reflection: long-fill-in, no pattern, no component list', () => {
    expect(interactionData(reflection, 'fr')).toEqual({ interactionType: 'long-fill-in' })
  })
})

describe('formatResponse', () => {
  const cases: [string, Question, Parameters<typeof formatResponse>[1], string, string, string][] = [
    // name, question, response, scorm12, scorm2004, xapi
    ['single', single, ['b'], 'b', 'b', 'b'],
    ['multiple', multiple, ['a', 'c'], 'a,c', 'a[,]c', 'a[,]c'],
    ['true-false true', trueFalse, true, 't', 'true', 'true'],
    ['true-false false', trueFalse, false, 'f', 'false', 'false'],
    ['fill-in', fillIn, ' paris ', ' paris ', ' paris ', ' paris '],
    ['numeric with a comma', exact, ' 3,50 ', '3.50', '3.50', '3.50'],
    ['numeric signed', exact, '+042', '42', '42', '42'],
    ['numeric fraction only', exact, '-,5', '-0.5', '-0.5', '-0.5'],
    ['matching', matching, [['1', 'b'], ['3', 'a']], '1.b,3.a', '1[.]b[,]3[.]a', '1[.]b[,]3[.]a'],
    ['sequencing', sequencing, ['c', 'a', 'b'], 'c,a,b', 'c[,]a[,]b', 'c[,]a[,]b'],
    ['likert', likert, ['d'], 'd', 'd', 'd'],
    ['reflection', reflection, 'Je retiens : expliquer.', 'Je retiens : expliquer.', 'Je retiens : expliquer.', 'Je retiens : expliquer.'],
  ]
  it.each(cases)('%s', (_name, question, response, scorm12, scorm2004, xapi) => {
    expect(formatResponse(question, response, 'scorm12')).toBe(scorm12)
    expect(formatResponse(question, response, 'scorm2004')).toBe(scorm2004)
    expect(formatResponse(question, response, 'xapi')).toBe(xapi)
  })

  it('SCORM text is one line and cut to the edition limit (1.2: 255, 2004 fill-in: 250, long-fill-in: 4000); xAPI keeps it whole', () => {
    const text = `Ligne 1\r\n  Ligne 2\n${'x'.repeat(5000)}`
    expect(formatResponse(fillIn, text, 'scorm12')).toBe(`Ligne 1 Ligne 2 ${'x'.repeat(239)}`)
    expect(formatResponse(fillIn, text, 'scorm2004')).toBe(`Ligne 1 Ligne 2 ${'x'.repeat(234)}`)
    expect(formatResponse(reflection, text, 'scorm12')).toHaveLength(255)
    expect(formatResponse(reflection, text, 'scorm2004')).toBe(`Ligne 1 Ligne 2 ${'x'.repeat(3984)}`)
    expect(formatResponse(reflection, text, 'xapi')).toBe(text)
  })

  it('never cuts inside a surrogate pair', () => {
    expect(formatResponse(fillIn, `${'a'.repeat(254)}😀`, 'scorm12')).toBe('a'.repeat(254))
    expect(formatResponse(fillIn, `${'a'.repeat(253)}😀`, 'scorm12')).toBe(`${'a'.repeat(253)}😀`)
  })

  it('2004: a leading { would open a delimiter, [,] would split a fill-in', () => {
    expect(formatResponse(fillIn, '{lang=en}x', 'scorm2004')).toBe('(lang=en}x')
    expect(formatResponse(fillIn, 'a[,]b', 'scorm2004')).toBe('a,b')
    expect(formatResponse(reflection, 'a[,]b', 'scorm2004')).toBe('a[,]b')
    expect(formatResponse(fillIn, '{x}', 'scorm12')).toBe('{x}')
  })
})

describe('correctResponsesPattern', () => {
  it('2004 fill-in: each answer formatted as a 2004 fill-in string, duplicates once; xAPI keeps them whole', () => {
    const question = { ...fillIn, caseSensitive: true, accepted: ['a\nb', 'a b', 'x'.repeat(300)] } as Question
    expect(correctResponsesPattern(question, 'scorm2004')).toEqual(['{case_matters=true}a b', `{case_matters=true}${'x'.repeat(250)}`])
    expect(correctResponsesPattern(question)).toEqual(['{case_matters=true}a\nb', '{case_matters=true}a b', `{case_matters=true}${'x'.repeat(300)}`])
  })

  it('is what interactionData carries, for every type', () => {
    for (const question of [single, multiple, trueFalse, fillIn, exact, range, matching, sequencing, likert, reflection]) {
      expect(interactionData(question, 'fr').correctResponsesPattern).toEqual(correctResponsesPattern(question))
    }
  })

  it('a choice question with no right choice: [] (no answer is right)', () => {
    const none = { ...multiple, choices: (multiple as { choices: object[] }).choices.map((choice) => ({ ...choice, correct: false })) } as Question
    expect(correctResponsesPattern(none)).toEqual([])
  })
})

describe('correctResponse', () => {
  it('is the right answer in the form of a response', () => {
    expect(correctResponse(single)).toEqual(['b'])
    expect(correctResponse(multiple)).toEqual(['a', 'b', 'd'])
    expect(correctResponse(trueFalse)).toBe(false)
    expect(correctResponse(fillIn)).toBe('Paris')
    expect(correctResponse(exact)).toBe('42')
    expect(correctResponse(range)).toBeNull()
    expect(correctResponse(matching)).toEqual([['1', 'b'], ['2', 'a'], ['3', 'd']])
    expect(correctResponse(sequencing)).toEqual(['a', 'b', 'c'])
    expect(correctResponse(likert)).toBeNull()
    expect(correctResponse(reflection)).toBeNull()
  })
})

describe('decimals', () => {
  it.each([
    ['42', 42, '42'], ['3,5', 3.5, '3.5'], ['3.5', 3.5, '3.5'], [' -2 ', -2, '-2'], ['+1,25', 1.25, '1.25'],
    [',5', 0.5, '0.5'], ['7,', 7, '7'], ['0007', 7, '7'], ['0', 0, '0'],
  ])('%j parses as %d, written %j', (text, value, normalised) => {
    expect(parseDecimal(text)).toBe(value)
    expect(normaliseDecimal(text)).toBe(normalised)
  })

  it.each(['', ' ', ',', '.', '1.2.3', '1,2,3', '1 000', '1e3', 'abc', '--1', '4 2', '0x10'])('%j is not a decimal', (text) => {
    expect(parseDecimal(text)).toBeNull()
  })

  it('writes numbers without exponents', () => {
    expect(formatDecimal(42)).toBe('42')
    expect(formatDecimal(-3.25)).toBe('-3.25')
    expect(formatDecimal(1e-7)).toBe('0.0000001')
  })
})

describe('scenario paths', () => {
  it('are `other` interactions without a right response', () => {
    expect(scenarioInteractionData()).toEqual({ interactionType: 'other' })
  })

  it('join node ids with `,` in every edition, cut to 255 (1.2) and 4000 (2004)', () => {
    const path = ['debut', 'verif', 'fin-ok']
    expect(formatScenarioPath(path, 'scorm12')).toBe('debut,verif,fin-ok')
    expect(formatScenarioPath(path, 'scorm2004')).toBe('debut,verif,fin-ok')
    expect(formatScenarioPath(path, 'xapi')).toBe('debut,verif,fin-ok')
    const long = Array.from({ length: 36 }, (_, index) => `noeud-${'x'.repeat(100)}-${index}`)
    expect(formatScenarioPath(long, 'scorm12')).toBe(long.join(',').slice(0, 255))
    expect(formatScenarioPath(long, 'scorm2004')).toBe(long.join(',').slice(0, 4000))
    expect(formatScenarioPath(long, 'xapi')).toBe(long.join(','))
  })
})
