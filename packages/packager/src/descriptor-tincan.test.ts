import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ACTIVITY_NAME_LIMIT, childIri, courseQuestions, type Course, type CoursePage, type Question } from '@cafes/core'
import { compileModule } from '@cafes/compiler'
import { describe, expect, it } from 'vitest'
import { makeModule } from '../test/helpers.js'
import { validateDescriptor } from '../test/xmllint.js'
import { checkDescriptor } from './check-descriptor.js'
import { tincanXml } from './descriptor-tincan.js'

const PAGES: CoursePage[] = [
  {
    id: 'intro',
    title: 'Intro',
    blocks: [
      { kind: 'html', html: '<p>Bonjour</p>' },
      {
        kind: 'quiz',
        quiz: 'q-vf',
        questions: [{ id: 'vf', type: 'true-false', weight: 1, promptHtml: '<p>L’IA se trompe ?</p>', prompt: 'L’IA se trompe ?', answer: true }],
      },
      {
        kind: 'scenario',
        id: 'client',
        title: 'Un client pressé',
        prompt: 'Un client veut une réponse tout de suite.',
        weight: 1,
        allowBack: false,
        start: 'debut',
        nodes: [
          { id: 'debut', html: '<p>?</p>', choices: [{ id: 'a', html: 'Fin', text: 'Fin', target: 'fin', points: 1 }] },
          { id: 'fin', html: '<p>Fin</p>', ending: { outcome: 'success' }, choices: [] },
        ],
        maxPoints: 1,
      },
    ],
  },
  {
    id: 'defi',
    title: 'Défi',
    blocks: [
      {
        kind: 'challenge',
        id: 'mini-defi',
        title: 'Mini-défi',
        instructionsHtml: '<p>À vous.</p>',
        checklist: [],
        quiz: {
          kind: 'quiz',
          quiz: 'defi-quiz',
          questions: [
            {
              id: 'paires', type: 'matching', weight: 1, promptHtml: '<p>Associez.</p>', prompt: 'Associez.',
              sources: [{ id: '1', html: 'Biais', text: 'Biais' }, { id: '2', html: 'Fuite', text: 'Fuite' }],
              targets: [{ id: 'a', html: 'Données', text: 'Données' }, { id: 'b', html: 'Équité', text: 'Équité' }],
              pairs: [['1', 'b'], ['2', 'a']],
            },
          ],
        },
      },
    ],
  },
]

function smallCourse(): Course {
  const { course } = makeModule({ id: 'cafe', title: 'Café & IA', pages: PAGES, completion: 'pages-and-passed', passMark: 80 })
  return {
    ...course,
    description: 'En bref.',
    quizzes: [
      { id: 'q-vf', title: 'Vrai ou faux', passMark: 80, questionIds: ['vf'], attempts: 1, shuffle: false, showCorrect: true },
      { id: 'defi-quiz', passMark: 80, questionIds: ['paires'], attempts: 1, shuffle: false, showCorrect: true },
    ],
  }
}

/** A course of one page holding these questions in one quiz. */
function courseWith(questions: Question[]): Course {
  return makeModule({ pages: [{ id: 'p', title: 'P', blocks: [{ kind: 'quiz', quiz: 'q', questions }] }] }).course
}

