import { childIri, type CompletionRule, type Course } from '@cafes/core'
import { DESCRIPTOR_FORMATS } from './descriptor-formats.js'
import { decimal, LAUNCH_PAGE } from './manifest-model.js'
import { serializeXml, type XmlElement } from './xml-writer.js'

/** The AU's `moveOn` for each completion rule (STANDARDS §4.7): what the LMS waits for. */
export const MOVE_ON = {
  pages: 'Completed',
  passed: 'Passed',
  'pages-and-passed': 'CompletedAndPassed',
} as const satisfies Record<CompletionRule, string>

/**
 * `cmi5.xml` (STANDARDS §4.1): the course and its one AU, launched from `index.html` in any
 * window. `moveOn` follows the completion rule; `masteryScore` is the pass mark from 0 to 1,
 * when the module has one. Ids are the IRIs the player uses (`course.iri`, `childIri(…, 'au')`).
 * Children follow the XSD sequence.
 */
export function cmi5Xml(course: Course): string {
  const langstrings = (name: string, text: string): XmlElement => ({
    name,
    children: [{ name: 'langstring', attributes: { lang: course.language }, children: text }],
  })
  const description = course.description ?? course.title
  return serializeXml({
    name: DESCRIPTOR_FORMATS.cmi5.root,
    attributes: { xmlns: DESCRIPTOR_FORMATS.cmi5.namespace },
    children: [
      {
        name: 'course',
        attributes: { id: course.iri },
        children: [langstrings('title', course.title), langstrings('description', description)],
      },
      {
        name: 'au',
        attributes: {
          id: childIri(course.iri, 'au'),
          moveOn: MOVE_ON[course.completion],
          masteryScore: course.passMark === undefined ? undefined : masteryScore(course.passMark),
          launchMethod: 'AnyWindow',
        },
        children: [langstrings('title', course.title), langstrings('description', description), { name: 'url', children: LAUNCH_PAGE }],
      },
    ],
  })
}

/**
 * A pass mark (0–100) as a cmi5 mastery score: 0–1 with at most 4 decimals (cmi5 §13.1.4),
 * rounded down so that the LMS never fails a learner the pass mark passes.
 */
export function masteryScore(passMark: number): string {
  // The epsilon absorbs binary noise: 14.1 × 100 is 1409.9999999999998.
  return decimal(Math.floor(passMark * 100 + 1e-6) / 10_000)
}
