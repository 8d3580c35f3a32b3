/**
 * The front matter of `module.md`: what authors write (`ModuleFrontMatter`) validated key by key into
 * a `ModuleMeta`. Every unknown key, wrong type and bad value is its own diagnostic at its own place.
 */
import { COMPLETION_RULES, TARGETS } from '@cafes/core'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from './report.js'
import { rules } from './rules.js'
import type { ModuleFrontMatter, ModuleMeta } from './types.js'
import { validateKeyTable, type KeySpec } from './key-table.js'
import { describeYaml, parseYamlMapping, suggestKey } from './yaml-mapping.js'

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

/**
 * Every key of the front matter, as data: the validator below and the JSON Schema (`schema.ts`) both
 * read it. `satisfies` keeps it in step with `ModuleFrontMatter`.
 */
export const FRONT_MATTER_KEYS = {
  id: {
    required: true,
    value: { type: 'text', pattern: MODULE_ID },
    description: 'The module id: LMSs and LRSs key learner records on it, so never change it once published.',
    expected: 'a slug of lower-case letters, digits and single hyphens',
    example: 'id: mon-module',
  },
  title: {
    required: true,
    value: { type: 'text', trim: true, nonEmpty: true },
    description: 'The title learners and LMS administrators see.',
    expected: 'a text',
    example: 'title: Mon module',
  },
  language: {
    value: { type: 'string', pattern: LANGUAGE },
    description: 'BCP 47 language tag of the content and of the player. Default: `fr`.',
    expected: 'a BCP 47 language tag such as `fr` or `fr-CA`',
    example: 'language: fr',
  },
  version: {
    value: { type: 'string', pattern: VERSION, maxLength: VERSION_MAX_LENGTH },
    description: 'Version of the module (major.minor.patch); goes into the manifest, never into ids. Default: `1.0.0`.',
    expected: 'a version such as `1.0.0` (major.minor.patch, 20 characters at most)',
    example: 'version: 1.0.0',
  },
  description: {
    value: { type: 'text' },
    description: 'One sentence shown in LMS catalogues.',
    expected: 'a text',
    example: 'description: En une phrase.',
  },
  duration: {
    value: { type: 'number', exclusiveMinimum: 0 },
    description: 'Typical duration in minutes.',
    expected: 'a number of minutes greater than 0',
    example: 'duration: 15',
  },
  objectives: {
    value: { type: 'list', items: { type: 'text' } },
    description: 'What the learner will be able to do, one item each.',
    expected: 'a list of texts',
    example: 'objectives: ["Reconnaître une IA transparente"]',
  },
  passMark: {
    value: { type: 'number', minimum: 0, maximum: 100 },
    description: 'Pass mark of every quiz, 0–100, unless a quiz sets `pass=`.',
    expected: 'a number from 0 to 100',
    example: 'passMark: 80',
  },
  completion: {
    value: { type: 'enum', values: COMPLETION_RULES },
    description:
      'When the module is complete: `pages` (every page seen), `passed` (score ≥ pass mark) or both. ' +
      'Default: `pages-and-passed` with questions, else `pages`.',
    expected: `one of ${COMPLETION_RULES.map((rule) => `\`${rule}\``).join(', ')}`,
    example: 'completion: pages-and-passed',
  },
  targets: {
    value: { type: 'list', items: { type: 'enum', values: TARGETS } },
    description: 'Default targets of this module when `cafes build` gets no `--target`.',
    expected: `a list of ${TARGETS.map((target) => `\`${target}\``).join(', ')}`,
    example: 'targets: [scorm12, scorm2004]',
  },
  facilitation: {
    value: {
      type: 'record',
      properties: { inPerson: { type: 'number', exclusiveMinimum: 0 }, remote: { type: 'number', exclusiveMinimum: 0 } },
    },
    description: 'Suggested session lengths in minutes, for the facilitator edition.',
    expected: 'a mapping of session lengths in minutes, `inPerson` and `remote`',
    example: 'facilitation: { inPerson: 60, remote: 45 }',
  },
} as const satisfies { [K in Key]: KeySpec }

const KNOWN_KEYS = Object.keys(FRONT_MATTER_KEYS) as Key[]

/**
 * Validates the YAML of a front matter whose first line is line `firstLine` of `file` (the line after
 * `---`), reporting on `file`. `start` is where a missing key is reported (the opening `---`).
 */
export function validateFrontMatter(source: string, firstLine: number, file: VFile, start: Point): FrontMatter {
  const frontMatter: FrontMatter = { meta: defaultMeta(), keys: {}, values: {} }
  const mapping = parseYamlMapping(source, firstLine)
  for (const error of mapping.errors) report(file, rules.frontmatterInvalidYaml, { detail: error.detail }, error.place)
  if (!mapping.entries) return frontMatter

  const { values, entries } = validateKeyTable(FRONT_MATTER_KEYS, mapping.entries, {
    mapping,
    emptyIsUnset: true,
    missingPlace: { start, end: start },
    reporter: {
      unknownKey: (entry) => {
        const args = { key: entry.key, suggestion: suggestKey(entry.key, KNOWN_KEYS), known: KNOWN_KEYS.join(', ') }
        report(file, rules.frontmatterUnknownKey, args, entry.keyPlace)
      },
      missingKey: (key, spec) => report(file, rules.frontmatterMissingKey, { key, example: spec.example }, start),
      invalidValue: (key, spec, node, entry) => {
        const args = { key, expected: spec.expected, actual: describeYaml(node), example: spec.example }
        report(file, rules.frontmatterInvalidValue, args, node ? mapping.place(node) : entry.valuePlace)
      },
    },
  })
  for (const [key, entry] of entries) {
    frontMatter.keys[key as Key] = entry.keyPlace
    frontMatter.values[key as Key] = entry.valuePlace
  }
  Object.assign(frontMatter.meta, values as Partial<ModuleMeta>)
  return frontMatter
}
