/**
 * `cafes.config.yaml`, validated like the front matter: each problem at its own `line:col`.
 * Pure: finding and reading the file, and checking the logo on disk, happen in `load.ts`.
 */
import { TARGETS, type TargetId } from '@cafes/core'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { isMap, type Node as YamlNode } from 'yaml'
import { report } from './report.js'
import { rules } from './rules.js'
import type { ProjectConfig } from './types.js'
import {
  check,
  describeYaml,
  isOneOf,
  parseYamlMapping,
  readList,
  scalarString,
  scalarText,
  suggestKey,
  type YamlEntry,
} from './yaml-mapping.js'

export const CONFIG_FILE_NAME = 'cafes.config.yaml'

export interface ParsedConfig {
  /** Without the logo, which `load.ts` checks on disk. */
  config: ProjectConfig
  /** The logo path as written, relative to the config file. */
  logo?: { url: string; place: Position }
}

/** `#rgb`, `#rrggbb`, `rgb(…)`, `rgba(…)`, `hsl(…)`, `hsla(…)` with numbers only: nothing that could end a CSS rule. */
const COLOUR = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|(rgb|rgba|hsl|hsla)\([0-9a-z.,%\s/+-]*\))$/

const TOP_KEYS = ['targets', 'organisation', 'theme', 'xapiBaseIri']
const ORGANISATION_KEYS = ['name', 'logo']
const THEME_KEYS = ['primary', 'accent']

/** Validates the text of `file` (a `cafes.config.yaml`), reporting on it. */
export function parseConfig(file: VFile): ParsedConfig {
  const parsed: ParsedConfig = { config: { file: file.path } }
  const { config } = parsed
  const mapping = parseYamlMapping(String(file.value), 1)
  for (const error of mapping.errors) report(file, rules.configInvalidYaml, { detail: error.detail }, error.place)
  if (!mapping.entries) return parsed

  const invalid = (key: string, expected: string, example: string, entry: YamlEntry) => (node: YamlNode | null) => {
    const args = { key, expected, actual: describeYaml(node), example }
    report(file, rules.configInvalidValue, args, node ? mapping.place(node) : entry.valuePlace)
  }
  const unknown = (key: string, prefix: string, known: string[], place: Position) => {
    const args = { key: prefix + key, suggestion: prefixed(prefix, suggestKey(key, known)), known: known.join(', ') }
    report(file, rules.configUnknownKey, args, place)
  }
  const mappingOf = (key: string, example: string, entry: YamlEntry): YamlEntry[] | undefined => {
    if (entry.value && isMap(entry.value)) return mapping.entriesOf(entry.value)
    invalid(key, 'a mapping of `key: value` lines, indented under it', example, entry)(entry.value)
    return undefined
  }

  for (const entry of mapping.entries) {
    switch (entry.key) {
      case 'targets': {
        const expected = `a list of ${TARGETS.map((target) => `\`${target}\``).join(', ')}`
        const targets = readList(entry.value, invalid('targets', expected, 'targets: [scorm12, scorm2004]', entry), (item) => {
          const target = scalarString(item)
          return target !== undefined && isOneOf(TARGETS)(target) ? (target as TargetId) : undefined
        })
        if (targets) config.targets = targets
        break
      }
      case 'organisation': {
        const entries = mappingOf('organisation', 'organisation: { name: Les Cafés de l’IA }', entry)
        if (!entries) break
        let name: string | undefined
        for (const child of entries) {
          if (child.key === 'name') {
            const fail = invalid('organisation.name', 'a text', 'name: Les Cafés de l’IA', child)
            name = check(scalarText(child.value)?.trim(), (text) => text !== '', child.value, fail)
          } else if (child.key === 'logo') {
            const fail = invalid('organisation.logo', 'a file path', 'logo: assets/logo.svg', child)
            const url = check(scalarString(child.value), (text) => text.trim() !== '', child.value, fail)
            if (url !== undefined) parsed.logo = { url, place: child.valuePlace }
          } else {
            unknown(child.key, 'organisation.', ORGANISATION_KEYS, child.keyPlace)
          }
        }
        if (!entries.some((child) => child.key === 'name')) {
          report(file, rules.configMissingKey, { key: 'organisation.name', example: 'name: Les Cafés de l’IA' }, entry.keyPlace)
        }
        if (name !== undefined) config.organisation = { name }
        break
      }
      case 'theme': {
        const entries = mappingOf('theme', 'theme: { primary: "#5b2a86" }', entry)
        if (!entries) break
        const theme: NonNullable<ProjectConfig['theme']> = {}
        for (const child of entries) {
          if (child.key === 'primary' || child.key === 'accent') {
            const example = `${child.key}: "#5b2a86"`
            const expected = 'a CSS colour: `"#rgb"`, `"#rrggbb"` (in quotes), `rgb(…)` or `hsl(…)`'
            const fail = invalid(`theme.${child.key}`, expected, example, child)
            const colour = check(scalarString(child.value)?.trim(), (text) => COLOUR.test(text), child.value, fail)
            if (colour !== undefined) theme[child.key] = colour
          } else {
            unknown(child.key, 'theme.', THEME_KEYS, child.keyPlace)
          }
        }
        config.theme = theme
        break
      }
      case 'xapiBaseIri': {
        const expected = 'an absolute `https://` or `http://` IRI'
        const fail = invalid('xapiBaseIri', expected, 'xapiBaseIri: https://example.org/cafes', entry)
        const iri = check(scalarString(entry.value), isHttpIri, entry.value, fail)
        if (iri !== undefined) config.xapiBaseIri = iri
        break
      }
      default:
        unknown(entry.key, '', TOP_KEYS, entry.keyPlace)
    }
  }
  return parsed
}

function prefixed(prefix: string, key: string | undefined): string | undefined {
  return key === undefined ? undefined : prefix + key
}

function isHttpIri(text: string): boolean {
  if (/\s/.test(text)) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}
