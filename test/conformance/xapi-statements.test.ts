import { resolve } from 'node:path'
import validateStatement from '@learninglocker/xapi-validation'
import { describe, expect, it } from 'vitest'
import { compileModule } from '@cafes/compiler'
import { correctResponse, courseQuestions, statefulBlocks, type Course, type Question, type Response } from '@cafes/core'
import {
  answerStatement,
  CMI5_CATEGORY,
  CMI5_MASTERY_EXTENSION,
  CMI5_MOVEON,
  pageStatement,
  pathStatement,
  resultStatements,
  sessionStatement,
  type Statement,
  type StatementSession,
} from '@cafes/player'
import { ROOT } from '../support/build-modules.js'

const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid'

async function kitchenSink(): Promise<Course> {
  const result = await compileModule(resolve(ROOT, 'examples/kitchen-sink'), { cwd: ROOT })
  if (!result.module) throw new Error(result.diagnostics.map((d) => d.message).join('\n'))
  return result.module.course
}

/** A plausible response for every question type (the right one when there is one). */
function sampleResponse(question: Question): Response {
  const right = correctResponse(question)
  if (right !== null) return right
  switch (question.type) {
    case 'likert':
      return [question.scale[0]!.id]
    case 'numeric':
      return String(question.min)
    default:
      return 'Une réponse « libre », avec des accents et\nun retour à la ligne.'
  }
}

/** Every statement the player can emit for a course, in one session. */
function everyStatement(course: Course, session: StatementSession): Statement[] {
  const statements = [sessionStatement(session, 'initialized'), sessionStatement(session, 'resumed')]
  for (const page of course.pages) statements.push(pageStatement(session, page))
  courseQuestions(course).forEach((question, index) => {
    const response = sampleResponse(question)
    statements.push(answerStatement(session, {
      index, question, response, correct: question.weight > 0 ? true : null, weight: question.weight,
      timestamp: new Date('2026-12-02T10:00:00.123Z'), latencyMs: 12_345,
    }))
  })
  for (const block of statefulBlocks(course)) {
    if (block.kind !== 'scenario') continue
    for (const outcome of ['success', 'neutral', 'failure'] as const) {
      statements.push(pathStatement(session, {
        index: 0, scenario: block, path: [block.start, ...block.nodes.filter((node) => node.ending).map((node) => node.id).slice(0, 1)],
        outcome, weight: block.weight, timestamp: new Date(), latencyMs: 61_000,
      }))
    }
  }
  for (const success of ['passed', 'failed'] as const) {
    const raw = success === 'passed' ? 85 : 40
    statements.push(...resultStatements(session, {
      completion: 'completed', success, progress: 1, final: true, score: { raw, min: 0, max: 100, scaled: raw / 100 },
    }, 754_560))
  }
  statements.push(sessionStatement(session, 'suspended', 3_600_000), sessionStatement(session, 'terminated', 3_600_000))
  return statements
}

function session(course: Course, cmi5: boolean): StatementSession {
  let counter = 0
  const base: StatementSession = {
    course,
    actor: { objectType: 'Agent', name: 'Camille Martin', account: { homePage: 'https://lms.example.com', name: 'camille' } },
    registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
    activityId: cmi5 ? 'https://lms.example.com/activities/42' : course.iri,
    newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
    now: () => new Date('2026-12-02T10:00:00.000Z'),
  }
  if (cmi5) {
    base.cmi5 = {
      contextTemplate: {
        contextActivities: { grouping: [{ id: `${course.iri}/au` }] },
        extensions: { [SESSION_ID]: 'session-1' },
      },
      launchMode: 'Normal',
      masteryScore: 0.8,
    }
  }
  return base
}

describe('statements for the kitchen-sink module', () => {
  it.each([['Tin Can', false], ['cmi5', true]] as const)('%s: every statement passes @learninglocker/xapi-validation', async (_, cmi5) => {
    const course = await kitchenSink()
    const statements = everyStatement(course, session(course, cmi5))
    expect(statements.length).toBeGreaterThan(20)
    for (const statement of statements) {
      const problems = validateStatement(structuredClone(statement)).map((warning) => `${warning.name} at ${warning.path.join('.')}: ${JSON.stringify(warning.data)}`)
      expect(problems, `${statement.verb.id} ${statement.object.id}`).toEqual([])
    }
  })

  it('describes every question with its interaction definition and a response in the xAPI syntax', async () => {
    const course = await kitchenSink()
    const statements = everyStatement(course, session(course, false)).filter((statement) => statement.verb.id.endsWith('/answered'))
    const types = new Set(statements.map((statement) => (statement.object.definition as { interactionType: string }).interactionType))
    expect([...types].sort()).toEqual(['choice', 'fill-in', 'likert', 'long-fill-in', 'matching', 'numeric', 'other', 'sequencing', 'true-false'])
    for (const statement of statements) {
      expect(statement.object.id.startsWith(`${course.iri}/`)).toBe(true)
      expect(statement.context.registration).toBe('760e3480-ba55-4991-94b0-01820dbd23a2')
      const { parent = [], grouping = [] } = statement.context.contextActivities ?? {}
      expect([...parent, ...grouping].map((activity) => activity.id)).toContain(course.iri)
      expect(typeof statement.result?.response).toBe('string')
    }
  })

  it('cmi5: the template is kept, the cmi5 category is on defined statements only, moveon exactly where a result decides', async () => {
    const course = await kitchenSink()
    for (const statement of everyStatement(course, session(course, true))) {
      const verb = statement.verb.id.split('/').at(-1)!
      const categories = (statement.context.contextActivities?.category ?? []).map((activity) => activity.id)
      const defined = ['initialized', 'completed', 'passed', 'failed', 'terminated'].includes(verb)
      expect(statement.context.extensions?.[SESSION_ID], verb).toBe('session-1')
      expect(statement.context.contextActivities?.grouping, verb).toEqual([{ id: `${course.iri}/au` }])
      expect(statement.timestamp.endsWith('Z')).toBe(true)
      expect(categories.includes(CMI5_CATEGORY), verb).toBe(defined)
      expect(categories.includes(CMI5_MOVEON), verb).toBe(['completed', 'passed', 'failed'].includes(verb))
      if (defined) expect(statement.object.id).toBe('https://lms.example.com/activities/42')
      if (verb === 'passed' || verb === 'failed') expect(statement.context.extensions?.[CMI5_MASTERY_EXTENSION]).toBe(0.8)
      else expect(statement.context.extensions?.[CMI5_MASTERY_EXTENSION]).toBeUndefined()
      if (['completed', 'passed', 'failed', 'terminated'].includes(verb)) expect(statement.result?.duration).toMatch(/^PT/)
      if (verb === 'completed') expect(statement.result).toEqual({ completion: true, duration: 'PT12M34.56S' })
      if (verb === 'failed') expect(statement.result?.completion).toBeUndefined()
    }
  })
})
