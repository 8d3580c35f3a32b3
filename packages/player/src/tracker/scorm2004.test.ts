import { describe, expect, it } from 'vitest'
import type { Question, Response } from '@cafes/core'
import { fakeApi, memoryLog, scenarioBlock, scoredQuestions, unscoredQuestions } from '../../test/fixtures.js'
import type { LearnerReport } from '../engine/report.js'
import {
  createScorm2004Tracker,
  interactionDescription,
  scorm2004AnswerWrites,
  scorm2004FinishWrites,
  scorm2004LaunchData,
  scorm2004PathWrites,
  scorm2004Patterns,
  scorm2004ProgressWrites,
  scorm2004ReportWrites,
} from './scorm2004.js'
import type { AnswerRecord, PathRecord } from './tracker.js'

const passed: LearnerReport = { completion: 'completed', success: 'passed', progress: 1, final: true, score: { raw: 85, min: 0, max: 100, scaled: 0.85 } }
const failed: LearnerReport = { completion: 'incomplete', success: 'failed', progress: 2 / 3, final: true, score: { raw: 33, min: 0, max: 100, scaled: 0.33 } }
const completed: LearnerReport = { completion: 'completed', success: 'unknown', progress: 1, final: true }
const ongoing: LearnerReport = { completion: 'incomplete', success: 'unknown', progress: 1 / 3, final: false }

const questions = [...scoredQuestions(), ...unscoredQuestions()]
/** A valid response to each question. */
const samples: Record<string, Response> = {
  'q-single': ['a'], 'q-multiple': ['a', 'b'], 'q-tf': true, 'q-fill': 'Paris', 'q-num': '42', 'q-range': '41', 'q-match': [['1', 'a']],
  'q-seq': ['d', 'c', 'b', 'a'], 'q-likert': ['c'], 'q-reflect': 'Note',
}
const q = (id: string): Question => questions.find((question) => question.id === id)!
const definition: Question = { ...q('q-single'), id: 'q-definition', prompt: 'Quelle affirmation\ndécrit le mieux la transparence ?' }

function answer(overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    index: 0, question: definition, response: ['b'], correct: true, weight: 1,
    timestamp: new Date(Date.UTC(2024, 4, 1, 10, 4, 12, 300)), latencyMs: 754_560, ...overrides,
  }
}

/** The writes after the patterns, the same for every type but result and weighting. */
function tail(index: number, result: string, weighting: string, description: string): [string, string][] {
  return [
    [`cmi.interactions.${index}.result`, result],
    [`cmi.interactions.${index}.weighting`, weighting],
    [`cmi.interactions.${index}.timestamp`, '2024-05-01T10:04:12.30Z'],
    [`cmi.interactions.${index}.latency`, 'PT12M34.56S'],
    [`cmi.interactions.${index}.description`, description],
  ]
}

