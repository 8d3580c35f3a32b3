import { describe, expect, it } from 'vitest'
import { isIgnoredChange } from './editor-temp-files.js'

describe('isIgnoredChange', () => {
  it.each([
    '.01-intro.md.swp',
    '01-intro.md.swp',
    '01-intro.md~',
    '4913',
    '.#01-intro.md',
    '#01-intro.md#',
    'assets/photo.jpg.part',
    '01-intro.md___jb_tmp___',
    'notes.md.crswap',
    '.git/index',
    'node_modules/x/index.js',
    'assets/.DS_Store',
    '.hidden.md',
  ])('ignores %s', (path) => {
    expect(isIgnoredChange(path)).toBe(true)
  })

  it.each(['module.md', '01-intro.md', 'assets/tasse.svg', 'assets/sub/audio.mp3', 'transcripts\\podcast.vtt', 'cafes.config.yaml'])(
    'keeps %s',
    (path) => {
      expect(isIgnoredChange(path)).toBe(false)
    },
  )
})
