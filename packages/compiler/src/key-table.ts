/**
 * The keys of a YAML mapping as data (the front matter, `cafes.config.yaml`): which keys exist, what
 * each takes, its wording for diagnostics and its example. The validators read a table through
 * `validateKeyTable`, and `schema.ts` turns the same table into a JSON Schema for editors, so the
 * two cannot drift apart.
 */
import type { Position } from 'unist'
import { isMap, isNode, isScalar, type Node as YamlNode } from 'yaml'
import {
  check,
  isOneOf,
  readList,
  scalarNumber,
  scalarString,
  scalarText,
  type YamlEntry,
  type YamlMapping,
} from './yaml-mapping.js'

/** What a value must be. Each kind maps to one JSON Schema shape (`schema.ts`). */
export type ValueSpec =
  /** Any scalar, as written (`title: 1984` is the text `1984`). */
  | { type: 'text'; pattern?: RegExp; trim?: boolean; nonEmpty?: boolean }
  /** A string scalar only (`version: 1.0` is a number, not a version). */
  | { type: 'string'; pattern?: RegExp; maxLength?: number; trim?: boolean; nonEmpty?: boolean; httpIri?: boolean }
  | { type: 'number'; minimum?: number; maximum?: number; exclusiveMinimum?: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; items: ValueSpec }
  /** A mapping read as one value: a wrong key or value inside is a wrong value of the whole. */
  | { type: 'record'; properties: Readonly<Record<string, ValueSpec>> }
  /** A mapping whose keys are validated one by one, each reported on its own (`organisation.name`). */
  | { type: 'section'; keys: KeyTable }

export interface KeySpec {
  value: ValueSpec
  required?: boolean
  /** What the key is for, as editors show it on hover. */
  description: string
  /** "`key` must be <expected>, not …" */
  expected: string
  /** One YAML line (or flow mapping) that is valid: `passMark: 80`. */
  example: string
}

export type KeyTable = Readonly<Record<string, KeySpec>>

/** How one table reports its problems: the front matter and the config word them differently. */
export interface KeyTableReporter {
  unknownKey: (entry: YamlEntry, prefix: string, known: string[]) => void
  missingKey: (path: string, spec: KeySpec, place: Position) => void
  invalidValue: (path: string, spec: KeySpec, node: YamlNode | null, entry: YamlEntry) => void
}

export interface KeyTableOptions {
  mapping: YamlMapping
  reporter: KeyTableReporter
  /** Where a missing top-level key is reported. */
  missingPlace: Position
  /** `key:` with no value leaves an optional key unset (front matter), rather than being a wrong value. */
  emptyIsUnset: boolean
}

export interface KeyTableResult {
  /** The valid values by key; a section's value is present when its required keys are. */
  values: Record<string, unknown>
  /** Every known key written, by dotted path (`organisation.logo`), with its places. */
  entries: Map<string, YamlEntry>
}

/** Validates `entries` against `table`, reporting each problem once, at its own place. */
export function validateKeyTable(table: KeyTable, entries: readonly YamlEntry[], options: KeyTableOptions): KeyTableResult {
  const result: KeyTableResult = { values: {}, entries: new Map() }
  validateLevel(table, entries, '', options.missingPlace, options, result)
  return result
}

function validateLevel(
  table: KeyTable,
  entries: readonly YamlEntry[],
  prefix: string,
  missingPlace: Position,
  options: KeyTableOptions,
  result: KeyTableResult,
): Record<string, unknown> | undefined {
  const { reporter, mapping } = options
  const known = Object.keys(table)
  const values: Record<string, unknown> = {}
  for (const entry of entries) {
    const spec = Object.hasOwn(table, entry.key) ? table[entry.key] : undefined
    if (!spec) {
      reporter.unknownKey(entry, prefix, known)
      continue
    }
    const path = prefix + entry.key
    result.entries.set(path, entry)
    if (entry.value === null && options.emptyIsUnset && !spec.required) continue
    if (spec.value.type === 'section') {
      if (entry.value && isMap(entry.value)) {
        const section = validateLevel(spec.value.keys, mapping.entriesOf(entry.value), `${path}.`, entry.keyPlace, options, result)
        if (section) values[entry.key] = section
      } else {
        reporter.invalidValue(path, spec, entry.value, entry)
      }
      continue
    }
    let failed = false
    const value = readValue(spec.value, entry.value, (node) => {
      failed = true
      reporter.invalidValue(path, spec, node, entry)
    })
    if (!failed && value !== undefined) values[entry.key] = value
  }
  let complete = true
  for (const [key, spec] of Object.entries(table)) {
    if (!spec.required) continue
    if (!result.entries.has(prefix + key)) reporter.missingKey(prefix + key, spec, missingPlace)
    if (!(key in values)) complete = false
  }
  if (prefix === '') Object.assign(result.values, values)
  return complete ? values : undefined
}

/** The value `node` holds, or `undefined` after calling `fail` on each bad node (the value or a list item). */
export function readValue(spec: ValueSpec, node: YamlNode | null, fail: (node: YamlNode | null) => void): unknown {
  switch (spec.type) {
    case 'text':
    case 'string': {
      const raw = spec.type === 'text' ? scalarText(node) : scalarString(node)
      const text = spec.trim ? raw?.trim() : raw
      return check(text, (value) => isValidString(spec, value), node, fail)
    }
    case 'number': {
      const { minimum, maximum, exclusiveMinimum } = spec
      const inRange = (value: number) =>
        (minimum === undefined || value >= minimum) &&
        (maximum === undefined || value <= maximum) &&
        (exclusiveMinimum === undefined || value > exclusiveMinimum)
      return check(scalarNumber(node), inRange, node, fail)
    }
    case 'enum':
      return check(scalarString(node), isOneOf(spec.values), node, fail)
    case 'list':
      return readList(node, fail, (item) => readValue(spec.items, item, () => undefined))
    case 'record':
      return readRecord(spec.properties, node, fail)
    case 'section':
      // Sections are validated key by key by `validateKeyTable`; as a plain value, only the shape counts.
      if (!node || !isMap(node)) fail(node)
      return undefined
  }
}

function isValidString(spec: Extract<ValueSpec, { type: 'text' | 'string' }>, value: string): boolean {
  if (spec.nonEmpty && value.trim() === '') return false
  if (spec.pattern && !spec.pattern.test(value)) return false
  if (spec.type === 'string' && spec.maxLength !== undefined && value.length > spec.maxLength) return false
  if (spec.type === 'string' && spec.httpIri && !isHttpIri(value)) return false
  return true
}

function readRecord(
  properties: Readonly<Record<string, ValueSpec>>,
  node: YamlNode | null,
  fail: (node: YamlNode | null) => void,
): Record<string, unknown> | undefined {
  if (!node || !isMap(node)) {
    fail(node)
    return undefined
  }
  const record: Record<string, unknown> = {}
  let failed = false
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const value = isNode(pair.value) ? pair.value : null
    const spec = Object.hasOwn(properties, key) ? properties[key] : undefined
    if (!spec || key in record) {
      failed = true
      fail(isNode(pair.key) ? pair.key : node)
      continue
    }
    const read = readValue(spec, value, () => undefined)
    if (read === undefined) {
      failed = true
      fail(value ?? node)
    } else {
      record[key] = read
    }
  }
  return failed ? undefined : record
}

/** An absolute `http(s)` IRI with a host and no white space. */
export function isHttpIri(text: string): boolean {
  if (/\s/.test(text)) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}