describe('SCORM 2004 mapping', () => {
  it('final pass: min, max, raw, scaled, progress, then completion and success', () => {
    expect(scorm2004ReportWrites(passed)).toEqual([
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
      ['cmi.score.raw', '85'],
      ['cmi.score.scaled', '0.85'],
      ['cmi.progress_measure', '1'],
      ['cmi.completion_status', 'completed'],
      ['cmi.success_status', 'passed'],
    ])
  })

  it('final fail: the score, incomplete and failed', () => {
    expect(scorm2004ReportWrites(failed)).toEqual([
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
      ['cmi.score.raw', '33'],
      ['cmi.score.scaled', '0.33'],
      ['cmi.progress_measure', '0.6667'],
      ['cmi.completion_status', 'incomplete'],
      ['cmi.success_status', 'failed'],
    ])
  })

  it('final completion without a score: progress and completed, no success status', () => {
    expect(scorm2004ReportWrites(completed)).toEqual([['cmi.progress_measure', '1'], ['cmi.completion_status', 'completed']])
  })

  it('a non-final report: progress and incomplete', () => {
    expect(scorm2004ReportWrites(ongoing)).toEqual([['cmi.progress_measure', '0.3333'], ['cmi.completion_status', 'incomplete']])
  })

  it('single choice: id, type, the rest, then the description', () => {
    expect(scorm2004AnswerWrites(answer(), 'fr')).toEqual([
      ['cmi.interactions.0.id', 'q-definition'],
      ['cmi.interactions.0.type', 'choice'],
      ['cmi.interactions.0.learner_response', 'b'],
      ['cmi.interactions.0.correct_responses.0.pattern', 'b'],
      ['cmi.interactions.0.result', 'correct'],
      ['cmi.interactions.0.weighting', '1'],
      ['cmi.interactions.0.timestamp', '2024-05-01T10:04:12.30Z'],
      ['cmi.interactions.0.latency', 'PT12M34.56S'],
      ['cmi.interactions.0.description', '{lang=fr}Quelle affirmation décrit le mieux la transparence ?'],
    ])
  })

  it('multiple choice: ids joined by [,], incorrect', () => {
    expect(scorm2004AnswerWrites(answer({
      index: 2, question: { ...q('q-multiple'), prompt: 'Quels signes ?' }, response: ['a', 'c'], correct: false, weight: 2, latencyMs: 3_000,
    }))).toEqual([
      ['cmi.interactions.2.id', 'q-multiple'],
      ['cmi.interactions.2.type', 'choice'],
      ['cmi.interactions.2.learner_response', 'a[,]c'],
      ['cmi.interactions.2.correct_responses.0.pattern', 'a[,]b[,]d'],
      ['cmi.interactions.2.result', 'incorrect'],
      ['cmi.interactions.2.weighting', '2'],
      ['cmi.interactions.2.timestamp', '2024-05-01T10:04:12.30Z'],
      ['cmi.interactions.2.latency', 'PT3S'],
      ['cmi.interactions.2.description', 'Quels signes ?'],
    ])
  })

  it('true-false: true / false', () => {
    expect(scorm2004AnswerWrites(answer({ index: 1, question: q('q-tf'), response: true, correct: false }), 'fr')).toEqual([
      ['cmi.interactions.1.id', 'q-tf'],
      ['cmi.interactions.1.type', 'true-false'],
      ['cmi.interactions.1.learner_response', 'true'],
      ['cmi.interactions.1.correct_responses.0.pattern', 'false'],
      ...tail(1, 'incorrect', '1', '{lang=fr}Question q-tf ?'),
    ])
  })

  it('fill-in: the text as typed; one pattern per accepted answer with {case_matters=…}', () => {
    expect(scorm2004AnswerWrites(answer({ index: 2, question: q('q-fill'), response: ' lutece ', correct: true }), 'fr')).toEqual([
      ['cmi.interactions.2.id', 'q-fill'],
      ['cmi.interactions.2.type', 'fill-in'],
      ['cmi.interactions.2.learner_response', ' lutece '],
      ['cmi.interactions.2.correct_responses.0.pattern', '{case_matters=false}Paris'],
      ['cmi.interactions.2.correct_responses.1.pattern', '{case_matters=false}Lutèce'],
      ...tail(2, 'correct', '1', '{lang=fr}Question q-fill ?'),
    ])
  })

  it('fill-in: at most 5 patterns, each string and the response at most 250 characters', () => {
    const question = { ...q('q-fill'), caseSensitive: true, accepted: ['un', 'deux', 'trois', 'quatre', 'cinq', 'six'] } as Question
    expect(scorm2004Patterns(question)).toEqual([
      '{case_matters=true}un', '{case_matters=true}deux', '{case_matters=true}trois', '{case_matters=true}quatre', '{case_matters=true}cinq',
    ])
    const writes = scorm2004AnswerWrites(answer({ question: q('q-fill'), response: 'x'.repeat(300), correct: false }))
    expect(writes[2]).toEqual(['cmi.interactions.0.learner_response', 'x'.repeat(250)])
  })

  it('numeric, exact: a real with a dot; the pattern n[:]n', () => {
    expect(scorm2004AnswerWrites(answer({ index: 4, question: q('q-num'), response: ' 42,0 ', correct: true }), 'fr')).toEqual([
      ['cmi.interactions.4.id', 'q-num'],
      ['cmi.interactions.4.type', 'numeric'],
      ['cmi.interactions.4.learner_response', '42.0'],
      ['cmi.interactions.4.correct_responses.0.pattern', '42[:]42'],
      ...tail(4, 'correct', '1', '{lang=fr}Question q-num ?'),
    ])
  })

  it('numeric, range: min[:]max', () => {
    expect(scorm2004AnswerWrites(answer({ index: 5, question: q('q-range'), response: '46', correct: false }), 'fr')).toEqual([
      ['cmi.interactions.5.id', 'q-range'],
      ['cmi.interactions.5.type', 'numeric'],
      ['cmi.interactions.5.learner_response', '46'],
      ['cmi.interactions.5.correct_responses.0.pattern', '40[:]45.5'],
      ...tail(5, 'incorrect', '1', '{lang=fr}Question q-range ?'),
    ])
  })

  it('matching: source[.]target pairs joined by [,]', () => {
    expect(scorm2004AnswerWrites(answer({
      index: 6, question: q('q-match'), response: [['1', 'b'], ['2', 'a'], ['3', 'd']], correct: true, weight: 2,
    }), 'fr')).toEqual([
      ['cmi.interactions.6.id', 'q-match'],
      ['cmi.interactions.6.type', 'matching'],
      ['cmi.interactions.6.learner_response', '1[.]b[,]2[.]a[,]3[.]d'],
      ['cmi.interactions.6.correct_responses.0.pattern', '1[.]b[,]2[.]a[,]3[.]d'],
      ...tail(6, 'correct', '2', '{lang=fr}Question q-match ?'),
    ])
  })

  it('sequencing: ids in order joined by [,]', () => {
    expect(scorm2004AnswerWrites(answer({ index: 7, question: q('q-seq'), response: ['b', 'a', 'c', 'd'], correct: false }), 'fr')).toEqual([
      ['cmi.interactions.7.id', 'q-seq'],
      ['cmi.interactions.7.type', 'sequencing'],
      ['cmi.interactions.7.learner_response', 'b[,]a[,]c[,]d'],
      ['cmi.interactions.7.correct_responses.0.pattern', 'a[,]b[,]c[,]d'],
      ...tail(7, 'incorrect', '1', '{lang=fr}Question q-seq ?'),
    ])
  })

  it('likert: one id, no pattern, neutral, weighting 0', () => {
    expect(scorm2004AnswerWrites(answer({ index: 8, question: q('q-likert'), response: ['d'], correct: null, weight: 0 }), 'fr')).toEqual([
      ['cmi.interactions.8.id', 'q-likert'],
      ['cmi.interactions.8.type', 'likert'],
      ['cmi.interactions.8.learner_response', 'd'],
      ...tail(8, 'neutral', '0', '{lang=fr}Question q-likert ?'),
    ])
  })

  it('reflection: long-fill-in up to 4000 characters on one line, no pattern, neutral, weighting 0', () => {
    const text = `{Je retiens}\r\n${'é'.repeat(5000)}`
    expect(scorm2004AnswerWrites(answer({ index: 9, question: q('q-reflect'), response: text, correct: null, weight: 0 }), 'fr')).toEqual([
      ['cmi.interactions.9.id', 'q-reflect'],
      ['cmi.interactions.9.type', 'long-fill-in'],
      ['cmi.interactions.9.learner_response', `(Je retiens} ${'é'.repeat(3987)}`],
      ...tail(9, 'neutral', '0', '{lang=fr}Question q-reflect ?'),
    ])
  })

  it('patterns of every type', () => {
    expect(questions.map((question) => [question.id, scorm2004Patterns(question)])).toEqual([
      ['q-single', ['b']],
      ['q-multiple', ['a[,]b[,]d']],
      ['q-tf', ['false']],
      ['q-fill', ['{case_matters=false}Paris', '{case_matters=false}Lutèce']],
      ['q-num', ['42[:]42']],
      ['q-range', ['40[:]45.5']],
      ['q-match', ['1[.]b[,]2[.]a[,]3[.]d']],
      ['q-seq', ['a[,]b[,]c[,]d']],
      ['q-likert', []],
      ['q-reflect', []],
    ])
  })

  it('cuts a description to 250 characters on a character boundary', () => {
    const long = interactionDescription('é'.repeat(300), 'fr')
    expect(long).toBe(`{lang=fr}${'é'.repeat(249)}…`)
    expect(interactionDescription(`${'a'.repeat(248)}😀😀`)).toBe(`${'a'.repeat(248)}…`)
    expect(interactionDescription(`${'a'.repeat(247)}😀😀`)).toBe(`${'a'.repeat(247)}😀…`)
    expect(interactionDescription('{x} y', 'fr-CA')).toBe('{lang=fr-CA}(x} y')
    expect(interactionDescription('ok', 'not a tag')).toBe('ok')
  })

  it('never names a 1.2 element', () => {
    const all = [passed, failed, completed, ongoing].flatMap(scorm2004ReportWrites)
      .concat(scorm2004AnswerWrites(answer()), scorm2004FinishWrites('normal', 1), scorm2004ProgressWrites('x', 'y').writes)
      .concat(questions.flatMap((question) => scorm2004AnswerWrites(answer({ question, response: samples[question.id]! }))))
    for (const [element] of all) expect(element).not.toMatch(/^cmi\.core\.|student_response|\.time$/)
  })

  it('finish: session time then exit (suspend, or normal once finished)', () => {
    expect(scorm2004FinishWrites('suspend', 754_560)).toEqual([['cmi.session_time', 'PT12M34.56S'], ['cmi.exit', 'suspend']])
    expect(scorm2004FinishWrites('normal', 0)).toEqual([['cmi.session_time', 'PT0S'], ['cmi.exit', 'normal']])
  })

  it('leaves out a location or state over the 2004 limits', () => {
    expect(scorm2004ProgressWrites('x'.repeat(1000), 'y'.repeat(64000)).writes).toHaveLength(2)
    expect(scorm2004ProgressWrites('x'.repeat(1001), 'y'.repeat(64001))).toEqual({ writes: [], rejected: ['cmi.location', 'cmi.suspend_data'] })
  })

  it.each(['unknown', 'not attempted'])('completion_status %s is a first launch', (status) => {
    expect(scorm2004LaunchData({ 'cmi.completion_status': status }).firstLaunch).toBe(true)
  })

  it('reads the learner id (it seeds the shuffles); none when the LMS gives \'\'', () => {
    expect(scorm2004LaunchData({ 'cmi.completion_status': 'incomplete', 'cmi.learner_id': 'u-42' }).launch.learnerId).toBe('u-42')
    expect('learnerId' in scorm2004LaunchData({ 'cmi.completion_status': 'incomplete', 'cmi.learner_id': '' }).launch).toBe(false)
  })

  it('reads mode and credit', () => {
    expect(scorm2004LaunchData({ 'cmi.mode': 'browse', 'cmi.credit': 'no-credit', 'cmi.completion_status': 'incomplete' })).toEqual({
      launch: { mode: 'browse', credit: false, suspendData: '', location: '', initialStatus: 'incomplete' },
      firstLaunch: false,
    })
  })
})

