import { describe, expect, it } from 'vitest'
import { styles } from './ansi.js'
import { codeFrame } from './code-frame.js'

const plain = { styles: styles(false), mark: (text: string) => text }

describe('codeFrame', () => {
  it('numbers the line and its neighbours, with a caret under the column', () => {
    const text = '---\nid: m\npassmark: 80\n---\n'
    expect(codeFrame(text, { line: 3, column: 1, endLine: 3, endColumn: 9 }, plain)).toEqual([
      '  2 | id: m',
      '> 3 | passmark: 80',
      '    | ^^^^^^^^',
      '  4 | ---',
    ])
  })

  it('keeps tabs before the caret so it stays under its column, and widens the gutter', () => {
    const text = `${'\n'.repeat(9)}\tVoir ![](x.png)\n`
    expect(codeFrame(text, { line: 10, column: 7 }, { ...plain, context: 0 })).toEqual(['> 10 | \tVoir ![](x.png)', '     | \t     ^'])
  })

  it('cuts a huge line around the column', () => {
    const line = `${'a'.repeat(5000)}XYZ${'b'.repeat(5000)}`
    const [source, caret] = codeFrame(line, { line: 1, column: 5001 }, { ...plain, width: 40 })
    expect(source).toBe(`> 1 | …${'a'.repeat(20)}XYZ${'b'.repeat(17)}…`)
    expect(caret?.indexOf('^')).toBe(source?.indexOf('X'))
  })

  it('shows control characters as dots and colours the marker and caret', () => {
    const frame = codeFrame('a\u0000b', { line: 1, column: 2 }, { styles: styles(true), mark: styles(true).red })
    expect(frame[0]).toBe('\u001b[31m>\u001b[39m \u001b[2m1 |\u001b[22m a·b')
    expect(frame[1]).toBe('  \u001b[2m  |\u001b[22m  \u001b[31m^\u001b[39m')
  })

  it('gives nothing for a line the file no longer has', () => {
    expect(codeFrame('one line', { line: 5, column: 1 }, plain)).toEqual([])
    expect(codeFrame('', { line: 2 }, plain)).toEqual([])
  })
})
