/**
 * The front matter of `module.md`: what authors write (`ModuleFrontMatter`) validated key by key into
 * a `ModuleMeta`. Every unknown key, wrong type and bad value is its own diagnostic at its own place.
 */
import { COMPLETION_RULES, TARGETS, type CompletionRule, type TargetId } from '@cafes/core'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { isMap, isNode, isScalar, type Node as YamlNode } from 'yaml'
import { report } from './report.js'
import { rules } from './rules.js'
import type { ModuleFrontMatter, ModuleMeta } from './types.js'
import {
  check,
  describeYaml,
  isOneOf,
  parseYamlMapping,
  readList,
  scalarNumber,
  scalarString,
  scalarText,
  suggestKey,
} from './yaml-mapping.js'

const MODULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/
const VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/
const VERSION_MAX_LENGTH = 20

/** Every default of the front matter, in one place. `completion` depends on the module having questions. */
export function defaultMeta(): ModuleMeta {
  return { id: '', title: '', language: 'fr', version: '1.0.0', objectives: [], completion: 'pages' }
}

/** A validated front matter, and where each key the author wrote sits. */
export interface FrontMatter {
  meta: ModuleMeta
  keys: Partial<Record<keyof ModuleMeta, Position>>
  values: Partial<Record<keyof ModuleMeta, Position>>
}

type Key = keyof ModuleFrontMatter & keyof ModuleMeta

interface Field<K extends Key> {
  required?: boolean
  /** "`key` must be <expected>, not …" */
  expected: string
  example: string
  /** The value, or `undefined` after calling `fail` on each bad node (the value or a list item). */
  read: (node: YamlNode | null, fail: (node: YamlNode | null) => void) => ModuleMeta[K] | undefined
}

const FIELDS: { [K in Key]: Field<K> } = {
  id: {
    required: true,
    expected: 'a slug of lower-case letters, digits and single hyphens',
    example: 'id: mon-module',
    read: (node, fail) => check(scalarText(node), (id) => MODULE_ID.test(id), node, fail),
  },
  title: {
    required: true,
    expected: 'a text',
    example: 'title: Mon module',
    read: (node, fail) => check(scalarText(node)?.trim(), (title) => title !== '', node, fail),
  },
  language: {
    expected: 'a BCP 47 language tag such as `fr` or `fr-CA`',
    example: 'language: fr',
    read: (node, fail) => check(scalarString(node), (tag) => LANGUAGE.test(tag), node, fail),
  },
  version: {
    expected: 'a version such as `1.0.0` (major.minor.patch, 20 characters at most)',
    example: 'version: 1.0.0',
    read: (node, fail) =>
      check(scalarString(node), (version) => VERSION.test(version) && version.length <= VERSION_MAX_LENGTH, node, fail),
  },
  description: {
    expected: 'a text',
    example: 'description: En une phrase.',
    read: (node, fail) => check(scalarText(node), () => true, node, fail),
  },
  duration: {
    expected: 'a number of minutes greater than 0',
    example: 'duration: 15',
    read: (node, fail) => check(scalarNumber(node), (minutes) => minutes > 0, node, fail),
  },
  objectives: {
    expected: 'a list of texts',
    example: 'objectives: ["Reconnaître une IA transparente"]',
    read: (node, fail) => readList(node, fail, (item) => scalarText(item)),
  },
  passMark: {
    expected: 'a number from 0 to 100',
    example: 'passMark: 80',
    read: (node, fail) => check(scalarNumber(node), (mark) => mark >= 0 && mark <= 100, node, fail),
  },
  completion: {
    expected: `one of ${COMPLETION_RULES.map((rule) => `\`${rule}\``).join(', ')}`,
    example: 'completion: pages-and-passed',
    read: (node, fail) => check(scalarString(node), isOneOf(COMPLETION_RULES), node, fail) as CompletionRule | undefined,
  },
  targets: {
    expected: `a list of ${TARGETS.map((target) => `\`${target}\``).join(', ')}`,
    example: 'targets: [scorm12, scorm2004]',
    read: (node, fail) =>
      readList(node, fail, (item) => {
        const target = scalarString(item)
        return target !== undefined && isOneOf(TARGETS)(target) ? (target as TargetId) : undefined
      }),
  },
  facilitation: {
    expected: 'a mapping of session lengths in minutes, `inPerson` and `remote`',
    example: 'facilitation: { inPerson: 60, remote: 45 }',
    read: (node, fail) => {
      if (!node || !isMap(node)) {
        fail(node)
        return undefined
      }
      const facilitation: { inPerson?: number; remote?: number } = {}
      let failed = false
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : ''
        const value = isNode(pair.value) ? pair.value : null
        const minutes = scalarNumber(value)
        if ((key !== 'inPerson' && key !== 'remote') || key in facilitation) {
          failed = true
          fail(isNode(pair.key) ? pair.key : node)
        } else if (minutes === undefined || minutes <= 0) {
          failed = true
          fail(value ?? node)
        } else {
          facilitation[key] = minutes
        }
      }
      return failed ? undefined : facilitation
    },
  },
}

const KNOWN_KEYS = Object.keys(FIELDS) as Key[]

/**
 * Validates the YAML of a front matter whose first line is line `firstLine` of `file` (the line after
 * `---`), reporting on `file`. `start` is where a missing key is reported (the opening `---`).
 */
export function validateFrontMatter(source: string, firstLine: number, file: VFile, start: Point): FrontMatter {
  const frontMatter: FrontMatter = { meta: defaultMeta(), keys: {}, values: {} }
  const mapping = parseYamlMapping(source, firstLine)
  for (const error of mapping.errors) report(file, rules.frontmatterInvalidYaml, { detail: error.detail }, error.place)
  if (!mapping.entries) return frontMatter

  const meta = frontMatter.meta as unknown as Record<Key, unknown>
  for (const entry of mapping.entries) {
    if (!isKey(entry.key)) {
      const args = { key: entry.key, suggestion: suggestKey(entry.key, KNOWN_KEYS), known: KNOWN_KEYS.join(', ') }
      report(file, rules.frontmatterUnknownKey, args, entry.keyPlace)
      continue
    }
    const key = entry.key
    const field: Field<Key> = FIELDS[key]
    frontMatter.keys[key] = entry.keyPlace
    frontMatter.values[key] = entry.valuePlace
    if (entry.value === null && !field.required) continue
    let failed = false
    const value = field.read(entry.value, (node) => {
      failed = true
      const args = { key, expected: field.expected, actual: describeYaml(node), example: field.example }
      report(file, rules.frontmatterInvalidValue, args, node ? mapping.place(node) : entry.valuePlace)
    })
    if (!failed && value !== undefined) meta[key] = value
  }
  for (const key of KNOWN_KEYS) {
    const field: Field<Key> = FIELDS[key]
    if (field.required && !(key in frontMatter.keys)) {
      report(file, rules.frontmatterMissingKey, { key, example: field.example }, start)
    }
  }
  return frontMatter
}

function isKey(key: string): key is Key {
  return Object.hasOwn(FIELDS, key)
}
