/**
 * The module-level step: parsed pages + project config → `Course`, with the checks no single page can
 * make (page ids, quiz and question ids across pages, pass marks, completion). Pure.
 */
import { DEFAULT_XAPI_BASE_IRI, moduleIri, type Course, type CourseQuiz } from '@cafes/core'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { defaultMeta } from './frontmatter.js'
import type { ParsedPage } from './page.js'
import { report, type Note } from './report.js'
import { FIRST_DEFINED_HERE, rules } from './rules.js'
import type { ModuleMeta, ProjectConfig } from './types.js'

export interface PageSource {
  file: VFile
  page: ParsedPage
}

export interface AssembledCourse {
  meta: ModuleMeta
  course: Course
  /** Where `module.md` writes `id`. */
  idPlace?: { line: number; column: number }
}

/** `pages` in order, `module.md` first. */
export function assembleCourse(pages: readonly PageSource[], config: ProjectConfig): AssembledCourse {
  const modulePage = pages[0]
  const frontMatter = modulePage?.page.frontMatter ?? { meta: defaultMeta(), keys: {}, values: {} }
  const meta = { ...frontMatter.meta }
  const quizzes = pages.flatMap(({ file, page }) => page.quizzes.map((quiz) => ({ file, quiz })))
  /** Likert and reflection questions are never scored: a module of polls has no score to pass. */
  const scenarios = pages.flatMap(({ file, page }) =>
    page.blocks.flatMap((block, index) => (block.kind === 'scenario' && block.weight > 0 ? [{ file, block, index }] : [])),
  )
  /** Scored scenarios count in the module score like questions. */
  const hasQuestions =
    quizzes.some(({ quiz }) => quiz.questions.some((question) => question.scored)) || scenarios.length > 0

  if (modulePage) {
    const { file } = modulePage
    if (!frontMatter.keys.completion) meta.completion = hasQuestions ? 'pages-and-passed' : 'pages'
    else if (meta.completion !== 'pages' && !hasQuestions) {
      report(file, rules.completionNeedsQuestions, { completion: meta.completion }, frontMatter.values.completion)
    }
    if (meta.passMark !== undefined && !hasQuestions) report(file, rules.passMarkUnused, {}, frontMatter.keys.passMark)
  }

  checkPageIds(pages)
  checkQuizIds(quizzes, pages)

  const courseQuizzes: CourseQuiz[] = quizzes.map(({ file, quiz }) => {
    const passMark = quiz.pass ?? meta.passMark
    if (passMark === undefined && quiz.questions.some((question) => question.scored)) {
      report(file, rules.quizMissingPassMark, { id: quiz.id || '(no id)' }, quiz.place)
    }
    const courseQuiz: CourseQuiz = {
      id: quiz.id,
      ...(quiz.title !== undefined ? { title: quiz.title } : {}),
      passMark: passMark ?? 0,
      questionIds: quiz.questions.map((q) => q.id),
      attempts: quiz.attempts,
      shuffle: quiz.shuffle,
      showCorrect: quiz.showCorrect,
    }
    return courseQuiz
  })
  const scoredQuizzes = courseQuizzes.filter((_, index) => quizzes[index]?.quiz.questions.some((question) => question.scored))
  const passMarks = new Set(scoredQuizzes.map((quiz) => quiz.passMark))
  const passMark = meta.passMark ?? (passMarks.size === 1 ? [...passMarks][0] : undefined)
  if (passMark === undefined) {
    for (const { file, block } of scenarios) {
      const place = pages.find((page) => page.file === file)?.page.blockIds.find((entry) => entry.id === block.id)?.idPlace
      report(file, rules.scenarioMissingPassMark, { id: block.id || '(no id)' }, place)
    }
  }

  const organisation = config.organisation
  const theme = config.theme && Object.keys(config.theme).length > 0 ? { ...config.theme } : undefined
  const course: Course = {
    format: 1,
    id: meta.id,
    iri: moduleIri(config.xapiBaseIri ?? DEFAULT_XAPI_BASE_IRI, meta.id),
    title: meta.title,
    language: meta.language,
    version: meta.version,
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    ...(hasQuestions && passMark !== undefined ? { passMark } : {}),
    completion: meta.completion,
    ...(organisation
      ? { organisation: organisation.logo ? { name: organisation.name, logo: organisation.logo.path } : { name: organisation.name } }
      : {}),
    ...(theme ? { theme } : {}),
    pages: pages.map(({ page }) => ({ id: page.id, title: page.title, blocks: page.blocks })),
    quizzes: courseQuizzes,
    ...(meta.facilitation ? { facilitation: { ...meta.facilitation } } : {}),
  }

  const assembled: AssembledCourse = { meta, course }
  const idStart = frontMatter.keys.id?.start
  if (idStart) assembled.idPlace = { line: idStart.line, column: idStart.column }
  return assembled
}

/** Page ids come from file names: `01-intro.md` and `intro.md` clash. */
function checkPageIds(pages: readonly PageSource[]): void {
  const seen = new Map<string, VFile>()
  for (const { file, page } of pages) {
    const first = seen.get(page.id)
    if (first) report(file, rules.pageDuplicateId, { id: page.id }, undefined, [{ message: FIRST_DEFINED_HERE, file: first.path }])
    else seen.set(page.id, file)
  }
}

/** Quiz, question and block ids share one namespace in a module; a short-form quiz and its question are one. */
function checkQuizIds(
  quizzes: ReadonlyArray<{ file: VFile; quiz: ParsedPage['quizzes'][number] }>,
  pages: readonly PageSource[],
): void {
  const seen = new Map<string, Note>()
  const claim = (file: VFile, id: string, place: Point | Position | undefined) => {
    if (id === '') return
    const first = seen.get(id)
    if (first) report(file, rules.duplicateId, { id }, place, [first])
    else seen.set(id, { message: FIRST_DEFINED_HERE, file: file.path, place })
  }
  // In the order of the pages, and of the text in each page (scenarios, mini-défis, media, tabs and
  // accordions too: their ids key learner state and interactions).
  for (const { file } of pages) {
    const ids: Array<{ id: string; place: Point | Position | undefined }> = []
    for (const entry of quizzes) {
      if (entry.file !== file) continue
      const { quiz } = entry
      ids.push({ id: quiz.id, place: quiz.idPlace ?? quiz.place })
      if (!quiz.short) for (const question of quiz.questions) ids.push({ id: question.id, place: question.idPlace })
    }
    for (const { page } of pages.filter((source) => source.file === file)) {
      for (const block of page.blockIds) ids.push({ id: block.id, place: block.idPlace })
    }
    ids.sort((a, b) => compareStart(a.place, b.place))
    for (const { id, place } of ids) claim(file, id, place)
  }
}

function compareStart(a: Point | Position | undefined, b: Point | Position | undefined): number {
  const start = (place: Point | Position | undefined) => (place === undefined ? undefined : 'start' in place ? place.start : place)
  const first = start(a)
  const second = start(b)
  return (first?.line ?? 0) - (second?.line ?? 0) || (first?.column ?? 0) - (second?.column ?? 0)
}
