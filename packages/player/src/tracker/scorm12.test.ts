import { describe, expect, it } from 'vitest'
import type { Question, Response } from '@cafes/core'
import { fakeApi, memoryLog, scenarioBlock, scoredQuestions, unscoredQuestions } from '../../test/fixtures.js'
import type { LearnerReport } from '../engine/report.js'
import {
  createScorm12Tracker,
  scorm12AnswerWrites,
  scorm12FinishWrites,
  scorm12LaunchData,
  scorm12PathWrites,
  scorm12Patterns,
  scorm12ProgressWrites,
  scorm12ReportWrites,
} from './scorm12.js'
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
const definition: Question = { ...q('q-single'), id: 'q-definition', prompt: 'Quelle affirmation ?' }

function answer(overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    index: 0, question: definition, response: ['b'], correct: true, weight: 1,
    timestamp: new Date(2024, 4, 1, 10, 4, 12, 300), latencyMs: 754_560, ...overrides,
  }
}

describe('SCORM 1.2 mapping', () => {
  it('final pass: min, max, raw, then passed', () => {
    expect(scorm12ReportWrites(passed)).toEqual([
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', '85'],
      ['cmi.core.lesson_status', 'passed'],
    ])
  })

  it('final fail: min, max, raw, then failed', () => {
    expect(scorm12ReportWrites(failed)).toEqual([
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', '33'],
      ['cmi.core.lesson_status', 'failed'],
    ])
  })

  it('final completion without a score: completed only', () => {
    expect(scorm12ReportWrites(completed)).toEqual([['cmi.core.lesson_status', 'completed']])
  })

  it('a non-final report only sets incomplete', () => {
    expect(scorm12ReportWrites(ongoing)).toEqual([['cmi.core.lesson_status', 'incomplete']])
  })

  it('single choice: id, type, then the rest', () => {
    expect(scorm12AnswerWrites(answer())).toEqual([
      ['cmi.interactions.0.id', 'q-definition'],
      ['cmi.interactions.0.type', 'choice'],
      ['cmi.interactions.0.student_response', 'b'],
      ['cmi.interactions.0.correct_responses.0.pattern', 'b'],
      ['cmi.interactions.0.result', 'correct'],
      ['cmi.interactions.0.weighting', '1'],
      ['cmi.interactions.0.time', '10:04:12'],
      ['cmi.interactions.0.latency', '00:12:34.56'],
    ])
  })

  it('multiple choice: ids joined by commas, wrong', () => {
    const writes = scorm12AnswerWrites(answer({
      index: 3, question: q('q-multiple'), response: ['a', 'c'], correct: false, weight: 2, latencyMs: 3_000,
    }))
    expect(writes).toEqual([
      ['cmi.interactions.3.id', 'q-multiple'],
      ['cmi.interactions.3.type', 'choice'],
      ['cmi.interactions.3.student_response', 'a,c'],
      ['cmi.interactions.3.correct_responses.0.pattern', 'a,b,d'],
      ['cmi.interactions.3.result', 'wrong'],
      ['cmi.interactions.3.weighting', '2'],
      ['cmi.interactions.3.time', '10:04:12'],
      ['cmi.interactions.3.latency', '00:00:03.00'],
    ])
  })

  it('true-false: t / f', () => {
    expect(scorm12AnswerWrites(answer({ index: 1, question: q('q-tf'), response: true, correct: false }))).toEqual([
      ['cmi.interactions.1.id', 'q-tf'],
      ['cmi.interactions.1.type', 'true-false'],
      ['cmi.interactions.1.student_response', 't'],
      ['cmi.interactions.1.correct_responses.0.pattern', 'f'],
      ['cmi.interactions.1.result', 'wrong'],
      ['cmi.interactions.1.weighting', '1'],
      ['cmi.interactions.1.time', '10:04:12'],
      ['cmi.interactions.1.latency', '00:12:34.56'],
    ])
  })

  it('fill-in: the text as typed, the first accepted answer as the pattern', () => {
    expect(scorm12AnswerWrites(answer({ index: 2, question: q('q-fill'), response: ' lutece ', correct: true }))).toEqual([
      ['cmi.interactions.2.id', 'q-fill'],
      ['cmi.interactions.2.type', 'fill-in'],
      ['cmi.interactions.2.student_response', ' lutece '],
      ['cmi.interactions.2.correct_responses.0.pattern', 'Paris'],
      ['cmi.interactions.2.result', 'correct'],
      ['cmi.interactions.2.weighting', '1'],
      ['cmi.interactions.2.time', '10:04:12'],
      ['cmi.interactions.2.latency', '00:12:34.56'],
    ])
  })

  it('fill-in: a text over 255 characters is cut, on one line', () => {
    const writes = scorm12AnswerWrites(answer({ question: q('q-fill'), response: `a\nb ${'c'.repeat(300)}`, correct: false }))
    expect(writes[2]).toEqual(['cmi.interactions.0.student_response', `a b ${'c'.repeat(251)}`])
  })

  it('numeric, exact: a CMIDecimal with a dot, the exact value as the pattern', () => {
    expect(scorm12AnswerWrites(answer({ index: 4, question: q('q-num'), response: ' 42,0 ', correct: true }))).toEqual([
      ['cmi.interactions.4.id', 'q-num'],
      ['cmi.interactions.4.type', 'numeric'],
      ['cmi.interactions.4.student_response', '42.0'],
      ['cmi.interactions.4.correct_responses.0.pattern', '42'],
      ['cmi.interactions.4.result', 'correct'],
      ['cmi.interactions.4.weighting', '1'],
      ['cmi.interactions.4.time', '10:04:12'],
      ['cmi.interactions.4.latency', '00:12:34.56'],
    ])
  })

  it('numeric, range: no pattern (1.2 has no range syntax)', () => {
    expect(scorm12AnswerWrites(answer({ index: 5, question: q('q-range'), response: '41,5', correct: true }))).toEqual([
      ['cmi.interactions.5.id', 'q-range'],
      ['cmi.interactions.5.type', 'numeric'],
      ['cmi.interactions.5.student_response', '41.5'],
      ['cmi.interactions.5.result', 'correct'],
      ['cmi.interactions.5.weighting', '1'],
      ['cmi.interactions.5.time', '10:04:12'],
      ['cmi.interactions.5.latency', '00:12:34.56'],
    ])
  })

  it('matching: source.target pairs joined by commas', () => {
    expect(scorm12AnswerWrites(answer({
      index: 6, question: q('q-match'), response: [['1', 'b'], ['2', 'c'], ['3', 'd']], correct: false, weight: 2,
    }))).toEqual([
      ['cmi.interactions.6.id', 'q-match'],
      ['cmi.interactions.6.type', 'matching'],
      ['cmi.interactions.6.student_response', '1.b,2.c,3.d'],
      ['cmi.interactions.6.correct_responses.0.pattern', '1.b,2.a,3.d'],
      ['cmi.interactions.6.result', 'wrong'],
      ['cmi.interactions.6.weighting', '2'],
      ['cmi.interactions.6.time', '10:04:12'],
      ['cmi.interactions.6.latency', '00:12:34.56'],
    ])
  })

  it('sequencing: ids in the learner\'s order joined by commas', () => {
    expect(scorm12AnswerWrites(answer({ index: 7, question: q('q-seq'), response: ['b', 'a', 'c', 'd'], correct: false }))).toEqual([
      ['cmi.interactions.7.id', 'q-seq'],
      ['cmi.interactions.7.type', 'sequencing'],
      ['cmi.interactions.7.student_response', 'b,a,c,d'],
      ['cmi.interactions.7.correct_responses.0.pattern', 'a,b,c,d'],
      ['cmi.interactions.7.result', 'wrong'],
      ['cmi.interactions.7.weighting', '1'],
      ['cmi.interactions.7.time', '10:04:12'],
      ['cmi.interactions.7.latency', '00:12:34.56'],
    ])
  })

  it('likert: one character, no pattern, neutral, weighting 0', () => {
    expect(scorm12AnswerWrites(answer({ index: 8, question: q('q-likert'), response: ['d'], correct: null, weight: 0 }))).toEqual([
      ['cmi.interactions.8.id', 'q-likert'],
      ['cmi.interactions.8.type', 'likert'],
      ['cmi.interactions.8.student_response', 'd'],
      ['cmi.interactions.8.result', 'neutral'],
      ['cmi.interactions.8.weighting', '0'],
      ['cmi.interactions.8.time', '10:04:12'],
      ['cmi.interactions.8.latency', '00:12:34.56'],
    ])
  })

  it('reflection: a fill-in cut to 255 characters, no pattern, neutral, weighting 0', () => {
    const text = `Je retiens :\n${'é'.repeat(300)}`
    expect(scorm12AnswerWrites(answer({ index: 9, question: q('q-reflect'), response: text, correct: null, weight: 0 }))).toEqual([
      ['cmi.interactions.9.id', 'q-reflect'],
      ['cmi.interactions.9.type', 'fill-in'],
      ['cmi.interactions.9.student_response', `Je retiens : ${'é'.repeat(242)}`],
      ['cmi.interactions.9.result', 'neutral'],
      ['cmi.interactions.9.weighting', '0'],
      ['cmi.interactions.9.time', '10:04:12'],
      ['cmi.interactions.9.latency', '00:12:34.56'],
    ])
  })

  it('patterns of every type', () => {
    expect(questions.map((question) => [question.id, scorm12Patterns(question)])).toEqual([
      ['q-single', ['b']],
      ['q-multiple', ['a,b,d']],
      ['q-tf', ['f']],
      ['q-fill', ['Paris']],
      ['q-num', ['42']],
      ['q-range', []],
      ['q-match', ['1.b,2.a,3.d']],
      ['q-seq', ['a,b,c,d']],
      ['q-likert', []],
      ['q-reflect', []],
    ])
  })

  it('never names a 2004 element', () => {
    const all = [passed, failed, completed, ongoing].flatMap(scorm12ReportWrites)
      .concat(scorm12AnswerWrites(answer()), scorm12FinishWrites('normal', 1), scorm12ProgressWrites('x', 'y').writes)
      .concat(questions.flatMap((question) => scorm12AnswerWrites(answer({ question, response: samples[question.id]! }))))
    for (const [element] of all) expect(element).toMatch(/^cmi\.(core\.|suspend_data$|interactions\.)/)
  })

  it('finish: session time then exit (suspend, or "" once finished)', () => {
    expect(scorm12FinishWrites('suspend', 754_560)).toEqual([['cmi.core.session_time', '00:12:34.56'], ['cmi.core.exit', 'suspend']])
    expect(scorm12FinishWrites('normal', 0)).toEqual([['cmi.core.session_time', '00:00:00.00'], ['cmi.core.exit', '']])
  })

  it('leaves out a location or state over the 1.2 limits', () => {
    expect(scorm12ProgressWrites('quiz', '1~k').writes).toEqual([['cmi.core.lesson_location', 'quiz'], ['cmi.suspend_data', '1~k']])
    expect(scorm12ProgressWrites('x'.repeat(256), 'y'.repeat(4097))).toEqual({ writes: [], rejected: ['cmi.core.lesson_location', 'cmi.suspend_data'] })
    expect(scorm12ProgressWrites('x'.repeat(255), 'y'.repeat(4096)).writes).toHaveLength(2)
  })

  it('reads the launch: mode, credit, resume data, first launch', () => {
    expect(scorm12LaunchData({
      'cmi.core.lesson_location': 'quiz', 'cmi.suspend_data': '1~k', 'cmi.core.lesson_mode': 'review', 'cmi.core.credit': 'no-credit',
      'cmi.core.lesson_status': 'incomplete', 'cmi.core.student_name': 'Martin, Léa', 'cmi.core.student_id': 'lmartin',
    })).toEqual({
      launch: {
        mode: 'review', credit: false, suspendData: '1~k', location: 'quiz', initialStatus: 'incomplete', learnerName: 'Martin, Léa', learnerId: 'lmartin',
      },
      firstLaunch: false,
    })
    expect(scorm12LaunchData({ 'cmi.core.lesson_status': 'not attempted', 'cmi.core.lesson_mode': '', 'cmi.core.credit': '' })).toEqual({
      launch: { mode: 'normal', credit: true, suspendData: '', location: '', initialStatus: 'not attempted' },
      firstLaunch: true,
    })
  })
})

