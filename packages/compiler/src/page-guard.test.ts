import { formatDiagnostic } from '@cafes/core'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { MAX_CONTAINER_MARKS, MAX_INLINE_MARKS, MAX_LINE_CHARACTERS, MAX_NESTING, MAX_PAGE_CHARACTERS, processPage } from './page-guard.js'
import { pageProcessor } from './processor.js'
import { toDiagnostics } from './report.js'

function process(text: string, name = '01-page.md') {
  const file = new VFile({ path: `/m/${name}`, value: text })
  const page = processPage(pageProcessor(), file)
  return { page, messages: toDiagnostics([file], '/m').map((diagnostic) => formatDiagnostic(diagnostic).split('\n')[0]) }
}

describe('processPage', () => {
  it('compiles an ordinary page as the processor does', () => {
    const { page, messages } = process('# Titre\n\n> Une citation\n\n- un\n  - deux\n')
    expect(messages).toEqual([])
    expect(page.title).toBe('Titre')
  })

  it.each([
    ['a page too large', 'a'.repeat(MAX_PAGE_CHARACTERS + 1), `01-page.md: error: This file has ${MAX_PAGE_CHARACTERS + 1} characters, more than the ${MAX_PAGE_CHARACTERS} a page may hold, so it is not compiled [page-too-large]`],
    ['a line too long', `# T\n\n${'a'.repeat(MAX_LINE_CHARACTERS + 1)}`, `01-page.md:3:1: error: This line has ${MAX_LINE_CHARACTERS + 1} characters, more than ${MAX_LINE_CHARACTERS}, so the file is not compiled [page-line-too-long]`],
    ['quotes nested too deeply', `# T\n\n${'> '.repeat(MAX_NESTING + 1)}x`, `01-page.md:3:1: error: Quotes, lists and blocks are nested ${MAX_NESTING + 1} levels deep here, more than ${MAX_NESTING}, so the file is not compiled [page-too-deeply-nested]`],
    ['lists nested too deeply', `# T\n\n${'1. '.repeat(MAX_NESTING + 1)}x`, /^01-page\.md:3:1: error: .+ \[page-too-deeply-nested\]$/],
    ['blocks left open', `# T\n\n${':::tip\n'.repeat(MAX_NESTING + 1)}`, /^01-page\.md:13:1: error: .+ nested 11 levels .+ \[page-too-deeply-nested\]$/],
    ['too many list items', `# T\n\n${'- x\n'.repeat(MAX_CONTAINER_MARKS + 1)}`, /^01-page\.md:2003:1: error: This file is too complex to compile: more than 2000 list items .+ \[page-too-complex\]$/],
    ['too many inline marks', `# T\n\n${'*a* '.repeat(MAX_INLINE_MARKS / 2 + 1)}`, /^01-page\.md: error: This file is too complex to compile: 5002 emphasis, link, code and table marks .+ \[page-too-complex\]$/],
  ])('reports %s, once, and gives an empty page', (_, text, expected) => {
    const { page, messages } = process(text)
    expect(messages).toHaveLength(1)
    if (typeof expected === 'string') expect(messages[0]).toBe(expected)
    else expect(messages[0]).toMatch(expected)
    expect(page.blocks).toEqual([])
  })

  it('keeps the front matter of a module.md past the limits, so its id and title do not cascade', () => {
    const { page, messages } = process(`---\nid: m\ntitle: M\n---\n\n${'> '.repeat(40)}x\n`, 'module.md')
    expect(messages).toEqual([expect.stringMatching(/\[page-too-deeply-nested\]$/)])
    expect(page.frontMatter?.meta).toMatchObject({ id: 'm', title: 'M' })
  })

  it('closes blocks as it goes: many blocks one after the other are fine', () => {
    expect(process(`# T\n\n${':::tip\nx\n:::\n\n'.repeat(50)}`).messages).toEqual([])
  })
})
