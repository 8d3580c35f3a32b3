import { formatDiagnostic } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { pageProcessor } from '../processor.js'
import { toDiagnostics } from '../report.js'

function compile(value: string) {
  const file = new VFile({ path: '/m/01-page.md', value: `# Page\n\n${value}` })
  const page = pageProcessor().processSync(file).result
  const html = page.blocks.map((block) => ('html' in block ? block.html : '')).join('\n')
  return { html, messages: toDiagnostics([file], '/m').map(formatDiagnostic) }
}

describe('remarkCafesRestoreTextDirectives', () => {
  it('keeps colons in prose as written', () => {
    const { html, messages } = compile('Rendez-vous à 10:30, Réponse:oui, Ratio 1:2.')
    expect(html).toBe('<h1>Page</h1>\n<p>Rendez-vous à 10:30, Réponse:oui, Ratio 1:2.</p>')
    expect(messages).toEqual([])
  })

  it('restores text directives with labels and attributes, inside emphasis and links', () => {
    const { html } = compile('*Voir :abbr[HTML]{title="x"}* et [lien:cible](https://example.org) à 9:15')
    expect(html).toBe(
      '<h1>Page</h1>\n<p><em>Voir :abbr[HTML]{title="x"}</em> et <a href="https://example.org">lien:cible</a> à 9:15</p>',
    )
  })

  it('restores leaf directives as paragraphs', () => {
    const { html } = compile('::note[Texte]{.x}\n\n- ::dans-une-liste')
    expect(html).toBe('<h1>Page</h1>\n<p>::note[Texte]{.x}</p>\n<ul>\n<li>::dans-une-liste</li>\n</ul>')
  })

  it('escapes what it restores', () => {
    const { html } = compile('Heure:<b>  et :x[<i>]')
    expect(html).not.toContain('<i>')
    expect(html).toContain(':x[&#x3C;i>]')
  })

  it('restores colons in quiz prompts and choices', () => {
    const file = new VFile({
      path: '/m/01-page.md',
      value: '# Quiz\n\n:::quiz{#q pass=50}\nÀ 10:30 ?\n\n- [x] Réponse:oui\n- [ ] Ratio 1:2\n:::\n',
    })
    const page = pageProcessor().processSync(file).result
    const block = page.blocks[1]
    expect(block?.kind).toBe('quiz')
    if (block?.kind !== 'quiz') return
    expect(block.questions[0]?.prompt).toBe('À 10:30 ?')
    expect(block.questions[0]).toMatchObject({ choices: [{ html: 'Réponse:oui' }, { html: 'Ratio 1:2' }] })
  })
})