describe('SCORM 2004 tracker (fake API)', () => {
  it('first launch: Initialize, reads, incomplete and Commit at once', () => {
    const { api, calls } = fakeApi('scorm2004', { values: { 'cmi.completion_status': 'unknown', 'cmi.mode': 'normal', 'cmi.credit': 'credit' } })
    createScorm2004Tracker(api).start()
    expect(calls).toEqual([
      ['Initialize', ''],
      ['GetValue', 'cmi.location'],
      ['GetValue', 'cmi.suspend_data'],
      ['GetValue', 'cmi.mode'],
      ['GetValue', 'cmi.credit'],
      ['GetValue', 'cmi.completion_status'],
      ['GetValue', 'cmi.learner_name'],
      ['GetValue', 'cmi.learner_id'],
      ['GetValue', 'cmi.interactions._count'],
      ['SetValue', 'cmi.completion_status', 'incomplete'],
      ['SetValue', 'cmi.exit', 'suspend'],
      ['Commit', ''],
    ])
  })

  it('final report: writes in order, then Commit', () => {
    const { api, calls } = fakeApi('scorm2004', { values: { 'cmi.completion_status': 'incomplete' } })
    const tracker = createScorm2004Tracker(api)
    tracker.start()
    calls.length = 0
    tracker.reportResult(failed)
    expect(calls.map((call) => call.slice(0, 2).join(' '))).toEqual([
      'SetValue cmi.score.min', 'SetValue cmi.score.max', 'SetValue cmi.score.raw', 'SetValue cmi.score.scaled',
      'SetValue cmi.progress_measure', 'SetValue cmi.completion_status', 'SetValue cmi.success_status', 'Commit ',
    ])
  })

  it('interactions carry the course language', () => {
    const { api, sets } = fakeApi('scorm2004', { values: { 'cmi.completion_status': 'incomplete' } })
    const tracker = createScorm2004Tracker(api, { language: 'fr' })
    tracker.start()
    tracker.recordAnswer(answer())
    expect(sets().at(-1)).toEqual(['cmi.interactions.0.description', '{lang=fr}Quelle affirmation décrit le mieux la transparence ?'])
  })

  it.each([
    ['browse', { 'cmi.mode': 'browse' }],
    ['review', { 'cmi.mode': 'review' }],
    ['no-credit', { 'cmi.credit': 'no-credit' }],
  ])('%s: no status, score or interaction write', (_name, values) => {
    const { api, sets } = fakeApi('scorm2004', { values: { 'cmi.completion_status': 'unknown', ...values } })
    const tracker = createScorm2004Tracker(api)
    tracker.start()
    tracker.reportResult(ongoing)
    tracker.reportResult(passed)
    tracker.recordAnswer(answer())
    tracker.saveProgress('quiz', '')
    expect(sets()).toEqual([['cmi.location', 'quiz']])
  })

  it('finish: session time, exit, Terminate, with no Commit right before it; nothing after', () => {
    const { api, calls } = fakeApi('scorm2004', { values: { 'cmi.completion_status': 'incomplete' } })
    const tracker = createScorm2004Tracker(api)
    tracker.start()
    calls.length = 0
    tracker.finish('normal', 754_560)
    tracker.finish('suspend', 1)
    tracker.saveProgress('quiz', 'x')
    tracker.reportResult(passed)
    tracker.commit()
    expect(calls).toEqual([
      ['SetValue', 'cmi.session_time', 'PT12M34.56S'],
      ['SetValue', 'cmi.exit', 'normal'],
      ['Terminate', ''],
    ])
  })

  it('Commit throwing: failing, no exception escapes', () => {
    const { api } = fakeApi('scorm2004', { values: { 'cmi.completion_status': 'incomplete' }, override: { commit: () => { throw new Error('network') } } })
    const log = memoryLog()
    const tracker = createScorm2004Tracker(api, { log })
    tracker.start()
    expect(() => tracker.saveProgress('intro', 'x')).not.toThrow()
    expect(tracker.health()).toBe('failing')
    // Once at launch (after exit=suspend), once for the progress.
    expect(log.messages).toEqual(['[cafes] Commit("") threw: network', '[cafes] Commit("") threw: network'])
  })

  it('accepts an LMS that was already initialized (103)', () => {
    const { api } = fakeApi('scorm2004', { values: { 'cmi.completion_status': 'incomplete' } })
    api.Initialize = () => 'false'
    api.GetLastError = () => '103'
    const tracker = createScorm2004Tracker(api, { log: memoryLog() })
    tracker.start()
    expect(tracker.health()).not.toBe('detached')
  })

  it('does not log "not initialized" (403) reads at first launch', () => {
    const log = memoryLog()
    const { api } = fakeApi('scorm2004', { values: { 'cmi.completion_status': 'unknown' } })
    api.GetLastError = () => '403'
    createScorm2004Tracker(api, { log }).start()
    expect(log.messages.filter((message) => message.includes('GetValue'))).toEqual([])
  })
})

