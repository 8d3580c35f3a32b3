import { formatDiagnostic } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { defaultMeta, validateFrontMatter } from './frontmatter.js'
import { toDiagnostics } from './report.js'

/** Validates `yaml` as the front matter of `/m/module.md`, opening `---` on line 1. */
function validate(yaml: string) {
  const file = new VFile({ path: '/m/module.md' })
  const frontMatter = validateFrontMatter(yaml, 2, file, { line: 1, column: 1 })
  return { frontMatter, messages: toDiagnostics([file], '/m').map(formatDiagnostic) }
}

describe('validateFrontMatter', () => {
  it('applies the defaults of defaultMeta()', () => {
    const { frontMatter, messages } = validate('id: mon-module\ntitle: Mon module\n')
    expect(messages).toEqual([])
    expect(frontMatter.meta).toEqual({ ...defaultMeta(), id: 'mon-module', title: 'Mon module' })
    expect(defaultMeta()).toEqual({ id: '', title: '', language: 'fr', version: '1.0.0', objectives: [], completion: 'pages' })
  })

  it('reads every key', () => {
    const { frontMatter, messages } = validate(
      [
        'id: mon-module',
        'title: 1984',
        'language: fr-CA',
        'version: 1.2.3-rc.1',
        'description: En une phrase.',
        'duration: 12.5',
        'objectives:',
        '  - Savoir faire',
        '  - 42',
        'passMark: 0',
        'completion: passed',
        'targets: [scorm12, web]',
      ].join('\n'),
    )
    expect(messages).toEqual([])
    expect(frontMatter.meta).toEqual({
      id: 'mon-module',
      title: '1984',
      language: 'fr-CA',
      version: '1.2.3-rc.1',
      description: 'En une phrase.',
      duration: 12.5,
      objectives: ['Savoir faire', '42'],
      passMark: 0,
      completion: 'passed',
      targets: ['scorm12', 'web'],
    })
    expect(frontMatter.keys.completion?.start).toEqual({ line: 12, column: 1 })
    expect(frontMatter.values.completion?.start).toEqual({ line: 12, column: 13 })
  })

  it('reports each unknown key, wrong type and bad value at its own line:col', () => {
    const { frontMatter, messages } = validate(
      [
        'id: Mon Module',
        'title: ""',
        'langue: fr',
        'version: 1.0',
        'duration: -5',
        'objectives: [ok, {a: b}]',
        'passMark: "80"',
        'completion: always',
        'targets: scorm12',
      ].join('\n'),
    )
    expect(messages).toEqual([
      [
        'module.md:2:5: error: `id` must be a slug of lower-case letters, digits and single hyphens, not `Mon Module` [frontmatter-invalid-value]',
        '  hint: For example: `id: mon-module`.',
      ].join('\n'),
      [
        'module.md:3:8: error: `title` must be a text, not empty [frontmatter-invalid-value]',
        '  hint: For example: `title: Mon module`.',
      ].join('\n'),
      [
        'module.md:4:1: error: Unknown front-matter key `langue` [frontmatter-unknown-key]',
        '  hint: Did you mean `language`?',
      ].join('\n'),
      [
        'module.md:5:10: error: `version` must be a version such as `1.0.0` (major.minor.patch, 20 characters at most), not `1.0` [frontmatter-invalid-value]',
        '  hint: For example: `version: 1.0.0`.',
      ].join('\n'),
      [
        'module.md:6:11: error: `duration` must be a number of minutes greater than 0, not `-5` [frontmatter-invalid-value]',
        '  hint: For example: `duration: 15`.',
      ].join('\n'),
      [
        'module.md:7:18: error: `objectives` must be a list of texts, not a mapping [frontmatter-invalid-value]',
        '  hint: For example: `objectives: ["Reconnaître une IA transparente"]`.',
      ].join('\n'),
      [
        'module.md:8:11: error: `passMark` must be a number from 0 to 100, not `"80"` [frontmatter-invalid-value]',
        '  hint: For example: `passMark: 80`.',
      ].join('\n'),
      [
        'module.md:9:13: error: `completion` must be one of `pages`, `passed`, `pages-and-passed`, not `always` [frontmatter-invalid-value]',
        '  hint: For example: `completion: pages-and-passed`.',
      ].join('\n'),
      [
        'module.md:10:10: error: `targets` must be a list of `scorm12`, `scorm2004`, `xapi`, `cmi5`, `web`, not `scorm12` [frontmatter-invalid-value]',
        '  hint: For example: `targets: [scorm12, scorm2004]`.',
      ].join('\n'),
    ])
    // Bad values leave the defaults in place.
    expect(frontMatter.meta.version).toBe('1.0.0')
    expect(frontMatter.meta.completion).toBe('pages')
  })

  it('rejects a version longer than 20 characters', () => {
    const { messages } = validate('id: a\ntitle: b\nversion: 1.0.0-very-long-label')
    expect(messages[0]).toMatch(/^module\.md:4:10: error: `version` must be a version/)
  })

  it('reports missing required keys at the opening ---', () => {
    const { messages } = validate('description: Rien d’autre\n')
    expect(messages).toEqual([
      'module.md:1:1: error: The front matter has no `id`, which is required [frontmatter-missing-key]\n  hint: Add a line such as `id: mon-module`.',
      'module.md:1:1: error: The front matter has no `title`, which is required [frontmatter-missing-key]\n  hint: Add a line such as `title: Mon module`.',
    ])
  })

  it('reports YAML syntax errors with their place and skips the schema', () => {
    const { messages } = validate('id: a\nid: b\ntitle: x\n')
    expect(messages).toEqual([
      'module.md:3:1: error: The front matter is not valid YAML: map keys must be unique [frontmatter-invalid-yaml]\n' +
        '  hint: Write one `key: value` per line; put quotes around a value that holds `: ` or starts with `#`, `[` or `{`.',
    ])
  })

  it('reports a front matter that is not a mapping', () => {
    const { messages } = validate('- id\n- title\n')
    expect(messages[0]).toMatch(/^module\.md:2:1: error: The front matter is not valid YAML: expected `key: value` lines/)
  })

  it('treats an empty optional value as unset', () => {
    const { frontMatter, messages } = validate('id: a\ntitle: b\ndescription:\npassMark:\n')
    expect(messages).toEqual([])
    expect(frontMatter.meta.description).toBeUndefined()
    expect(frontMatter.meta.passMark).toBeUndefined()
  })
})
