/**
 * Images, audio and video in formats that not every browser of a corporate fleet plays (older Safari
 * on iPhones, Firefox, Windows without codec packs), or that are far heavier than they need be. The
 * compiler refuses the formats no browser plays; these it accepts.
 */
import path from 'node:path'
import type { Diagnostic } from '@cafes/core'
import { pagePlace, type LintCheck } from '../context.js'
import { mp4VideoCodec } from '../mp4-codec.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'

/** What every current browser plays, per kind of file: what the hints suggest. */
export const SAFE_MEDIA_FORMATS = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp'],
  audio: ['mp3', 'm4a'],
  video: ['mp4 (H.264)', 'webm'],
} as const

/** Extensions that play or show in some browsers only, with why. */
const RISKY_EXTENSIONS: Readonly<Record<string, { kind: keyof typeof SAFE_MEDIA_FORMATS; why: string }>> = {
  wav: { kind: 'audio', why: 'WAV audio is uncompressed (about 10 MB a minute): slow to load on a phone or a busy network' },
  ogg: { kind: 'audio', why: 'Safari before version 17 (older iPhones, iPads and Macs) cannot play Ogg audio' },
  oga: { kind: 'audio', why: 'Safari before version 17 (older iPhones, iPads and Macs) cannot play Ogg audio' },
  avif: { kind: 'image', why: 'Safari before 16 and Edge before 121 cannot show AVIF images' },
  tif: { kind: 'image', why: 'only Safari shows TIFF images' },
  tiff: { kind: 'image', why: 'only Safari shows TIFF images' },
  heic: { kind: 'image', why: 'only Safari shows HEIC images' },
  heif: { kind: 'image', why: 'only Safari shows HEIF images' },
  jxl: { kind: 'image', why: 'only Safari shows JPEG XL images' },
  bmp: { kind: 'image', why: 'BMP images are uncompressed: many times the weight of the same PNG' },
  psd: { kind: 'image', why: 'browsers cannot show Photoshop files' },
  ai: { kind: 'image', why: 'browsers cannot show Illustrator files' },
  eps: { kind: 'image', why: 'browsers cannot show EPS files' },
}

/** MP4 video codecs other than H.264, with why. */
const RISKY_MP4_CODECS: Readonly<Record<string, string>> = {
  hvc1: 'HEVC (H.265) video, which Firefox and many Windows and Android browsers cannot play',
  hev1: 'HEVC (H.265) video, which Firefox and many Windows and Android browsers cannot play',
  dvh1: 'Dolby Vision (HEVC) video, which most browsers but Safari cannot play',
  dvhe: 'Dolby Vision (HEVC) video, which most browsers but Safari cannot play',
  av01: 'AV1 video, which Safari before 17 and older devices cannot play',
  mp4v: 'MPEG-4 Part 2 video, which Chrome and Firefox cannot play',
  mjp2: 'Motion JPEG 2000 video, which browsers cannot play',
}

export const checkMediaFormats: LintCheck = async (context) => {
  const found: Diagnostic[] = []
  const codecs = new Map<string, Promise<string | undefined>>()
  for (const page of context.pages) {
    for (const reference of page.page.assets) {
      const extension = path.posix.extname(reference.path).slice(1).toLowerCase()
      const place = pagePlace(context, page, reference.place?.start)
      const risky = RISKY_EXTENSIONS[extension]
      if (risky) {
        found.push(lintDiagnostic(LINT_RULES.mediaFormatRisky, { url: reference.url, why: risky.why, safe: SAFE_MEDIA_FORMATS[risky.kind] }, place))
        continue
      }
      if (extension !== 'mp4') continue
      const source = path.resolve(context.module.dir, reference.path)
      let codec = codecs.get(source)
      if (!codec) codecs.set(source, (codec = mp4VideoCodec(source)))
      const why = RISKY_MP4_CODECS[(await codec) ?? '']
      if (why) found.push(lintDiagnostic(LINT_RULES.mediaFormatRisky, { url: reference.url, why: `an MP4 file of ${why}`, safe: SAFE_MEDIA_FORMATS.video }, place))
    }
  }
  return found
}
