import type { ReleaseIndex } from './release-index.js'

/**
 * `SHA256SUMS` in `sha256sum`'s text format (`<hex>  <name>`, one zip a line), sorted by the
 * bytes of the names, so `sha256sum -c SHA256SUMS` checks a download. Empty for an empty catalogue.
 */
export function sha256Sums(index: ReleaseIndex): string {
  const lines = index.modules
    .flatMap((module) => module.targets)
    .map((entry) => ({ name: entry.file, line: `${entry.sha256}  ${entry.file}\n` }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
  return lines.map((entry) => entry.line).join('')
}

/** `index.json`: the index as built (keys in a fixed order), two-space indented, ending with a newline. */
export function indexJson(index: ReleaseIndex): string {
  return `${JSON.stringify(index, null, 2)}\n`
}
