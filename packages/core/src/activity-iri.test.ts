import { describe, expect, it } from 'vitest'
import { ACTIVITY_NAME_LIMIT, activityName, childIri, DEFAULT_XAPI_BASE_IRI, moduleIri } from './activity-iri.js'

describe('activity IRIs', () => {
  it('joins the base and the module id with exactly one slash', () => {
    expect(moduleIri('https://example.org/cafes', 'transparence')).toBe('https://example.org/cafes/transparence')
    expect(moduleIri('https://example.org/cafes/', 'transparence')).toBe('https://example.org/cafes/transparence')
    expect(moduleIri(DEFAULT_XAPI_BASE_IRI, 'demo')).toBe('https://cafes.invalid/xapi/demo')
  })

  it('names child activities by kind and encodes their ids', () => {
    const course = 'https://example.org/cafes/demo'
    expect(childIri(course, 'questions', 'q1')).toBe('https://example.org/cafes/demo/questions/q1')
    expect(childIri(course, 'pages', 'a b')).toBe('https://example.org/cafes/demo/pages/a%20b')
    expect(childIri(course, 'au')).toBe('https://example.org/cafes/demo/au')
  })
})

describe('activityName', () => {
  it('keeps a short line, joins lines, cuts long ones at a space, and falls back when empty', () => {
    expect(activityName('Court ?', 'id')).toBe('Court ?')
    expect(activityName(' Deux\n  lignes ', 'id')).toBe('Deux lignes')
    expect(activityName('   ', 'q1')).toBe('q1')
    expect(activityName('x'.repeat(100), 'id')).toBe(`${'x'.repeat(ACTIVITY_NAME_LIMIT - 1)}…`)
    expect(activityName(`${'mot '.repeat(30)}`, 'id')).toBe(`${'mot '.repeat(19).trimEnd()}…`)
  })
})
