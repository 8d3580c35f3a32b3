import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mp4VideoCodec } from '../src/mp4-codec.js'
import { box, folderWith, mp4With } from './support.js'

describe('mp4VideoCodec', () => {
  it.each(['avc1', 'hvc1', 'hev1', 'av01'])('reads %s from the first video sample entry, moov after mdat', async (format) => {
    const dir = folderWith({ 'clip.mp4': mp4With(format) })
    expect(await mp4VideoCodec(join(dir, 'clip.mp4'))).toBe(format)
  })

  it('skips audio sample entries', async () => {
    const audio = box('stsd', Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]), box('mp4a', Buffer.alloc(28)))
    const moov = box('moov', box('trak', box('mdia', box('minf', box('stbl', audio)))))
    const dir = folderWith({ 'sound.m4a': Buffer.concat([box('ftyp', Buffer.alloc(8)), moov]) })
    expect(await mp4VideoCodec(join(dir, 'sound.m4a'))).toBeUndefined()
  })

  it('gives up quietly on files that are not MP4, cut short or missing', async () => {
    const dir = folderWith({ 'text.mp4': 'not a video at all', 'cut.mp4': mp4With('hvc1').subarray(0, 60) })
    writeFileSync(join(dir, 'empty.mp4'), '')
    for (const name of ['text.mp4', 'cut.mp4', 'empty.mp4', 'missing.mp4']) {
      expect(await mp4VideoCodec(join(dir, name))).toBeUndefined()
    }
  })
})
