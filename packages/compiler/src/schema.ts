/**
 * JSON Schemas (draft-07) of the front matter and of `cafes.config.yaml`, generated from the key
 * tables the compiler validates with, for editors (completion, hover, squiggles). `pnpm schema`
 * writes them to `packages/compiler/schemas/`; a test fails when the committed files are stale.
 *
 * The compiler stays the judge: a schema cannot say "a scalar as written" (`title: 1984` is a
 * text), an absolute IRI with a host, or that an empty optional front-matter key is unset. Where
 * they differ, the schema is the stricter.
 */
import { parse } from 'yaml'
import { CONFIG_KEYS } from './config.js'
import { FRONT_MATTER_KEYS } from './frontmatter.js'
import type { KeySpec, KeyTable, ValueSpec } from './key-table.js'

/** A JSON Schema object, as plain JSON. */
export type JsonSchema = { [key: string]: unknown }

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#'

/** The JSON Schema of the front matter of `module.md`. */
export function moduleSchema(): JsonSchema {
  return {
    $schema: DRAFT_07,
    $id: 'https://cafes.invalid/schemas/module.schema.json',
    title: 'cafes module front matter',
    description: 'The YAML front matter of a module’s `module.md` (docs/authoring.md).',
    ...tableSchema(FRONT_MATTER_KEYS),
  }
}

/** The JSON Schema of `cafes.config.yaml`. */
export function configSchema(): JsonSchema {
  return {
    $schema: DRAFT_07,
    $id: 'https://cafes.invalid/schemas/config.schema.json',
    title: 'cafes.config.yaml',
    description: 'Settings shared by every module of a repository (docs/authoring.md).',
    ...tableSchema(CONFIG_KEYS),
  }
}

function tableSchema(table: KeyTable): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  for (const [key, spec] of Object.entries(table)) properties[key] = keySchema(key, spec)
  const required = Object.entries(table)
    .filter(([, spec]) => spec.required)
    .map(([key]) => key)
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false }
}

function keySchema(key: string, spec: KeySpec): JsonSchema {
  const example = (parse(spec.example) as Record<string, unknown> | null)?.[key]
  return {
    description: spec.description,
    ...valueSchema(spec.value),
    ...(example === undefined ? {} : { examples: [example] }),
  }
}

function valueSchema(spec: ValueSpec): JsonSchema {
  switch (spec.type) {
    case 'text':
      return {
        // YAML reads `title: 1984` as a number; the compiler takes it as written.
        type: spec.pattern ? ['string', 'number'] : ['string', 'number', 'boolean'],
        ...(spec.pattern ? { pattern: spec.pattern.source } : {}),
        ...(spec.nonEmpty ? { minLength: 1 } : {}),
      }
    case 'string':
      return {
        type: 'string',
        ...(spec.pattern ? { pattern: spec.pattern.source } : {}),
        ...(spec.httpIri ? { pattern: '^https?://[^\\s/?#]+' } : {}),
        ...(spec.nonEmpty ? { minLength: 1 } : {}),
        ...(spec.maxLength === undefined ? {} : { maxLength: spec.maxLength }),
      }
    case 'number':
      return {
        type: 'number',
        ...(spec.minimum === undefined ? {} : { minimum: spec.minimum }),
        ...(spec.maximum === undefined ? {} : { maximum: spec.maximum }),
        ...(spec.exclusiveMinimum === undefined ? {} : { exclusiveMinimum: spec.exclusiveMinimum }),
      }
    case 'enum':
      return { type: 'string', enum: [...spec.values] }
    case 'list':
      return { type: 'array', items: valueSchema(spec.items) }
    case 'record': {
      const properties: Record<string, JsonSchema> = {}
      for (const [key, value] of Object.entries(spec.properties)) properties[key] = valueSchema(value)
      return { type: 'object', properties, additionalProperties: false }
    }
    case 'section':
      return tableSchema(spec.keys)
  }
}
