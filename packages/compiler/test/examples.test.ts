/** The examples of the repository are the format's showcase: they compile with no diagnostic at all. */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  courseQuestions,
  formatDiagnostic,
  QUESTION_TYPES,
  SCORM2004_SUSPEND_DATA_WARNING,
  stateShape,
  SUSPEND_DATA_LIMIT,
  worstCaseStateLength,
} from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { checkDuplicateModuleIds, compileModule, findModules } from '../src/index.js'

const repository = fileURLToPath(new URL('../../../', import.meta.url))

describe('examples/', () => {
  it('holds texte-seul, demo-quiz and kitchen-sink, which compile with zero diagnostics', async () => {
    const { dirs, diagnostics } = await findModules(['examples'], repository)
    expect(diagnostics).toEqual([])
    expect(dirs.map((dir) => path.relative(repository, dir))).toEqual(
      expect.arrayContaining(['examples/demo-quiz', 'examples/kitchen-sink', 'examples/texte-seul']),
    )
    const modules = []
    for (const dir of dirs) {
      const result = await compileModule(dir, { cwd: repository })
      expect(result.diagnostics.map(formatDiagnostic), path.relative(repository, dir)).toEqual([])
      if (result.module) modules.push(result.module)
    }
    expect(checkDuplicateModuleIds(modules, repository)).toEqual([])
  })

  it('gives demo-quiz its quiz, pass mark, image and completion', async () => {
    const { module } = await compileModule('examples/demo-quiz', { cwd: repository })
    expect(module?.course).toMatchObject({
      id: 'demo-quiz',
      version: '1.2.0',
      passMark: 80,
      completion: 'pages-and-passed',
      quizzes: [{ id: 'quiz-transparence', title: 'Vérifiez vos acquis', passMark: 80, questionIds: ['q-definition', 'q-signaux'] }],
    })
    expect(module?.course.pages.map((page) => page.id)).toEqual(['index', 'transparence', 'quiz'])
    expect(module?.assets.map((asset) => asset.path)).toContain('assets/tasse.svg')
  })

  it('keeps the colons of texte-seul as written', async () => {
    const { module } = await compileModule('examples/texte-seul', { cwd: repository })
    expect(module?.course.completion).toBe('pages')
    expect(module?.course.passMark).toBeUndefined()
    expect(JSON.stringify(module?.course)).toContain('Rendez-vous à 10:30 pour la suite ; Réponse:oui, Ratio 1:2')
  })

  it('gives kitchen-sink every question type, every quiz option and feedback, in a small enough state', async () => {
    const { module } = await compileModule('examples/kitchen-sink', { cwd: repository })
    const course = module?.course
    expect(course).toMatchObject({ language: 'fr', passMark: 70, completion: 'pages-and-passed' })
    expect(course?.pages.length).toBeGreaterThanOrEqual(4)
    expect(course?.pages.length).toBeLessThanOrEqual(6)
    const questions = course ? courseQuestions(course) : []
    expect(new Set(questions.map((question) => question.type))).toEqual(new Set(QUESTION_TYPES))
    expect(course?.quizzes.some((quiz) => quiz.attempts === 2)).toBe(true)
    expect(course?.quizzes.some((quiz) => quiz.shuffle)).toBe(true)
    expect(course?.quizzes.some((quiz) => !quiz.showCorrect)).toBe(true)
    expect(questions.some((question) => question.correctFeedbackHtml && question.incorrectFeedbackHtml)).toBe(true)
    expect(questions.some((question) => question.type === 'single' && question.choices.some((choice) => choice.feedbackHtml))).toBe(true)
    expect(questions.some((question) => question.type === 'true-false' && question.trueFeedbackHtml)).toBe(true)
    expect(module?.assets.map((asset) => asset.path)).toEqual([
      'assets/cafe-liste.svg',
      'assets/episode-1.mp3',
      'assets/episode-1.vtt',
      'assets/video-tasse-poster.png',
      'assets/video-tasse.vtt',
      'assets/video-tasse.webm',
    ])
    // SCORM 1.2 keeps 4,096 characters of state; above 4,000 the 2004 build warns.
    const length = course ? worstCaseStateLength(stateShape(course)) : Infinity
    expect(length).toBeLessThanOrEqual(Math.min(SUSPEND_DATA_LIMIT.scorm12, SCORM2004_SUSPEND_DATA_WARNING))
    expect(length).toBe(1212)
  })

  it('gives kitchen-sink every block of issue 4, and facilitator notes only in the facilitator edition', async () => {
    const { module } = await compileModule('examples/kitchen-sink', { cwd: repository })
    const blocks = module?.course.pages.flatMap((page) => page.blocks) ?? []
    const kinds = new Set(blocks.map((block) => block.kind))
    for (const kind of ['scenario', 'challenge', 'media', 'tabs', 'accordion', 'cards']) expect(kinds, kind).toContain(kind)
    expect(kinds).not.toContain('facilitator')
    const scenario = blocks.find((block) => block.kind === 'scenario')
    expect(scenario).toMatchObject({ allowBack: true, maxPoints: 4 })
    if (scenario?.kind === 'scenario') {
      expect(scenario.nodes.length).toBeGreaterThanOrEqual(4)
      expect(scenario.nodes.filter((node) => node.ending).length).toBeGreaterThanOrEqual(2)
    }
    expect(blocks.find((block) => block.kind === 'challenge')).toMatchObject({ timeLimit: 120, checklist: expect.arrayContaining([expect.objectContaining({ id: 'a' })]) })
    const media = blocks.filter((block) => block.kind === 'media')
    expect(media.map((block) => block.kind === 'media' && [block.media, block.mimeType, block.cues.length > 0])).toEqual([
      ['audio', 'audio/mpeg', true],
      ['video', 'video/webm', true],
    ])
    expect(module?.course.facilitation).toEqual({ inPerson: 60, remote: 45 })

    const facilitator = await compileModule('examples/kitchen-sink', { cwd: repository, facilitator: true })
    expect(facilitator.diagnostics).toEqual([])
    const notes = facilitator.module?.course.pages.flatMap((page) => page.blocks).filter((block) => block.kind === 'facilitator')
    expect(notes?.length).toBeGreaterThanOrEqual(2)
  })

  it('ships media files of 100 KB at most', async () => {
    const { module } = await compileModule('examples/kitchen-sink', { cwd: repository })
    for (const asset of module?.assets ?? []) expect((await stat(asset.source)).size, asset.path).toBeLessThanOrEqual(100_000)
  })
})
