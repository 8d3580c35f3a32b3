import { describe, expect, it } from 'vitest'
import type { ApiCall, SimAttempt, SimSession, XapiStatement } from '@cafes/lms-sim'
import { scormRecord, xapiRecord } from './lms-record.js'

let seq = 0
function call(method: string, args: string[], result = 'true', errorCode = '0'): ApiCall {
  return { seq: seq++, method, args, result, errorCode }
}

function session(edition: 'scorm12' | 'scorm2004', calls: ApiCall[]): SimSession {
  return { id: 's1', packageId: 'p1', learner: 'learner-1', edition, options: {}, calls }
}

describe('scormRecord', () => {
  it('reads SCORM 1.2 status, score, location, suspend_data and the interactions the API accepted', () => {
    const calls = [
      call('LMSInitialize', ['']),
      call('LMSSetValue', ['cmi.core.lesson_status', 'incomplete']),
      call('LMSSetValue', ['cmi.core.lesson_location', 'quiz']),
      call('LMSSetValue', ['cmi.suspend_data', 'abc']),
      call('LMSSetValue', ['cmi.interactions.0.id', 'q-definition']),
      call('LMSSetValue', ['cmi.interactions.0.type', 'choice']),
      call('LMSSetValue', ['cmi.interactions.0.student_response', 'b']),
      call('LMSSetValue', ['cmi.interactions.0.result', 'correct']),
      call('LMSSetValue', ['cmi.core.score.raw', '100']),
      call('LMSSetValue', ['cmi.core.score.min', '0']),
      call('LMSSetValue', ['cmi.core.score.max', '100']),
      call('LMSSetValue', ['cmi.core.lesson_status', 'passed']),
      call('LMSCommit', ['']),
      call('LMSSetValue', ['cmi.core.bogus', 'x'], 'false', '401'),
    ]
    const record = scormRecord('scorm12', undefined, session('scorm12', calls))
    expect(record).toMatchObject({
      status: 'passed',
      score: '100 (0–100)',
      progress: null,
      location: 'quiz',
      suspendData: { length: 3, limit: 4096 },
      uncommitted: false,
      interactions: [{ id: 'q-definition', type: 'choice', response: 'b', result: 'correct' }],
      refusedCalls: [{ method: 'LMSSetValue', args: ['cmi.core.bogus', 'x'], errorCode: '401' }],
    })
  })

  it('says when accepted values are not committed yet', () => {
    const calls = [call('LMSInitialize', ['']), call('LMSCommit', ['']), call('LMSSetValue', ['cmi.core.lesson_location', 'p2'])]
    expect(scormRecord('scorm12', undefined, session('scorm12', calls)).uncommitted).toBe(true)
  })

  it('starts from what the LMS persisted for the attempt, and reads SCORM 2004 names', () => {
    const attempt: SimAttempt = {
      packageId: 'p1',
      learner: 'learner-1',
      sessions: [],
      cmi: {
        completion_status: 'completed',
        success_status: 'failed',
        location: 'quiz',
        suspend_data: 'x'.repeat(10),
        score: { raw: '50', min: '0', max: '100', scaled: '0.5' },
        progress_measure: '1',
        interactions: { '0': { id: 'q-a', type: 'true-false', learner_response: 'true', result: 'incorrect' } },
      },
    }
    const calls = [call('Initialize', ['']), call('GetValue', ['cmi.location'], '', '403'), call('SetValue', ['cmi.location', 'intro'])]
    expect(scormRecord('scorm2004', attempt, session('scorm2004', calls))).toMatchObject({
      status: 'completed, failed',
      score: '50 (0–100), scaled 0.5',
      progress: '100 %',
      location: 'intro',
      suspendData: { length: 10, limit: 64000 },
      uncommitted: true,
      interactions: [{ id: 'q-a', type: 'true-false', response: 'true', result: 'incorrect' }],
      // Reading an element never set (403) is no refusal.
      refusedCalls: [],
    })
  })

  it('is empty before any launch', () => {
    expect(scormRecord('scorm12', undefined, undefined)).toMatchObject({ status: null, score: null, location: null, interactions: [] })
  })
})

function statement(verb: string, extra: Partial<XapiStatement> = {}): XapiStatement {
  return {
    id: `id-${verb}-${seq++}`,
    actor: { account: { homePage: 'http://lms', name: 'learner-1' } },
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
    object: { id: 'https://cafes.invalid/xapi/demo', definition: { name: { 'fr-FR': 'Démo' } } },
    ...extra,
  }
}

describe('xapiRecord', () => {
  it('lists every statement and derives status, score, answers and the saved state', () => {
    const answered = statement('answered', {
      object: { id: 'https://cafes.invalid/xapi/demo/q-definition', definition: { interactionType: 'choice', name: { 'fr-FR': 'Quelle affirmation ?' } } },
      result: { response: 'b', success: true },
    })
    const statements = [
      statement('initialized'),
      answered,
      statement('completed', { result: { completion: true } }),
      statement('passed', { result: { success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } } }),
    ]
    const record = xapiRecord(statements, { location: 'quiz', suspendData: 'abcd' })
    expect(record).toMatchObject({
      status: 'completed, passed',
      score: '100 (0–100), scaled 1',
      location: 'quiz',
      suspendData: { length: 4, limit: null },
      interactions: [{ id: 'q-definition', type: 'choice', response: 'b', result: 'correct' }],
    })
    expect(record.statements.map((entry) => [entry.verb, entry.object, entry.result])).toEqual([
      ['initialized', 'Démo', ''],
      ['answered', 'Quelle affirmation ?', 'success, response "b"'],
      ['completed', 'Démo', 'completion'],
      ['passed', 'Démo', 'score 100 (0–100), scaled 1, success'],
    ])
    expect(record.statements[1]?.statement).toBe(answered)
  })

  it('has no status before the first statement', () => {
    expect(xapiRecord([], undefined)).toMatchObject({ status: null, score: null, statements: [], suspendData: null })
  })
})
