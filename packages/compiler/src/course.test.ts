import { formatDiagnostic } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { assembleCourse } from './course.js'
import { pageProcessor } from './processor.js'
import { toDiagnostics } from './report.js'
import type { ProjectConfig } from './types.js'

/** Assembles a module from its pages (`module.md` first), in memory. */
function assemble(pages: Record<string, string>, config: ProjectConfig = {}) {
  const sources = Object.entries(pages).map(([name, value]) => {
    const file = new VFile({ path: `/m/${name}`, value })
    return { file, page: pageProcessor().processSync(file).result }
  })
  const assembled = assembleCourse(sources, config)
  const messages = toDiagnostics(
    sources.map((source) => source.file),
    '/m',
  ).map((diagnostic) => formatDiagnostic(diagnostic).split('\n')[0])
  return { ...assembled, messages }
}

const quiz = (id: string, pass = '') => `:::quiz{#${id}${pass}}\nQ ?\n- [x] a\n- [ ] b\n:::\n`

describe('assembleCourse', () => {
  it('defaults completion to pages-and-passed with questions, pages without', () => {
    const front = '---\nid: m\ntitle: M\npassMark: 60\n---\n# M\n'
    expect(assemble({ 'module.md': front + quiz('q') }).course.completion).toBe('pages-and-passed')
    const withoutQuestions = assemble({ 'module.md': '---\nid: m\ntitle: M\n---\n# M\n' })
    expect(withoutQuestions.course.completion).toBe('pages')
    expect(withoutQuestions.messages).toEqual([])
  })

  it('takes the pass mark from the front matter, else the single distinct quiz pass mark', () => {
    const front = '---\nid: m\ntitle: M\n---\n# M\n'
    const same = assemble({ 'module.md': front + quiz('a', ' pass=70'), '01-b.md': `# B\n${quiz('b', ' pass=70')}` })
    expect(same.messages).toEqual([])
    expect(same.course.passMark).toBe(70)
    expect(same.course.quizzes).toEqual([
      { id: 'a', passMark: 70, questionIds: ['a'], attempts: 1, shuffle: false, showCorrect: true },
      { id: 'b', passMark: 70, questionIds: ['b'], attempts: 1, shuffle: false, showCorrect: true },
    ])
    const different = assemble({ 'module.md': front + quiz('a', ' pass=70') + quiz('b', ' pass=90') })
    expect(different.course.passMark).toBeUndefined()
    const own = assemble({ 'module.md': '---\nid: m\ntitle: M\npassMark: 50\n---\n# M\n' + quiz('a', ' pass=70') })
    expect(own.course.passMark).toBe(50)
    expect(own.course.quizzes[0]?.passMark).toBe(70)
  })

  it('reports a quiz without any pass mark', () => {
    const { messages } = assemble({ 'module.md': '---\nid: m\ntitle: M\n---\n# M\n' + quiz('a') })
    expect(messages).toEqual(['module.md:6:1: error: Quiz `a` has no pass mark [quiz-missing-pass-mark]'])
  })

  it('reports completion rules that need questions in a module without any', () => {
    const { messages } = assemble({ 'module.md': '---\nid: m\ntitle: M\ncompletion: pages-and-passed\n---\n# M\n' })
    expect(messages).toEqual([
      'module.md:4:13: error: `completion: pages-and-passed` needs a score to pass, but the module has no scored questions [completion-needs-questions]',
    ])
  })

  it('reports duplicate page ids and duplicate quiz or question ids across pages, with a note', () => {
    const front = '---\nid: m\ntitle: M\npassMark: 50\n---\n# M\n'
    const { messages } = assemble({
      'module.md': front + quiz('a'),
      '01-index.md': `# Index\n${quiz('a')}`,
    })
    expect(messages).toEqual([
      '01-index.md: error: Another page already has the id `index` (a page id is its file name without the numeric prefix) [page-duplicate-id]',
      '01-index.md:2:9: error: Another quiz, question or block of this module already has the id `a`; LMS reports key on it [duplicate-id]',
    ])
  })

  it('copies organisation, logo path and theme from the config', () => {
    const { course } = assemble(
      { 'module.md': '---\nid: m\ntitle: M\n---\n# M\n' },
      { organisation: { name: 'Org', logo: { source: '/r/logo.svg', path: 'assets/organisation-logo.svg' } }, theme: { accent: '#fff' } },
    )
    expect(course.organisation).toEqual({ name: 'Org', logo: 'assets/organisation-logo.svg' })
    expect(course.theme).toEqual({ accent: '#fff' })
  })
})
