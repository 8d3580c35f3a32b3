import {
  activityName,
  childIri,
  interactionData,
  scenarioInteractionData,
  type Course,
  type InteractionComponent,
  type InteractionData,
  type QuizBlock,
} from '@cafes/core'
import { ACTIVITY_TYPES, DESCRIPTOR_FORMATS } from './descriptor-formats.js'
import { LAUNCH_PAGE } from './manifest-model.js'
import { serializeXml, type XmlElement } from './xml-writer.js'

/**
 * `tincan.xml` (STANDARDS §3.9): the course activity, the only launchable one, then in page
 * order each page (`lesson`), each quiz (`assessment`) followed by its questions, and each
 * branching scenario (interactions of type `other`). Ids are the IRIs the player puts in its
 * statements (`childIri`), definitions those of `interactionData`. Every text is in the
 * module's language. Children of `<activity>` follow the XSD sequence.
 */
export function tincanXml(course: Course): string {
  const lang = course.language
  const text = (name: string, value: string): XmlElement => ({ name, attributes: { lang }, children: value })
  const activity = (id: string, type: string, name: string, description: string, rest: XmlElement[] = []): XmlElement => ({
    name: 'activity',
    attributes: { id, type },
    children: [text('name', name), text('description', description), ...rest],
  })
  const quizTitles = new Map(course.quizzes.map((quiz) => [quiz.id, quiz.title ?? quiz.id]))
  const quiz = (block: QuizBlock): XmlElement[] => {
    const title = quizTitles.get(block.quiz) ?? block.quiz
    return [
      activity(childIri(course.iri, 'quizzes', block.quiz), ACTIVITY_TYPES.assessment, title, title),
      ...block.questions.map((question) =>
        activity(
          childIri(course.iri, 'questions', question.id),
          ACTIVITY_TYPES.interaction,
          activityName(question.prompt, question.id),
          question.prompt,
          interactionElements(interactionData(question, lang)),
        ),
      ),
    ]
  }

  const activities: XmlElement[] = [
    activity(course.iri, ACTIVITY_TYPES.course, course.title, course.description ?? course.title, [
      text('launch', LAUNCH_PAGE),
    ]),
  ]
  for (const page of course.pages) {
    activities.push(activity(childIri(course.iri, 'pages', page.id), ACTIVITY_TYPES.lesson, page.title, page.title))
    for (const block of page.blocks) {
      if (block.kind === 'quiz') activities.push(...quiz(block))
      if (block.kind === 'challenge' && block.quiz) activities.push(...quiz(block.quiz))
      if (block.kind === 'scenario') {
        activities.push(
          activity(
            childIri(course.iri, 'scenarios', block.id),
            ACTIVITY_TYPES.interaction,
            block.title ?? activityName(block.prompt, block.id),
            block.prompt,
            interactionElements(scenarioInteractionData()),
          ),
        )
      }
    }
  }
  return serializeXml({
    name: DESCRIPTOR_FORMATS.xapi.root,
    attributes: { xmlns: DESCRIPTOR_FORMATS.xapi.namespace },
    children: [{ name: 'activities', children: activities }],
  })
}

/**
 * The interaction part of an activity, in XSD order. The XSD calls the list
 * `correctResponsePatterns` and cannot hold an empty one: an empty `correctResponsesPattern`
 * (no right answer) is left out.
 */
function interactionElements(data: InteractionData): XmlElement[] {
  const elements: XmlElement[] = [{ name: 'interactionType', children: data.interactionType }]
  if (data.correctResponsesPattern && data.correctResponsesPattern.length > 0) {
    elements.push({
      name: 'correctResponsePatterns',
      children: data.correctResponsesPattern.map((pattern) => ({ name: 'correctResponsePattern', children: pattern })),
    })
  }
  for (const list of ['choices', 'scale', 'source', 'target'] as const) {
    const components = data[list]
    if (components && components.length > 0) elements.push({ name: list, children: components.map(componentElement) })
  }
  return elements
}

function componentElement(component: InteractionComponent): XmlElement {
  return {
    name: 'component',
    children: [
      { name: 'id', children: component.id },
      ...Object.entries(component.description).map(([lang, text]) => ({ name: 'description', attributes: { lang }, children: text })),
    ],
  }
}