function pathRecord(overrides: Partial<PathRecord> = {}): PathRecord {
  return {
    index: 2, scenario: scenarioBlock(), path: ['debut', 'verif', 'fin-ok'], outcome: 'success', weight: 2,
    timestamp: new Date(Date.UTC(2024, 4, 1, 10, 4, 12, 300)), latencyMs: 754_560, ...overrides,
  }
}

describe('SCORM 2004 scenario paths', () => {
  it('other: the node ids joined by `,`, the result from the ending, the prompt as description, no pattern', () => {
    expect(scorm2004PathWrites(pathRecord(), 'fr')).toEqual([
      ['cmi.interactions.2.id', 'reunion'],
      ['cmi.interactions.2.type', 'other'],
      ['cmi.interactions.2.learner_response', 'debut,verif,fin-ok'],
      ...tail(2, 'correct', '2', '{lang=fr}La réunion du lundi'),
    ])
    expect(scorm2004PathWrites(pathRecord({ path: ['debut', 'fin-ko'], outcome: 'failure' }))[3]).toEqual(['cmi.interactions.2.result', 'incorrect'])
    expect(scorm2004PathWrites(pathRecord({ outcome: 'neutral' }))[3]).toEqual(['cmi.interactions.2.result', 'neutral'])
  })

  it('keeps a long path whole up to 4000 characters', () => {
    const path = Array.from({ length: 36 }, (_, index) => `etape-numero-${index}`)
    expect(scorm2004PathWrites(pathRecord({ path }))[2]).toEqual(['cmi.interactions.2.learner_response', path.join(',')])
  })

  it('the tracker writes it with the course language', () => {
    const { api, calls, sets } = fakeApi('scorm2004', { values: { 'cmi.completion_status': 'incomplete' } })
    const tracker = createScorm2004Tracker(api, { log: memoryLog(), language: 'fr' })
    tracker.start()
    calls.length = 0
    tracker.recordPath(pathRecord())
    expect(sets().at(-1)).toEqual(['cmi.interactions.2.description', '{lang=fr}La réunion du lundi'])
  })
})
