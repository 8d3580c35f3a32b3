/**
 * YAML `key: value` mappings with the place of every key and value, for the front matter and
 * `cafes.config.yaml`: both are validated key by key, each problem at its own `line:col`.
 */
import type { Position } from 'unist'
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml'

export interface YamlEntry {
  key: string
  keyPlace: Position
  /** `null` for an empty value (`key:`). */
  value: YamlNode | null
  /** The value's place; the key's when the value is empty. */
  valuePlace: Position
}

export interface YamlMapping {
  /** The top-level entries; `undefined` when the YAML is broken or is not a mapping. */
  entries: YamlEntry[] | undefined
  /** Syntax errors, and "not a mapping". */
  errors: Array<{ detail: string; place: Position }>
  /** The place of any node of this document. */
  place: (node: YamlNode) => Position
  /** The entries of a nested mapping. */
  entriesOf: (map: YAMLMap) => YamlEntry[]
}

/**
 * Parses `source` (YAML whose first line is line `firstLine` of its file) as a mapping.
 * An empty document is an empty mapping.
 */
export function parseYamlMapping(source: string, firstLine: number): YamlMapping {
  const lineCounter = new LineCounter()
  const document = parseDocument(source, { lineCounter, prettyErrors: false, keepSourceTokens: false })
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line: line + firstLine - 1, column: col }
  }
  const placeOfRange = (range: readonly [number, number, number] | null | undefined): Position => {
    const [start, end] = range ?? [0, 0]
    return { start: at(start), end: at(end) }
  }
  const place = (node: YamlNode) => placeOfRange(node.range)
  const entriesOf = (map: YAMLMap): YamlEntry[] =>
    map.items.map((pair) => {
      const keyNode = pair.key as YamlNode | null
      const keyPlace = keyNode ? place(keyNode) : placeOfRange(null)
      const value = (pair.value as YamlNode | null) ?? null
      const empty = value === null || (isScalar(value) && value.value === null && !value.source)
      return {
        key: keyNode && isScalar(keyNode) ? String(keyNode.value) : String(keyNode),
        keyPlace,
        value: value && !(isScalar(value) && value.value === null) ? value : null,
        valuePlace: empty ? keyPlace : place(value),
      }
    })

  const errors = document.errors.map((error) => ({
    detail: error.message.replace(/\.$/, '').replace(/^./, (first) => first.toLowerCase()),
    place: placeOfRange([error.pos[0], error.pos[1], error.pos[1]]),
  }))
  if (errors.length > 0) return { entries: undefined, errors, place, entriesOf }
  const contents = document.contents as YamlNode | null
  if (contents === null) return { entries: [], errors, place, entriesOf }
  if (!isMap(contents)) {
    errors.push({ detail: 'expected `key: value` lines', place: place(contents) })
    return { entries: undefined, errors, place, entriesOf }
  }
  return { entries: entriesOf(contents), errors, place, entriesOf }
}

/** A value as an author reads it in a message: `` `text` ``, `12`, "a list", "empty". */
export function describeYaml(node: YamlNode | null): string {
  if (node === null) return 'empty'
  if (isScalar(node)) {
    if (node.value === null) return 'empty'
    if (typeof node.value === 'string') {
      if (node.value === '') return 'empty'
      // `"80"` is text, not the number 80: show the quotes.
      const looksTyped = /^(-?\d+(\.\d+)?|true|false|null)$/.test(node.value)
      return `\`${looksTyped ? JSON.stringify(node.value) : shorten(node.value)}\``
    }
    return `\`${shorten(node.source ?? String(node.value))}\``
  }
  if (isSeq(node)) return 'a list'
  if (isMap(node)) return 'a mapping'
  if (isAlias(node)) return 'an alias'
  return 'this value'
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ')
  return line.length > 40 ? `${line.slice(0, 39)}…` : line
}

/** The string of a plain or quoted scalar; numbers and booleans as written (`title: 1984`). */
export function scalarText(node: YamlNode | null): string | undefined {
  if (!node || !isScalar(node) || node.value === null) return undefined
  if (typeof node.value === 'string') return node.value
  if (typeof node.value === 'number' || typeof node.value === 'boolean') return node.source ?? String(node.value)
  return undefined
}

/** A string scalar only: `version: 1.0` is a number, not a version. */
export function scalarString(node: YamlNode | null): string | undefined {
  return node && isScalar(node) && typeof node.value === 'string' ? node.value : undefined
}

export function scalarNumber(node: YamlNode | null): number | undefined {
  return node && isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value) ? node.value : undefined
}

export function isOneOf(values: readonly string[]): (value: string) => boolean {
  return (value) => values.includes(value)
}

/** `value` when it is defined and passes `valid`; otherwise reports `node` through `fail`. */
export function check<T>(
  value: T | undefined,
  valid: (value: T) => boolean,
  node: YamlNode | null,
  fail: (node: YamlNode | null) => void,
): T | undefined {
  if (value !== undefined && valid(value)) return value
  fail(node)
  return undefined
}

/** A list whose items `readItem` accepts; each bad item goes to `fail` on its own, for its own place. */
export function readList<T>(
  node: YamlNode | null,
  fail: (node: YamlNode | null) => void,
  readItem: (item: YamlNode | null) => T | undefined,
): T[] | undefined {
  if (!node || !isSeq(node)) {
    fail(node)
    return undefined
  }
  const values: T[] = []
  for (const item of node.items as Array<YamlNode | null>) {
    const value = readItem(item)
    if (value === undefined) fail(item)
    else values.push(value)
  }
  return values.length === node.items.length ? values : undefined
}

/** A key written close to one of `known` (`passmark`, `pass_mark` → `passMark`), for "did you mean". */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const loose = (text: string) => text.toLowerCase().replace(/[-_\s]/g, '')
  const exact = known.find((candidate) => loose(candidate) === loose(key))
  if (exact) return exact
  if (key.length < 4) return undefined
  return known.find((candidate) => distance(loose(candidate), loose(key)) <= 2)
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
