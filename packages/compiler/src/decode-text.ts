/**
 * Bytes read from disk → the text authors wrote. Authors' editors (and files exported from office
 * suites) sometimes save Windows-1252 or Latin-1: Node's lossy decoding would silently turn `é` into
 * `�`, so we find the first byte that is not UTF-8 and say where it is.
 */

export interface DecodedText {
  /** The text, without a byte-order mark; invalid bytes become U+FFFD so the rest can still be checked. */
  text: string
  /** Where the first invalid byte sits (1-based, columns in UTF-16 code units as unist counts them). */
  invalid?: { line: number; column: number; byte: number }
}

/** Decodes `bytes` as UTF-8, tolerating a byte-order mark, and locates the first invalid byte. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const decoded = buffer.toString('utf8')
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded
  // Fast path: a valid file decodes without any replacement character it did not contain.
  if (!decoded.includes('\ufffd')) return { text }
  const offset = firstInvalidByte(buffer)
  if (offset === undefined) return { text }
  const lineStart = buffer.lastIndexOf(0x0a, offset - 1) + 1
  let line = 1
  for (let index = buffer.indexOf(0x0a); index !== -1 && index < offset; index = buffer.indexOf(0x0a, index + 1)) line++
  const bom = lineStart === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0
  const column = buffer.toString('utf8', lineStart + bom, offset).length + 1
  return { text, invalid: { line, column, byte: buffer[offset] ?? 0 } }
}

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or undefined when every byte does.
 */
export function firstInvalidByte(bytes: Uint8Array): number | undefined {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      index++
      continue
    }
    let length: number
    let min = 0x80
    let max = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) min = 0xa0
      if (lead === 0xed) max = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) min = 0x90
      if (lead === 0xf4) max = 0x8f
    } else return index
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      // Only the second byte has a narrower range (overlongs, surrogates, > U+10FFFF).
      const low = next === 1 ? min : 0x80
      const high = next === 1 ? max : 0xbf
      if (byte === undefined || byte < low || byte > high) return index
    }
    index += length
  }
  return undefined
}
