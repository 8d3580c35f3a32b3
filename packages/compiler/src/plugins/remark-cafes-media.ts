/**
 * `audio` and `video` containers become `cafesBlock` media: the file to play and its MIME type, the
 * transcript (audio: WebVTT or Markdown) or captions (video: WebVTT), a poster, chapters (`- 01:30
 * Title`). Files are added to `file.data.assets` for `load.ts` to check; the transcript is read and
 * parsed later by `compile.ts`, which has the disk.
 */
import type { MediaBlock } from '@cafes/core'
import type { Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { packagePath } from '../ascii.js'
import { assetTarget } from '../asset-url.js'
import type { AssetReference, CafesBlock, MediaModel, TranscriptReference } from '../page.js'
import { readFlag } from '../question/attributes.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { attributePlace, checkAttributes, directiveContent, plainText, readBlockId } from './directive.js'

const AUDIO_ATTRIBUTES = ['id', 'src', 'transcript', 'title', 'required']
const VIDEO_ATTRIBUTES = ['id', 'src', 'captions', 'poster', 'title', 'required']

export const MEDIA_TYPES = {
  audio: { mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', oga: 'audio/ogg', wav: 'audio/wav' },
  video: { mp4: 'video/mp4', webm: 'video/webm' },
} as const satisfies Record<'audio' | 'video', Record<string, string>>

const CHAPTER = /^((?:(\d{1,2}):)?(\d{1,2}):(\d{2}))\s+(\S.*)$/s

export function remarkCafesMedia() {
  return function (tree: Root, file: VFile): undefined {
    tree.children.forEach((node, index) => {
      if (node.type !== 'containerDirective' || (node.name !== 'audio' && node.name !== 'video')) return
      const block: CafesBlock = { type: 'cafesBlock', block: readMedia(node, node.name, file) }
      if (node.position) block.position = node.position
      tree.children[index] = block
    })
  }
}

function readMedia(node: ContainerDirective, media: 'audio' | 'video', file: VFile): MediaModel {
  checkAttributes(node, file, media === 'audio' ? AUDIO_ATTRIBUTES : VIDEO_ATTRIBUTES)
  const example = media === 'audio' ? ':::audio{#episode-1 src=assets/episode-1.mp3 …}' : ':::video{#video-1 src=assets/video.webm …}'
  const identity = readBlockId(node, file, example)
  const title = node.attributes?.title?.trim() ?? ''
  if (title === '') report(file, rules.blockMissingTitle, { name: media, example: `title="Épisode 1"` }, node.position)
  const block: MediaBlock = {
    kind: 'media',
    id: identity.id,
    media,
    title,
    src: '',
    mimeType: '',
    cues: [],
    chapters: [],
    required: readFlag(node, file, 'required', { fallback: false, rule: rules.blockInvalidFlag }),
  }
  const model: MediaModel = { kind: 'media', ...identity, block }
  const assets = (file.data.assets ??= [])

  /** Adds the file named by attribute `name` to the assets; its package path, or undefined. */
  const asset = (name: string): { url: string; path: string; packagePath: string; place: Point | undefined } | undefined => {
    const url = node.attributes?.[name]?.trim()
    if (!url) return undefined
    const place = attributePlace(node, file, name)
    const target = assetTarget(url)
    if (target.kind === 'external' || target.kind === 'data') {
      report(file, rules.assetExternal, { url }, place)
      return undefined
    }
    if (target.kind === 'outside') {
      report(file, rules.assetOutsideModule, { url, base: 'the module folder' }, place)
      return undefined
    }
    return { url, path: target.path, packagePath: packagePath(target.path), place }
  }
  const ship = (found: { url: string; path: string; packagePath: string; place: Point | undefined }) => {
    const reference: AssetReference = { url: found.url, path: found.path, packagePath: found.packagePath }
    if (found.place) reference.place = { start: found.place, end: found.place }
    assets.push(reference)
    return found.packagePath
  }

  const src = node.attributes?.src?.trim()
  if (!src) report(file, rules.mediaMissingSource, { name: media }, node.position)
  const source = asset('src')
  if (source) {
    const types: Record<string, string> = MEDIA_TYPES[media]
    const extension = source.path.split('.').pop()?.toLowerCase() ?? ''
    const mimeType = source.path.includes('.') ? types[extension] : undefined
    if (mimeType) {
      block.mimeType = mimeType
      block.src = ship(source)
    } else {
      const known = Object.keys(types).map((ext) => `\`.${ext}\``).join(', ')
      report(file, rules.mediaUnsupportedType, { url: source.url, name: media, known }, source.place)
    }
  }

  const timedName = media === 'audio' ? 'transcript' : 'captions'
  if (!node.attributes?.[timedName]?.trim()) {
    report(file, media === 'audio' ? rules.mediaMissingTranscript : rules.mediaMissingCaptions, {}, node.position)
  }
  const timed = asset(timedName)
  if (timed) {
    const lower = timed.path.toLowerCase()
    const format = lower.endsWith('.vtt') ? 'vtt' : lower.endsWith('.md') && media === 'audio' ? 'md' : undefined
    if (!format) report(file, rules.mediaInvalidTranscript, { url: timed.url, name: timedName }, timed.place)
    else {
      const reference: TranscriptReference = { url: timed.url, path: timed.path, format }
      if (timed.place) reference.place = { start: timed.place, end: timed.place }
      model.transcript = reference
      if (format === 'vtt') block.captions = ship(timed)
    }
  }
  if (media === 'video') {
    const poster = asset('poster')
    if (poster) block.poster = ship(poster)
  }

  for (const child of directiveContent(node)) {
    if (child.type !== 'list' || child.ordered) {
      report(file, rules.mediaInvalidChapter, {}, child.position)
      continue
    }
    for (const item of child.children) {
      const match = CHAPTER.exec(plainText(item.children))
      if (!match || item.children.length !== 1 || item.checked != null) {
        report(file, rules.mediaInvalidChapter, {}, item.position)
        continue
      }
      const [, , hours, minutes, seconds, chapterTitle] = match
      const start = Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds)
      if (Number(seconds) >= 60 || (hours !== undefined && Number(minutes) >= 60)) {
        report(file, rules.mediaInvalidChapter, {}, item.position)
        continue
      }
      block.chapters.push({ start, title: chapterTitle!.trim() })
    }
  }
  return model
}
