import { formatDiagnostic } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { pageProcessor } from './processor.js'
import { toDiagnostics } from './report.js'

function compile(value: string) {
  const file = new VFile({ path: '/m/01-page.md', value: `# Page\n\n${value}` })
  const page = pageProcessor().processSync(file).result
  return { page, json: JSON.stringify(page.blocks), messages: toDiagnostics([file], '/m').map(formatDiagnostic) }
}

describe('the page processor', () => {
  it('is built once per process', () => {
    expect(pageProcessor()).toBe(pageProcessor())
  })

  it('never lets a <script> through, as a block, inline, or in a callout or a quiz', () => {
    const { json, messages } = compile(
      [
        '<script>alert(1)</script>',
        '',
        'Texte <script>alert(2)</script> inline.',
        '',
        ':::warning',
        '<script src="https://evil.example/x.js"></script>',
        ':::',
        '',
        ':::quiz{#q pass=50}',
        'Question <script>alert(3)</script> ?',
        '- [x] <script>alert(4)</script>Oui',
        '- [ ] Non',
        '  > <script>alert(5)</script>',
        ':::',
      ].join('\n'),
    )
    expect(json).not.toMatch(/<script/i)
    expect(messages.filter((message) => message.includes('[raw-html-removed]'))).toHaveLength(9)
  })

  it('removes javascript: and other unsafe link targets', () => {
    const { json } = compile(
      [
        '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:x) [d](data:text/html,<script>x</script>)',
        '',
        '<javascript:alert(1)>',
        '',
        '[e][ref]',
        '',
        '[ref]: javascript:alert(1)',
      ].join('\n'),
    )
    // What is left is link text: `<a>javascript:alert(1)</a>`, with no target.
    expect(json).not.toMatch(/href|src=/)
    expect(json).toContain('<p><a>a</a> <a>b</a> <a>c</a> <a>d</a></p>')
  })

  it('keeps safe links, tables, code and task lists', () => {
    const { page } = compile(
      '[site](https://example.org) [mail](mailto:a@example.org) [relatif](#suite)\n\n| a | b |\n| - | :-: |\n| 1 | 2 |\n\n`code`\n\n- [x] fait',
    )
    const html = page.blocks[0]?.kind === 'html' ? page.blocks[0].html : ''
    expect(html).toContain('<a href="https://example.org">site</a>')
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>')
    expect(html).toContain('<a href="#suite">relatif</a>')
    expect(html).toContain('<td align="center">2</td>')
    expect(html).toContain('<code>code</code>')
    expect(html).toContain('<input type="checkbox" checked disabled>')
  })

  it('drops event handlers and styles even from trees built by plugins', () => {
    const { json } = compile('<img src="x" onerror="alert(1)">\n\n<a href="#" onclick="x()" style="color:red">a</a>')
    expect(json).not.toMatch(/onerror|onclick|style=/)
  })

  it('keeps data: images and never an http(s) image source', () => {
    const { page, messages } = compile('![Point](data:image/png;base64,iVBORw0KGgo=)\n\n![Distant](https://example.org/x.png)')
    const html = page.blocks[0]?.kind === 'html' ? page.blocks[0].html : ''
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="Point">')
    expect(html).not.toContain('example.org')
    expect(messages.map((message) => message.split('\n')[0])).toEqual([
      '01-page.md:5:1: error: `https://example.org/x.png` is not a file of the module; a package must not load anything from the network [asset-external]',
    ])
  })

  it('merges prose into one HTML block between callouts and quizzes, keeping the <h1>', () => {
    const { page } = compile('Un.\n\n## Deux\n\n:::tip[Astuce]\nTrois.\n:::\n\nQuatre.\n\n- cinq')
    expect(page.title).toBe('Page')
    expect(page.blocks).toEqual([
      { kind: 'html', html: '<h1>Page</h1>\n<p>Un.</p>\n<h2>Deux</h2>' },
      { kind: 'callout', callout: 'tip', title: 'Astuce', html: '<p>Trois.</p>' },
      { kind: 'html', html: '<p>Quatre.</p>\n<ul>\n<li>cinq</li>\n</ul>' },
    ])
  })

  it('resolves link and image references across blocks', () => {
    const { page } = compile(':::info\nVoir [la source][src].\n:::\n\n[src]: https://example.org/source')
    expect(page.blocks[1]).toEqual({
      kind: 'callout',
      callout: 'info',
      html: '<p>Voir <a href="https://example.org/source">la source</a>.</p>',
    })
  })

  it('numbers footnotes in order of use and lists them at the end of the page', () => {
    const { page } = compile(
      'Un[^b] deux[^a].\n\n:::tip\nTrois[^b].\n:::\n\n:::quiz{#q pass=50}\nQuatre ?\n- [x] a\n- [ ] b\n:::\n\n[^a]: Note A.\n[^b]: Note *B*.\n[^c]: Inutilisée.',
    )
    expect(page.blocks[0]).toEqual({ kind: 'html', html: '<h1>Page</h1>\n<p>Un<sup>1</sup> deux<sup>2</sup>.</p>' })
    expect(page.blocks[1]).toEqual({ kind: 'callout', callout: 'tip', html: '<p>Trois<sup>1</sup>.</p>' })
    expect(page.blocks[3]).toEqual({
      kind: 'html',
      html: '<hr>\n<ol>\n<li>Note <em>B</em>.</li>\n<li>Note A.</li>\n</ol>',
    })
    expect(page.blocks).toHaveLength(4)
  })

  it('rejects unknown container directives and removes them', () => {
    const { json, messages } = compile(':::danger\nSecret.\n:::')
    expect(json).not.toContain('Secret')
    expect(messages).toEqual([
      '01-page.md:3:1: error: Unknown directive `:::danger` [directive-unknown]\n' +
        '  hint: Known directives: `:::quiz`, `:::question`, `:::info`, `:::tip`, `:::warning`, `:::important`, `:::scenario`, `:::node`, `:::defi`, `:::audio`, `:::video`, `:::tabs`, `:::tab`, `:::accordion`, `:::item`, `:::cards`, `:::card`, `:::facilitator`. To write colons at the start of a line, escape the first: `\\:::`.',
    ])
  })
})
