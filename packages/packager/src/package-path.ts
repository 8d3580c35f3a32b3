/**
 * A relative href as a package path: percent-decoded, `a/./b/../c` normalised. An error when
 * it leaves the package root or names nothing. Query and fragment must be cut off first.
 */
export function resolvePackagePath(href: string): { path?: string; error?: string } {
  let decoded: string
  try {
    decoded = decodeURIComponent(href)
  } catch {
    return { error: 'the `href` holds an invalid percent-encoding' }
  }
  const segments: string[] = []
  for (const segment of decoded.split('/')) {
    if (segment === '.' || segment === '') continue
    if (segment === '..') {
      if (segments.length === 0) return { error: 'the path goes above the package root' }
      segments.pop()
    } else {
      segments.push(segment)
    }
  }
  if (segments.length === 0) return { error: 'the `href` names no file' }
  return { path: segments.join('/') }
}

/** `scheme:` first: a URL, not a path inside the package. */
export function isAbsoluteUrl(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href)
}
