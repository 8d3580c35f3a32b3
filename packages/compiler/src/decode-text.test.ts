import { describe, expect, it } from 'vitest'
import { decodeText, firstInvalidByte } from './decode-text.js'

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))))

describe('decodeText', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], '# Café\n'))).toEqual({ text: '# Café\n' })
    expect(decodeText(bytes('déjà � vu'))).toEqual({ text: 'déjà � vu' })
  })

  it('locates the first invalid byte by line and column, counting characters', () => {
    // Windows-1252 `é` (0xE9) after `Caf`, on line 3, after a line holding `é` in UTF-8.
    const result = decodeText(bytes('---\ntitle: Été\n', 'Caf', [0xe9], ' noir\n', [0xff]))
    expect(result.invalid).toEqual({ line: 3, column: 4, byte: 0xe9 })
    expect(result.text).toBe('---\ntitle: Été\nCaf\ufffd noir\n\ufffd')
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'ab', [0x80])).invalid).toEqual({ line: 1, column: 3, byte: 0x80 })
  })

  it.each([
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['a truncated sequence at the end', [0x41, 0xe2, 0x82], 1],
    ['a lead byte followed by ASCII', [0xc3, 0x41], 0],
    ['an overlong slash', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a NUL-free Latin-1 text', [0x63, 0x61, 0x66, 0xe9], 3],
  ])('rejects %s', (_, sequence, offset) => {
    expect(firstInvalidByte(Uint8Array.from(sequence))).toBe(offset)
  })

  it('accepts every well-formed sequence length', () => {
    expect(firstInvalidByte(Buffer.from('a é € 𝄞 \u0000'))).toBeUndefined()
  })
})
