import type { Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { plainText } from '../plugins/directive.js'
import { feedbackKind, splitAtBreak, splitAtList } from './body.js'

function parse(value: string): { content: RootContent[]; file: VFile } {
  const file = new VFile({ path: '/m/page.md', value })
  const tree: Root = unified().use(remarkParse).use(remarkGfm).parse(file)
  return { content: tree.children, file }
}

const text = (nodes: RootContent[]) => plainText(nodes)

describe('question body', () => {
  it('splits around the first list and takes the feedback quotes out of what follows', () => {
    const { content, file } = parse(
      'Question ?\n\n- a\n- b\n\n> [!correct]\n> Bravo *toi*.\n\n> [!Incorrect] Non.\n\nExplication.\n\n> Une citation.\n\n> [!note]\n> Reste.\n\n- autre liste',
    )
    const body = splitAtList(content, file)
    expect(text(body.prompt)).toBe('Question ?')
    expect(body.list?.children).toHaveLength(2)
    expect(text(body.correctFeedback)).toBe('Bravo toi.')
    expect(text(body.incorrectFeedback)).toBe('Non.')
    expect(body.explanation.map((node) => node.type)).toEqual(['paragraph', 'blockquote', 'blockquote', 'list'])
    expect(body.feedbackPlaces.correct?.start).toMatchObject({ line: 6, column: 1 })
    expect(file.messages).toEqual([])
  })

  it('reports feedback before the list, twice the same feedback and empty feedback', () => {
    const { content, file } = parse('> [!correct]\n> Tôt.\n\n- a\n\n> [!correct]\n> Un.\n\n> [!correct] Deux.\n\n> [!incorrect]')
    const body = splitAtList(content, file)
    expect(body.prompt).toEqual([])
    expect(text(body.correctFeedback)).toBe('Un.')
    expect(body.incorrectFeedback).toEqual([])
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '1:1 question-feedback-misplaced',
      '9:1 question-feedback-duplicate',
      '11:1 question-feedback-empty',
    ])
  })

  it('recognises the markers only at the start of a quote', () => {
    const kinds = ['> [!correct]', '> [!CORRECT] oui', '> [!correct]oui', '> Voir [!correct]', '> [!correcte]', '[!correct]']
      .map((line) => parse(line).content[0])
      .map((node) => (node ? feedbackKind(node) : undefined))
    expect(kinds).toEqual(['correct', 'correct', undefined, undefined, undefined, undefined])
  })

  it('splits a question without a list at its first thematic break; feedback may be anywhere', () => {
    const { content, file } = parse('Combien ?\n\n> [!incorrect]\n> Non.\n\n***\n\nParce que.\n\n---\n\nEncore.\n\n> [!correct] Oui.')
    const body = splitAtBreak(content, file)
    expect(text(body.prompt)).toBe('Combien ?')
    expect(body.explanation.map((node) => node.type)).toEqual(['paragraph', 'thematicBreak', 'paragraph'])
    expect(text(body.correctFeedback)).toBe('Oui.')
    expect(text(body.incorrectFeedback)).toBe('Non.')
    expect(body.list).toBeUndefined()
  })
})
