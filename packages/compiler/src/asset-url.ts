/**
 * What a file reference written by an author points to, decided from the text alone (no disk access):
 * the disk checks (existence, symbolic links) are in `load.ts`.
 */
import path from 'node:path'

export type AssetTarget =
  /** `data:` URI: embedded, nothing to ship. */
  | { kind: 'data' }
  /** `https://…`, `//host/…`, any other scheme: would load from the network. */
  | { kind: 'external' }
  /** Absolute, or climbing out with `..`. */
  | { kind: 'outside' }
  /** A path relative to the base folder: normalised, decoded, `/` separators. */
  | { kind: 'file'; path: string }

export function assetTarget(url: string): AssetTarget {
  const trimmed = url.trim()
  if (/^data:/i.test(trimmed)) return { kind: 'data' }
  if (trimmed.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return { kind: 'external' }
  if (trimmed.startsWith('/') || trimmed.startsWith('\\')) return { kind: 'outside' }
  const withoutQuery = trimmed.replace(/[?#].*$/s, '')
  const normalised = path.posix.normalize(decode(withoutQuery))
  if (normalised === '..' || normalised.startsWith('../') || normalised.startsWith('/')) return { kind: 'outside' }
  return { kind: 'file', path: normalised.replace(/\/$/, '') }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
