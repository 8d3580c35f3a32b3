/**
 * `cafes.config.yaml`, validated like the front matter: each problem at its own `line:col`.
 * Pure: finding and reading the file, and checking the logo on disk, happen in `load.ts`.
 */
import { TARGETS } from '@cafes/core'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from './report.js'
import { rules } from './rules.js'
import type { ProjectConfig } from './types.js'
import { readValue, validateKeyTable, type KeySpec, type KeyTable } from './key-table.js'
import { describeYaml, parseYamlMapping, suggestKey } from './yaml-mapping.js'

export const CONFIG_FILE_NAME = 'cafes.config.yaml'

export interface ParsedConfig {
  /** Without the logo, which `load.ts` checks on disk. */
  config: ProjectConfig
  /** The logo path as written, relative to the config file. */
  logo?: { url: string; place: Position }
}

/** `#rgb`, `#rrggbb`, `rgb(…)`, `rgba(…)`, `hsl(…)`, `hsla(…)` with numbers only: nothing that could end a CSS rule. */
const COLOUR = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|(rgb|rgba|hsl|hsla)\([0-9a-z.,%\s/+-]*\))$/

const MAPPING = 'a mapping of `key: value` lines, indented under it'

function colour(key: 'primary' | 'accent', description: string): KeySpec {
  return {
    value: { type: 'string', trim: true, pattern: COLOUR },
    description,
    expected: 'a CSS colour: `"#rgb"`, `"#rrggbb"` (in quotes), `rgb(…)` or `hsl(…)`',
    example: `${key}: "#5b2a86"`,
  }
}

/** Every key of `cafes.config.yaml`, as data: the validator below and the JSON Schema (`schema.ts`) read it. */
export const CONFIG_KEYS = {
  targets: {
    value: { type: 'list', items: { type: 'enum', values: TARGETS } },
    description: 'Default targets of every module that names none of its own.',
    expected: `a list of ${TARGETS.map((target) => `\`${target}\``).join(', ')}`,
    example: 'targets: [scorm12, scorm2004]',
  },
  organisation: {
    value: {
      type: 'section',
      keys: {
        name: {
          required: true,
          value: { type: 'text', trim: true, nonEmpty: true },
          description: 'The organisation that publishes the modules, shown by the player.',
          expected: 'a text',
          example: 'name: Les Cafés de l’IA',
        },
        logo: {
          value: { type: 'string', nonEmpty: true },
          description: 'Logo file, relative to `cafes.config.yaml`; shipped in every package.',
          expected: 'a file path',
          example: 'logo: assets/logo.svg',
        },
      },
    },
    description: 'The publisher of the modules.',
    expected: MAPPING,
    example: 'organisation: { name: Les Cafés de l’IA }',
  },
  theme: {
    value: {
      type: 'section',
      keys: {
        primary: colour('primary', 'Main colour of the player (buttons, progress).'),
        accent: colour('accent', 'Second colour of the player (highlights).'),
      },
    },
    description: 'Colours of the player.',
    expected: MAPPING,
    example: 'theme: { primary: "#5b2a86" }',
  },
  xapiBaseIri: {
    value: { type: 'string', httpIri: true },
    description:
      'xAPI and cmi5 activity IRIs start here; LRSs key every record on them: set a domain you control, once. ' +
      'Default: `https://cafes.invalid/xapi/`.',
    expected: 'an absolute `https://` or `http://` IRI',
    example: 'xapiBaseIri: https://example.org/cafes',
  },
} as const satisfies KeyTable

/** Validates the text of `file` (a `cafes.config.yaml`), reporting on it. */
export function parseConfig(file: VFile): ParsedConfig {
  const parsed: ParsedConfig = { config: { file: file.path } }
  const mapping = parseYamlMapping(String(file.value), 1)
  for (const error of mapping.errors) report(file, rules.configInvalidYaml, { detail: error.detail }, error.place)
  if (!mapping.entries) return parsed

  const start = { line: 1, column: 1 }
  const { values, entries } = validateKeyTable(CONFIG_KEYS, mapping.entries, {
    mapping,
    emptyIsUnset: false,
    missingPlace: { start, end: start },
    reporter: {
      unknownKey: (entry, prefix, known) => {
        const suggestion = suggestKey(entry.key, known)
        const args = { key: prefix + entry.key, suggestion: suggestion && prefix + suggestion, known: known.join(', ') }
        report(file, rules.configUnknownKey, args, entry.keyPlace)
      },
      missingKey: (key, spec, place) => report(file, rules.configMissingKey, { key, example: spec.example }, place),
      invalidValue: (key, spec, node, entry) => {
        const args = { key, expected: spec.expected, actual: describeYaml(node), example: spec.example }
        report(file, rules.configInvalidValue, args, node ? mapping.place(node) : entry.valuePlace)
      },
    },
  })
  const { organisation, ...rest } = values as Omit<ProjectConfig, 'file' | 'organisation'> & {
    organisation?: { name: string; logo?: string }
  }
  Object.assign(parsed.config, rest)
  if (organisation) parsed.config.organisation = { name: organisation.name }
  // The logo is checked on disk by `load.ts`, from where it is written, even when the name is missing.
  const logo = entries.get('organisation.logo')
  const url = logo && readValue(CONFIG_KEYS.organisation.value.keys.logo.value, logo.value, () => undefined)
  if (logo && typeof url === 'string') parsed.logo = { url, place: logo.valuePlace }
  return parsed
}