describe('SCORM 1.2 tracker (fake API)', () => {
  const firstLaunch = { 'cmi.core.lesson_status': 'not attempted', 'cmi.core.lesson_mode': 'normal', 'cmi.core.credit': 'credit' }

  it('first launch: Initialize, reads, incomplete and Commit at once', () => {
    const { api, calls } = fakeApi('scorm12', { values: firstLaunch })
    const launch = createScorm12Tracker(api).start()
    expect(launch).toMatchObject({ mode: 'normal', credit: true, suspendData: '', location: '' })
    expect(calls).toEqual([
      ['LMSInitialize', ''],
      ['LMSGetValue', 'cmi.core.lesson_location'],
      ['LMSGetValue', 'cmi.suspend_data'],
      ['LMSGetValue', 'cmi.core.lesson_mode'],
      ['LMSGetValue', 'cmi.core.credit'],
      ['LMSGetValue', 'cmi.core.lesson_status'],
      ['LMSGetValue', 'cmi.core.student_name'],
      ['LMSGetValue', 'cmi.core.student_id'],
      ['LMSGetValue', 'cmi.interactions._count'],
      ['LMSSetValue', 'cmi.core.lesson_status', 'incomplete'],
      ['LMSSetValue', 'cmi.core.exit', 'suspend'],
      ['LMSCommit', ''],
    ])
  })

  it('a resumed launch sets no status, only exit=suspend so that a crash still resumes', () => {
    const { api, calls, sets } = fakeApi('scorm12', { values: { 'cmi.core.lesson_status': 'incomplete', 'cmi.suspend_data': '1~k', 'cmi.core.lesson_location': 'quiz' } })
    const tracker = createScorm12Tracker(api)
    expect(tracker.start()).toMatchObject({ suspendData: '1~k', location: 'quiz' })
    expect(sets()).toEqual([['cmi.core.exit', 'suspend']])
    calls.length = 0
    tracker.saveProgress('quiz', '1~k')
    expect(sets()).toEqual([])
    tracker.saveProgress('intro', '1~l')
    expect(sets()).toEqual([['cmi.core.lesson_location', 'intro'], ['cmi.suspend_data', '1~l']])
  })

  it('final report: writes in order, then Commit', () => {
    const { api, calls } = fakeApi('scorm12', { values: { 'cmi.core.lesson_status': 'incomplete' } })
    const tracker = createScorm12Tracker(api)
    tracker.start()
    calls.length = 0
    tracker.reportResult(passed)
    expect(calls).toEqual([
      ['LMSSetValue', 'cmi.core.score.min', '0'],
      ['LMSSetValue', 'cmi.core.score.max', '100'],
      ['LMSSetValue', 'cmi.core.score.raw', '85'],
      ['LMSSetValue', 'cmi.core.lesson_status', 'passed'],
      ['LMSCommit', ''],
    ])
  })

  it.each([
    ['browse', { 'cmi.core.lesson_mode': 'browse' }],
    ['review', { 'cmi.core.lesson_mode': 'review' }],
    ['no-credit', { 'cmi.core.credit': 'no-credit' }],
  ])('%s: no status, score or interaction write, even at first launch', (_name, values) => {
    const { api, sets } = fakeApi('scorm12', { values: { ...firstLaunch, ...values } })
    const tracker = createScorm12Tracker(api)
    tracker.start()
    tracker.reportResult(ongoing)
    tracker.reportResult(passed)
    tracker.recordAnswer(answer())
    tracker.saveProgress('quiz', '')
    expect(sets()).toEqual([['cmi.core.lesson_location', 'quiz']])
  })

  it('finish: session time, exit, Commit, LMSFinish; nothing after', () => {
    const { api, calls } = fakeApi('scorm12', { values: { 'cmi.core.lesson_status': 'incomplete' } })
    const tracker = createScorm12Tracker(api)
    tracker.start()
    calls.length = 0
    tracker.finish('suspend', 754_560)
    tracker.finish('normal', 1)
    tracker.saveProgress('quiz', 'x')
    tracker.recordAnswer(answer())
    tracker.reportResult(passed)
    expect(tracker.commit()).toBe(false)
    expect(calls).toEqual([
      ['LMSSetValue', 'cmi.core.session_time', '00:12:34.56'],
      ['LMSSetValue', 'cmi.core.exit', 'suspend'],
      ['LMSCommit', ''],
      ['LMSFinish', ''],
    ])
  })

  it('drops the rest of an interaction when the LMS rejects a field, silently', () => {
    const { api, calls, sets } = fakeApi('scorm12', {
      values: { 'cmi.core.lesson_status': 'incomplete' },
      override: { setValue: (element) => (element!.endsWith('.type') ? 'false' : 'true') },
    })
    const tracker = createScorm12Tracker(api, { log: memoryLog() })
    tracker.start()
    calls.length = 0
    tracker.recordAnswer(answer())
    expect(sets()).toEqual([['cmi.interactions.0.id', 'q-definition'], ['cmi.interactions.0.type', 'choice']])
    expect(tracker.health()).toBe('connected')
  })

  it('journals at the LMS _count when it gives one: a resumed session on an empty journal starts at 0', () => {
    const { api, calls, sets } = fakeApi('scorm12', { values: { 'cmi.core.lesson_status': 'incomplete', 'cmi.interactions._count': '0' } })
    const tracker = createScorm12Tracker(api, { log: memoryLog() })
    tracker.start()
    calls.length = 0
    tracker.recordAnswer(answer({ index: 3 }))
    tracker.recordAnswer(answer({ index: 4, question: { ...definition, id: 'q-next' } }))
    expect(sets().filter(([element]) => element.endsWith('.id'))).toEqual([
      ['cmi.interactions.0.id', 'q-definition'], ['cmi.interactions.1.id', 'q-next'],
    ])
  })

  it("keeps its own counter when the LMS's _count is unusable (Open edX answers \"\")", () => {
    const { api, calls, sets } = fakeApi('scorm12', { values: { 'cmi.core.lesson_status': 'incomplete', 'cmi.interactions._count': '' } })
    const tracker = createScorm12Tracker(api, { log: memoryLog() })
    tracker.start()
    calls.length = 0
    tracker.recordAnswer(answer({ index: 3 }))
    expect(sets()[0]).toEqual(['cmi.interactions.3.id', 'q-definition'])
  })

  it('Commit returning "false": failing, logged with the error string, no exception', () => {
    const log = memoryLog()
    const { api } = fakeApi('scorm12', { values: { 'cmi.core.lesson_status': 'incomplete' }, override: { commit: () => 'false' } })
    const tracker = createScorm12Tracker(api, { log })
    tracker.start()
    tracker.saveProgress('intro', 'x')
    expect(tracker.health()).toBe('failing')
    expect(log.messages[0]).toBe('[cafes] LMSCommit("") failed: 101 error 101 (diagnostic 101)')
  })

  it('API methods throwing: failing, never an exception, recovered on the next good commit', () => {
    let broken = true
    const { api } = fakeApi('scorm12', {
      values: { 'cmi.core.lesson_status': 'incomplete' },
      override: {
        setValue: () => { if (broken) throw new Error('gone'); return 'true' },
        commit: () => { if (broken) throw new Error('gone'); return 'true' },
      },
    })
    const tracker = createScorm12Tracker(api, { log: memoryLog() })
    tracker.start()
    expect(() => {
      tracker.saveProgress('intro', 'x')
      tracker.recordAnswer(answer())
      tracker.reportResult(passed)
    }).not.toThrow()
    expect(tracker.health()).toBe('failing')
    broken = false
    tracker.saveProgress('notions', 'y')
    expect(tracker.health()).toBe('connected')
  })

  it('a final report that failed is written again, whole and in order, on the next commit', () => {
    let fail = true
    const { api, calls } = fakeApi('scorm12', {
      values: { 'cmi.core.lesson_status': 'incomplete' },
      override: { setValue: (element) => (fail && element === 'cmi.core.score.raw' ? 'false' : 'true') },
    })
    const tracker = createScorm12Tracker(api, { log: memoryLog() })
    tracker.start()
    calls.length = 0
    tracker.reportResult(passed)
    // Stopped before the status: no incoherent status without its score.
    expect(calls).toEqual([
      ['LMSSetValue', 'cmi.core.score.min', '0'],
      ['LMSSetValue', 'cmi.core.score.max', '100'],
      ['LMSSetValue', 'cmi.core.score.raw', '85'],
      ['LMSCommit', ''],
    ])
    expect(tracker.health()).toBe('failing')
    fail = false
    calls.length = 0
    expect(tracker.commit()).toBe(true)
    expect(calls).toEqual([
      ['LMSSetValue', 'cmi.core.score.min', '0'],
      ['LMSSetValue', 'cmi.core.score.max', '100'],
      ['LMSSetValue', 'cmi.core.score.raw', '85'],
      ['LMSSetValue', 'cmi.core.lesson_status', 'passed'],
      ['LMSCommit', ''],
    ])
    expect(tracker.health()).toBe('connected')
  })

  it('retries a failed final report a bounded number of times', () => {
    const { api, calls } = fakeApi('scorm12', {
      values: { 'cmi.core.lesson_status': 'incomplete' },
      override: { setValue: (element) => (element === 'cmi.core.score.raw' ? 'false' : 'true') },
    })
    const tracker = createScorm12Tracker(api, { log: memoryLog() })
    tracker.start()
    tracker.reportResult(passed)
    for (let tick = 0; tick < 20; tick++) tracker.commit()
    expect(calls.filter((call) => call[1] === 'cmi.core.score.raw')).toHaveLength(6)
    expect(tracker.health()).toBe('failing')
  })

  it('an API object that vanished (methods gone): failing, no exception', () => {
    const { api } = fakeApi('scorm12', { values: { 'cmi.core.lesson_status': 'incomplete' } })
    const tracker = createScorm12Tracker(api, { log: memoryLog() })
    tracker.start()
    for (const key of Object.keys(api)) delete api[key]
    expect(() => tracker.saveProgress('intro', 'x')).not.toThrow()
    expect(tracker.health()).toBe('failing')
    expect(() => tracker.finish('suspend', 1)).not.toThrow()
  })

  it('does not write a state over 4096 characters: keeps the previous one', () => {
    const log = memoryLog()
    const { api, calls, sets } = fakeApi('scorm12', { values: { 'cmi.core.lesson_status': 'incomplete' } })
    const tracker = createScorm12Tracker(api, { log })
    tracker.start()
    calls.length = 0
    tracker.saveProgress('intro', 'y'.repeat(4097))
    expect(sets()).toEqual([['cmi.core.lesson_location', 'intro']])
    expect(log.messages).toEqual(['[cafes] cmi.suspend_data not written: over the scorm12 limit'])
  })

  it('Initialize failing: detached, and no further call', () => {
    const { api, calls } = fakeApi('scorm12', { override: { initialize: () => 'false' } })
    const tracker = createScorm12Tracker(api, { log: memoryLog() })
    expect(tracker.start()).toEqual({ mode: 'normal', credit: true, suspendData: '', location: '' })
    tracker.saveProgress('intro', 'x')
    tracker.finish('suspend', 1)
    expect(calls).toEqual([['LMSInitialize', '']])
    expect(tracker.health()).toBe('detached')
  })
})

