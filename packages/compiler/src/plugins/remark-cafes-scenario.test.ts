import { formatDiagnostic } from '@cafes/core'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { createProcessor } from '../processor.js'
import { toDiagnostics } from '../report.js'
import { firstSentence } from './remark-cafes-scenario.js'

function compile(markdown: string) {
  const file = new VFile({ path: '/m/01-page.md', value: `# Page\n\n${markdown}` })
  const page = createProcessor().processSync(file).result
  return { page, diagnostics: toDiagnostics([file], '/m').map(formatDiagnostic) }
}

const node = (id: string, choices: string[], ending?: string) =>
  `:::node{#${id}${ending ? ` ending=${ending}` : ''}}\nTexte de ${id}.\n${choices.length ? `\n${choices.map((c) => `- ${c}`).join('\n')}\n` : ''}:::\n`

describe('scenarios', () => {
  it('takes maxPoints from the best path to an ending, not the best path overall', () => {
    const markdown = [
      '::::scenario{#s}',
      node('a', ['[B](#b) (+1)', '[C](#c) (+5)']),
      node('b', ['[D](#d) (+3)']),
      node('c', ['[E](#e) (+0)']),
      node('d', [], 'success'),
      node('e', [], 'failure'),
      '::::',
    ].join('\n')
    const { page, diagnostics } = compile(markdown)
    expect(diagnostics).toEqual([])
    const scenario = page.blocks.find((block) => block.kind === 'scenario')
    expect(scenario).toMatchObject({ start: 'a', maxPoints: 5, prompt: 'Texte de a.', weight: 1, allowBack: false })
  })

  it('refuses more than 36 nodes', () => {
    const nodes = Array.from({ length: 37 }, (_, index) =>
      index === 36 ? node(`n${index}`, [], 'success') : node(`n${index}`, [`[Suite](#n${index + 1})`]),
    )
    const { diagnostics } = compile(['::::scenario{#s}', ...nodes, '::::'].join('\n'))
    expect(diagnostics).toEqual([
      expect.stringContaining('3:1: error: This scenario has 37 nodes; the learner\'s path is stored one character per node, so 36 at most [scenario-too-many-nodes]'),
    ])
  })

  it('cuts the prompt at the first sentence, 250 characters at most', () => {
    expect(firstSentence('Vous êtes en réunion. Que faites-vous ?')).toBe('Vous êtes en réunion.')
    expect(firstSentence('x'.repeat(300))).toHaveLength(250)
  })
})
