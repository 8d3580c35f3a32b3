/** The examples of the repository are the format's showcase: they compile with no diagnostic at all. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatDiagnostic } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { checkDuplicateModuleIds, compileModule, findModules } from '../src/index.js'

const repository = fileURLToPath(new URL('../../../', import.meta.url))

describe('examples/', () => {
  it('holds texte-seul and demo-quiz, which compile with zero diagnostics', async () => {
    const { dirs, diagnostics } = await findModules(['examples'], repository)
    expect(diagnostics).toEqual([])
    expect(dirs.map((dir) => path.relative(repository, dir))).toEqual(
      expect.arrayContaining(['examples/demo-quiz', 'examples/texte-seul']),
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
})
