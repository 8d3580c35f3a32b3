import { formatDiagnostic } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseConfig } from './config.js'
import { toDiagnostics } from './report.js'

function parse(value: string) {
  const file = new VFile({ path: '/r/cafes.config.yaml', value })
  const parsed = parseConfig(file)
  return { ...parsed, messages: toDiagnostics([file], '/r').map((diagnostic) => formatDiagnostic(diagnostic).split('\n')[0]) }
}

describe('parseConfig', () => {
  it('reads every key', () => {
    const { config, logo, messages } = parse(
      [
        'targets: [scorm12, xapi]',
        'organisation:',
        '  name: Les Cafés',
        '  logo: assets/logo.svg',
        'theme:',
        '  primary: "#5b2a86"',
        '  accent: rgb(224, 161, 0)',
        'xapiBaseIri: https://example.org/cafes/',
      ].join('\n'),
    )
    expect(messages).toEqual([])
    expect(config).toEqual({
      file: '/r/cafes.config.yaml',
      targets: ['scorm12', 'xapi'],
      organisation: { name: 'Les Cafés' },
      theme: { primary: '#5b2a86', accent: 'rgb(224, 161, 0)' },
      xapiBaseIri: 'https://example.org/cafes/',
    })
    expect(logo).toEqual({ url: 'assets/logo.svg', place: { start: { line: 4, column: 9 }, end: { line: 4, column: 24 } } })
  })

  it('accepts an empty file', () => {
    expect(parse('# rien\n')).toEqual({ config: { file: '/r/cafes.config.yaml' }, messages: [] })
  })

  it.each(['#abc', '#A0b1C2', 'rgb(1 2 3 / 50%)', 'hsl(270deg 50% 40%)', 'hsla(270, 50%, 40%, 0.5)'])('accepts the colour %s', (colour) => {
    const { config, messages } = parse(`theme:\n  primary: "${colour}"\n`)
    expect(messages).toEqual([])
    expect(config.theme?.primary).toBe(colour)
  })

  it.each([
    'red',
    '#abcd',
    '#5b2a86; background: red',
    'rgb(0,0,0)}body{color:red',
    'url(https://example.org/x.png)',
    'rgb(url(x))',
    'expression(alert(1))',
  ])('rejects the colour %s', (colour) => {
    const { config, messages } = parse(`theme:\n  accent: ${JSON.stringify(colour)}\n`)
    expect(config.theme?.accent).toBeUndefined()
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^cafes\.config\.yaml:2:11: error: `theme\.accent` must be a CSS colour/)
  })

  it.each(['example.org', 'ftp://example.org', 'https://', 'https://exa mple.org'])('rejects the xAPI base IRI %s', (iri) => {
    expect(parse(`xapiBaseIri: "${iri}"`).messages[0]).toMatch(/^cafes\.config\.yaml:1:14: error: `xapiBaseIri` must be an absolute/)
  })

  it('reports unknown keys at every level, with a suggestion when one is close', () => {
    const { messages } = parse('target: [web]\norganisation:\n  name: X\n  nom: Y\ntheme:\n  primaire: "#fff"\n')
    expect(messages).toEqual([
      'cafes.config.yaml:1:1: error: Unknown key `target` in `cafes.config.yaml` [config-unknown-key]',
      'cafes.config.yaml:4:3: error: Unknown key `organisation.nom` in `cafes.config.yaml` [config-unknown-key]',
      'cafes.config.yaml:6:3: error: Unknown key `theme.primaire` in `cafes.config.yaml` [config-unknown-key]',
    ])
    const file = new VFile({ path: '/r/cafes.config.yaml', value: 'target: [web]\n' })
    parseConfig(file)
    expect(toDiagnostics([file], '/r')[0]?.hint).toBe('Did you mean `targets`?')
  })

  it('reports wrong shapes and YAML errors', () => {
    expect(parse('organisation: Les Cafés\ntheme: [a]\ntargets: web\n').messages).toEqual([
      'cafes.config.yaml:1:15: error: `organisation` must be a mapping of `key: value` lines, indented under it, not `Les Cafés` [config-invalid-value]',
      'cafes.config.yaml:2:8: error: `theme` must be a mapping of `key: value` lines, indented under it, not a list [config-invalid-value]',
      'cafes.config.yaml:3:10: error: `targets` must be a list of `scorm12`, `scorm2004`, `xapi`, `cmi5`, `web`, not `web` [config-invalid-value]',
    ])
    expect(parse('theme:\n  primary: "#fff\n').messages[0]).toMatch(/^cafes\.config\.yaml:3:1: error: `cafes\.config\.yaml` is not valid YAML: missing closing "quote/)
  })
})
