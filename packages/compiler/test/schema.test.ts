/**
 * The JSON Schemas come from the compiler's own key tables: the committed files must be what
 * `pnpm schema` writes, and they must accept the examples' front matter and configs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { configSchema, moduleSchema } from '../src/index.js'

const root = new URL('../../../', import.meta.url)
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, root)), 'utf8')

function frontMatterOf(path: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(read(path))
  if (!match) throw new Error(`${path} has no front matter`)
  return parse(match[1] ?? '')
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true })
const validateModule = ajv.compile(moduleSchema())
const validateConfig = ajv.compile(configSchema())

describe('JSON Schemas', () => {
  it.each([
    ['module.schema.json', moduleSchema],
    ['config.schema.json', configSchema],
  ])('packages/compiler/schemas/%s is up to date (run `pnpm schema`)', (name, schema) => {
    expect(read(`packages/compiler/schemas/${name}`)).toBe(`${JSON.stringify(schema(), null, 2)}\n`)
  })

  const examples = readdirSync(fileURLToPath(new URL('examples/', root)), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `examples/${entry.name}/module.md`)
  it.each([...examples, 'test/fixtures/facilitator/module.md', 'packages/cli/src/scaffold/module.md'])(
    'accepts the front matter of %s',
    (path) => {
      const valid = validateModule(frontMatterOf(path))
      expect(validateModule.errors ?? []).toEqual([])
      expect(valid).toBe(true)
    },
  )

  it('accepts the example configuration of docs/authoring.md and test/fixtures/with-config', () => {
    const documented = /## `cafes\.config\.yaml`[\s\S]*?```yaml\n([\s\S]*?)```/.exec(read('docs/authoring.md'))?.[1]
    for (const text of [documented ?? '', read('test/fixtures/with-config/cafes.config.yaml')]) {
      expect(validateConfig(parse(text)), JSON.stringify(validateConfig.errors)).toBe(true)
    }
  })

  it('rejects a bad front matter and a bad configuration, naming what is wrong', () => {
    expect(validateModule({ id: 'Mon Module', title: 'x', passmark: 80, passMark: 120 })).toBe(false)
    expect(validateModule.errors?.map((error) => `${error.instancePath} ${error.keyword}`).sort()).toEqual([
      ' additionalProperties',
      '/id pattern',
      '/passMark maximum',
    ])
    expect(validateModule({ title: 'Sans id' })).toBe(false)
    expect(validateModule.errors?.[0]?.params).toEqual({ missingProperty: 'id' })

    expect(validateConfig({ targets: ['moodle'], organisation: { logo: 'x.svg' }, theme: { primary: 'red; x' } })).toBe(false)
    expect(validateConfig.errors?.map((error) => `${error.instancePath} ${error.keyword}`).sort()).toEqual([
      '/organisation required',
      '/targets/0 enum',
      '/theme/primary pattern',
    ])
    expect(validateConfig({ xapiBaseIri: 'example.org/cafes' })).toBe(false)
  })

  it('gives every key an example that the schema accepts', () => {
    for (const [schema, validate] of [
      [moduleSchema(), validateModule],
      [configSchema(), validateConfig],
    ] as const) {
      const properties = schema.properties as Record<string, { examples?: unknown[] }>
      for (const [key, property] of Object.entries(properties)) {
        expect(property.examples, key).toHaveLength(1)
        // The front matter requires `id` and `title`; the config requires nothing at its top.
        const base = schema.required ? { id: 'exemple', title: 'Exemple' } : {}
        const value = { ...base, [key]: property.examples?.[0] }
        expect(validate(value), `${key}: ${JSON.stringify(validate.errors)}`).toBe(true)
      }
    }
  })
})