describe('tincanXml', () => {
  it('writes the exact descriptor: the launchable course, then pages, quizzes, questions and scenarios in page order', () => {
    expect(tincanXml(smallCourse())).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="https://example.org/xapi/cafe" type="http://adlnet.gov/expapi/activities/course">
      <name lang="fr">Café &amp; IA</name>
      <description lang="fr">En bref.</description>
      <launch lang="fr">index.html</launch>
    </activity>
    <activity id="https://example.org/xapi/cafe/pages/intro" type="http://adlnet.gov/expapi/activities/lesson">
      <name lang="fr">Intro</name>
      <description lang="fr">Intro</description>
    </activity>
    <activity id="https://example.org/xapi/cafe/quizzes/q-vf" type="http://adlnet.gov/expapi/activities/assessment">
      <name lang="fr">Vrai ou faux</name>
      <description lang="fr">Vrai ou faux</description>
    </activity>
    <activity id="https://example.org/xapi/cafe/questions/vf" type="http://adlnet.gov/expapi/activities/cmi.interaction">
      <name lang="fr">L’IA se trompe ?</name>
      <description lang="fr">L’IA se trompe ?</description>
      <interactionType>true-false</interactionType>
      <correctResponsePatterns>
        <correctResponsePattern>true</correctResponsePattern>
      </correctResponsePatterns>
    </activity>
    <activity id="https://example.org/xapi/cafe/scenarios/client" type="http://adlnet.gov/expapi/activities/cmi.interaction">
      <name lang="fr">Un client pressé</name>
      <description lang="fr">Un client veut une réponse tout de suite.</description>
      <interactionType>other</interactionType>
    </activity>
    <activity id="https://example.org/xapi/cafe/pages/defi" type="http://adlnet.gov/expapi/activities/lesson">
      <name lang="fr">Défi</name>
      <description lang="fr">Défi</description>
    </activity>
    <activity id="https://example.org/xapi/cafe/quizzes/defi-quiz" type="http://adlnet.gov/expapi/activities/assessment">
      <name lang="fr">defi-quiz</name>
      <description lang="fr">defi-quiz</description>
    </activity>
    <activity id="https://example.org/xapi/cafe/questions/paires" type="http://adlnet.gov/expapi/activities/cmi.interaction">
      <name lang="fr">Associez.</name>
      <description lang="fr">Associez.</description>
      <interactionType>matching</interactionType>
      <correctResponsePatterns>
        <correctResponsePattern>1[.]b[,]2[.]a</correctResponsePattern>
      </correctResponsePatterns>
      <source>
        <component>
          <id>1</id>
          <description lang="fr">Biais</description>
        </component>
        <component>
          <id>2</id>
          <description lang="fr">Fuite</description>
        </component>
      </source>
      <target>
        <component>
          <id>a</id>
          <description lang="fr">Données</description>
        </component>
        <component>
          <id>b</id>
          <description lang="fr">Équité</description>
        </component>
      </target>
    </activity>
  </activities>
</tincan>
`)
  })

  it('is valid against tincan.xsd and passes the descriptor checks', () => {
    const xml = tincanXml(smallCourse())
    validateDescriptor('xapi', xml)
    expect(checkDescriptor({ descriptor: xml, files: ['index.html', 'tincan.xml'], file: 'cafe.zip', format: 'xapi' })).toEqual([])
  })

  it('describes the course with its title when it has no description', () => {
    const { course } = makeModule({ title: 'Sans description' })
    expect(tincanXml(course)).toContain('<name lang="fr">Sans description</name>\n      <description lang="fr">Sans description</description>\n      <launch')
  })

  it('writes the module language on every text, component descriptions included', () => {
    const xml = tincanXml(makeModule({ language: 'en-GB' }).course)
    expect(xml).not.toContain('lang="fr"')
    expect(xml).toContain('<description lang="en-GB">Oui</description>')
  })

  it('writes a likert scale without a right answer, and fill-in patterns one per accepted answer', () => {
    const xml = tincanXml(
      courseWith([
        {
          id: 'avis', type: 'likert', weight: 0, promptHtml: '', prompt: 'Votre avis ?',
          scale: [{ id: 'a', html: 'Non', text: 'Non' }, { id: 'b', html: 'Oui', text: 'Oui' }],
        },
        { id: 'mot', type: 'fill-in', weight: 1, promptHtml: '', prompt: 'Le mot ?', accepted: ['biais', 'Biais'], caseSensitive: true, accentSensitive: false, maxLength: 20 },
      ]),
    )
    expect(xml).toContain(`<interactionType>likert</interactionType>
      <scale>
        <component>
          <id>a</id>`)
    expect(xml).toContain(`<correctResponsePatterns>
        <correctResponsePattern>{case_matters=true}biais</correctResponsePattern>
        <correctResponsePattern>{case_matters=true}Biais</correctResponsePattern>
      </correctResponsePatterns>`)
    expect(xml.match(/<correctResponsePatterns>/g)).toHaveLength(1)
    validateDescriptor('xapi', xml)
  })

  it('leaves out an empty list of right answers, which the XSD cannot hold', () => {
    const xml = tincanXml(
      courseWith([
        {
          id: 'aucun', type: 'multiple', weight: 1, promptHtml: '', prompt: 'Lesquels ?',
          choices: [{ id: 'a', html: 'A', text: 'A', correct: false }, { id: 'b', html: 'B', text: 'B', correct: false }],
        },
      ]),
    )
    expect(xml).not.toContain('correctResponsePattern')
    expect(xml).toContain('<choices>')
    validateDescriptor('xapi', xml)
  })

  it('names a question with its prompt cut to a short label', () => {
    const prompt = `${'Une question très longue '.repeat(6)}?`
    const xml = tincanXml(courseWith([{ id: 'long', type: 'true-false', weight: 1, promptHtml: '', prompt, answer: false }]))
    const name = /<activity id="[^"]*\/questions\/long"[^>]*>\n\s*<name lang="fr">([^<]*)<\/name>/.exec(xml)![1]!
    expect(Array.from(name).length).toBeLessThanOrEqual(ACTIVITY_NAME_LIMIT)
    expect(name.endsWith('…')).toBe(true)
    expect(prompt.startsWith(`${name.slice(0, -1)} `), 'cut at a space').toBe(true)
    expect(xml).toContain(`<description lang="fr">${prompt}</description>`)
  })
})

describe('tincan.xml of the kitchen-sink example', () => {
  it('is valid against tincan.xsd, passes the checks, and names every question and scenario with its IRI', async () => {
    const dir = fileURLToPath(new URL('../../../examples/kitchen-sink', import.meta.url))
    const { module, diagnostics } = await compileModule(dir, { cwd: join(dir, '../..') })
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
    const xml = tincanXml(module!.course)
    validateDescriptor('xapi', xml)
    expect(checkDescriptor({ descriptor: xml, files: ['index.html'], file: 'tincan.xml', format: 'xapi' })).toEqual([])
    const ids = [...xml.matchAll(/<activity id="([^"]+)"/g)].map((match) => match[1])
    const { course } = module!
    for (const question of courseQuestions(course)) expect(ids).toContain(childIri(course.iri, 'questions', question.id))
    const scenarios = course.pages.flatMap((page) => page.blocks.flatMap((block) => (block.kind === 'scenario' ? [block.id] : [])))
    expect(scenarios.length).toBeGreaterThan(0)
    for (const id of scenarios) expect(ids).toContain(childIri(course.iri, 'scenarios', id))
    expect(xml.match(/<launch /g)).toHaveLength(1)
  })
})
