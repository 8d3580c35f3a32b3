import type { MediaBlock } from '@cafes/core'
import type { ViewContext } from './control.js'
import { clock, h } from './dom.js'

/**
 * An audio episode or a video: the native player (`controls`, no autoplay, captions as a default
 * `<track>`), chapters as buttons that seek, a playback-rate select, and the transcript behind an
 * "Afficher la transcription" disclosure, beside the player (stacked on a phone): cues as buttons
 * that seek, the current one `aria-current="true"` with a marker, or the Markdown transcript.
 * Playing to the end, or "J'ai lu la transcription", tells the engine.
 */
export function renderMedia(block: MediaBlock, ctx: ViewContext): HTMLElement {
  const { t, engine, uiLang } = ctx
  const id = `cafes-${block.id}`
  const status = h('p', { class: 'cafes-done', 'aria-live': 'polite', tabindex: -1, lang: uiLang })
  const refresh = (): void => {
    const done = engine.mediaState(block.id)!.done
    status.textContent = done ? `✓ ${t.mediaDone}` : ''
    read.hidden = done
  }
  const markDone = (how: 'ended' | 'transcript') => (): void => {
    engine.markMediaDone(block.id, how)
    refresh()
  }
  let current: HTMLElement | undefined
  const player = h(block.media, {
    controls: true, preload: 'metadata', src: block.src, poster: block.poster, 'aria-label': block.title, onended: markDone('ended'),
    ontimeupdate: () => {
      const now = player.currentTime
      const cue = cues[block.cues.findIndex((candidate) => candidate.start <= now && now < candidate.end)]
      if (cue === current) return
      current?.removeAttribute('aria-current')
      current = cue
      if (!cue) return
      cue.setAttribute('aria-current', 'true')
      // Keep the current cue in sight inside the list, without moving the page.
      const top = cue.offsetTop - list.offsetTop
      if (top < list.scrollTop || top + cue.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top
    },
  }, block.captions && h('track', { kind: 'captions', src: block.captions, srclang: engine.course.language, label: t.captions, default: true }))
  const seekButton = (start: number, text: string, hook: string): HTMLElement => h('li', {},
    h('button', { type: 'button', [hook]: start, onclick: () => (player.currentTime = start) }, h('span', { class: 'cafes-time' }, clock(start)), ' ', text))
  const cueItems = block.cues.map((cue) => seekButton(cue.start, cue.text, 'data-cafes-cue'))
  const cues = cueItems.map((item) => item.firstChild as HTMLElement)
  const list = h('ol', { class: 'cafes-choices cafes-cues' }, ...cueItems)
  const read = h('button', { type: 'button', 'data-cafes': 'transcript-read', lang: uiLang, onclick: () => (markDone('transcript')(), status.focus()) }, t.transcriptRead)
  const transcript = h('div', { id: `${id}-transcript`, class: 'cafes-transcript', hidden: true },
    h('h3', { lang: uiLang }, t.transcript),
    cues.length > 0 ? list : h('div', { class: 'cafes-prose', html: block.transcriptHtml ?? '' }),
    read)
  const toggle = h('button', {
    type: 'button', 'data-cafes': 'transcript', 'aria-expanded': 'false', 'aria-controls': transcript.id, lang: uiLang,
    onclick: () => {
      transcript.hidden = !transcript.hidden
      toggle.setAttribute('aria-expanded', String(!transcript.hidden))
    },
  }, t.showTranscript)
  refresh()
  return h('section', { class: 'cafes-block cafes-media', 'data-cafes-media': block.id },
    h('h2', {}, h('span', { 'aria-hidden': 'true' }, block.media === 'audio' ? '🎧 ' : '▶ '), block.title),
    h('div', { class: 'cafes-media-body' },
      h('div', {},
        player,
        h('p', {}, h('label', { for: `${id}-rate`, lang: uiLang }, t.rate), ' ',
          h('select', { id: `${id}-rate`, 'data-cafes': 'rate', onchange: (event) => (player.playbackRate = Number((event.target as HTMLSelectElement).value)) },
            ...[0.75, 1, 1.25, 1.5, 2].map((rate) => h('option', { value: rate, selected: rate === 1 }, `${ctx.number(rate)}×`)))),
        block.chapters.length > 0 && h('nav', { 'aria-labelledby': `${id}-chapters` },
          h('h3', { id: `${id}-chapters`, lang: uiLang }, t.chapters),
          h('ol', { class: 'cafes-choices' }, ...block.chapters.map((chapter) => seekButton(chapter.start, chapter.title, 'data-cafes-chapter')))),
        toggle),
      transcript),
    status)
}