function pathRecord(overrides: Partial<PathRecord> = {}): PathRecord {
  return {
    index: 2, scenario: scenarioBlock(), path: ['debut', 'verif', 'fin-ok'], outcome: 'success', weight: 2,
    timestamp: new Date(2024, 4, 1, 10, 4, 12, 300), latencyMs: 754_560, ...overrides,
  }
}

describe('SCORM 1.2 scenario paths', () => {
  it('performance: the node ids joined by `,`, the result from the ending, no pattern', () => {
    expect(scorm12PathWrites(pathRecord())).toEqual([
      ['cmi.interactions.2.id', 'reunion'],
      ['cmi.interactions.2.type', 'performance'],
      ['cmi.interactions.2.student_response', 'debut,verif,fin-ok'],
      ['cmi.interactions.2.result', 'correct'],
      ['cmi.interactions.2.weighting', '2'],
      ['cmi.interactions.2.time', '10:04:12'],
      ['cmi.interactions.2.latency', '00:12:34.56'],
    ])
    expect(scorm12PathWrites(pathRecord({ path: ['debut', 'fin-ko'], outcome: 'failure' }))[3]).toEqual(['cmi.interactions.2.result', 'wrong'])
    expect(scorm12PathWrites(pathRecord({ outcome: 'neutral', weight: 0 })).slice(3, 5)).toEqual([
      ['cmi.interactions.2.result', 'neutral'], ['cmi.interactions.2.weighting', '0'],
    ])
  })

  it('cuts a long path to 255 characters (CMIFeedback)', () => {
    const path = Array.from({ length: 36 }, (_, index) => `etape-numero-${index}`)
    expect(scorm12PathWrites(pathRecord({ path }))[2]).toEqual(['cmi.interactions.2.student_response', path.join(',').slice(0, 255)])
  })

  it('journals a path like an answer, at the LMS _count', () => {
    const { api, calls, sets } = fakeApi('scorm12', { values: { 'cmi.core.lesson_status': 'incomplete', 'cmi.interactions._count': '1' } })
    const tracker = createScorm12Tracker(api, { log: memoryLog() })
    tracker.start()
    calls.length = 0
    tracker.recordPath(pathRecord({ index: 0 }))
    expect(sets()[0]).toEqual(['cmi.interactions.1.id', 'reunion'])
    expect(sets()).toHaveLength(7)
  })
})
