import type { CalloutBlock, CourseBlock } from '@cafes/core'
import type { PlayerEngine } from '../engine/engine.js'
import { type UiStrings, uiLanguage, uiStrings } from '../i18n/strings.js'
import type { ViewContext } from './control.js'
import { h } from './dom.js'
import { renderChallenge } from './challenge.js'
import { renderAccordion, renderCards, renderTabs } from './learn-more.js'
import { renderMedia } from './media.js'
import { renderQuiz } from './quiz.js'
import { renderScenario } from './scenario.js'

const CALLOUT_ICONS = { info: 'ℹ', tip: '★', warning: '⚠', important: '!' } as const

export interface PlayerView {
  /** Re-reads the engine and updates what changed. */
  update(): void
}

/**
 * Renders the course into the root element (`#cafes-app`) and keeps it in step with the engine.
 * Every decision comes from the engine; the view only shows it and forwards the learner's actions.
 */
export function mountView(root: HTMLElement, engine: PlayerEngine): PlayerView {
  const course = engine.course
  const preference = engine.launch?.languagePreference
  const t = uiStrings(course.language, preference)
  const total = course.pages.length
  let shownPage = -1
  let closed = false

  root.classList.add('cafes')
  root.lang = course.language
  if (course.theme?.primary) root.style.setProperty('--cafes-primary', course.theme.primary)
  if (course.theme?.accent) root.style.setProperty('--cafes-accent', course.theme.accent)

  const progress = h('p', { class: 'cafes-progress' })
  const menuButton = h('button', {
    type: 'button', class: 'cafes-menu-button', 'data-cafes': 'menu', 'aria-expanded': 'false', 'aria-controls': 'cafes-menu',
  }, h('span', { 'aria-hidden': 'true' }, '☰ '), t.menu)
  const organisation = course.organisation
  const header = h('header', { class: 'cafes-header' },
    organisation && h('p', { class: 'cafes-organisation' },
      organisation.logo && h('img', { src: organisation.logo, alt: '', class: 'cafes-logo' }),
      organisation.name),
    h('p', { class: 'cafes-title' }, course.title),
    progress,
    menuButton,
  )
  const status = h('div', { class: 'cafes-status', role: 'status' })
  const menuList = h('ol')
  const menu = h('nav', { id: 'cafes-menu', class: 'cafes-menu', 'aria-label': t.menuLabel, hidden: true }, menuList)
  let main = h('main', { id: 'cafes-main', class: 'cafes-main' })
  const footer = h('div', { class: 'cafes-footer' })
  root.replaceChildren(header, status, menu, main, footer)
  // The interface speaks French or English whatever the content's language: say so where they differ.
  const uiLang = uiLanguage(course.language, preference)
  const otherLang = uiLang !== course.language.toLowerCase().split('-')[0]
  if (otherLang) {
    for (const element of [progress, menuButton, status, footer]) element.lang = uiLang
  }
  let numbers: Intl.NumberFormat
  try {
    numbers = new Intl.NumberFormat(course.language)
  } catch {
    numbers = new Intl.NumberFormat(uiLang)
  }
  let leaving: (() => void)[] = []
  const leave = (): void => {
    for (const cleanup of leaving) cleanup()
    leaving = []
  }
  const ctx: ViewContext = {
    engine, t, uiLang: otherLang ? uiLang : undefined, number: (value) => numbers.format(value), onLeave: (cleanup) => leaving.push(cleanup),
  }

  let menuOpen = false
  const setMenu = (open: boolean): void => {
    menuOpen = open
    menu.hidden = !open
    menuButton.setAttribute('aria-expanded', String(open))
  }
  menuButton.addEventListener('click', () => setMenu(!menuOpen))
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menuOpen) {
      setMenu(false)
      menuButton.focus()
    }
  })

  const go = (index: number): void => {
    setMenu(false)
    if (index === engine.pageIndex) main.querySelector('h1')?.focus()
    else engine.goTo(index)
  }

  let menuKey = ''
  function renderMenu(): void {
    // Rebuilt only when the current page or a seen state changed, so focus inside stays put.
    const key = `${engine.pageIndex}:${course.pages.map((_, index) => (engine.isSeen(index) ? 1 : 0)).join('')}`
    if (key === menuKey) return
    menuKey = key
    menuList.replaceChildren(
      ...course.pages.map((page, index) => {
        const seen = engine.isSeen(index)
        const current = index === engine.pageIndex
        const item = h('button', { type: 'button', 'aria-current': current ? 'page' : undefined, class: seen ? 'cafes-seen' : undefined },
          h('span', { class: 'cafes-seen-mark', 'aria-hidden': 'true' }, seen ? '✓' : '○'),
          ` ${page.title} `,
          h('span', { class: 'cafes-sr' }, `(${seen ? t.seen : t.notSeen}${current ? `, ${t.currentPage}` : ''})`),
        )
        item.addEventListener('click', () => go(index))
        return h('li', {}, item)
      }),
    )
  }

  function renderPage(): void {
    leave()
    const page = engine.page
    const heading = h('h1', { tabindex: -1 }, page.title)
    const next = h('main', { id: 'cafes-main', class: 'cafes-main', 'data-cafes-page': page.id },
      heading, ...page.blocks.map((block, index) => renderBlock(block, index === 0)))
    main.replaceWith(next)
    main = next
    const index = engine.pageIndex
    const previous = h('button', { type: 'button', 'data-cafes': 'previous', disabled: index === 0 }, t.previous)
    previous.addEventListener('click', () => go(index - 1))
    const last = index === total - 1
    const forward = h('button', { type: 'button', class: 'cafes-primary', 'data-cafes': last ? 'finish' : 'next' }, last ? t.finish : t.next)
    forward.addEventListener('click', () => (last ? engine.finish() : go(index + 1)))
    footer.replaceChildren(previous, forward)
  }

  function renderBlock(block: CourseBlock, first: boolean): HTMLElement | string {
    if (block.kind === 'html') {
      // The page's own `# Heading` is the h1 above: drop it if the compiler left it in.
      return h('div', { class: 'cafes-prose', html: first ? block.html.replace(/^\s*<h1\b[^>]*>[\s\S]*?<\/h1>/, '') : block.html })
    }
    if (block.kind === 'callout') return renderCallout(block)
    if (block.kind === 'quiz') return renderQuiz(block, ctx)
    if (block.kind === 'scenario') return renderScenario(block, ctx)
    if (block.kind === 'challenge') return renderChallenge(block, ctx)
    if (block.kind === 'media') return renderMedia(block, ctx)
    if (block.kind === 'tabs') return renderTabs(block)
    if (block.kind === 'accordion') return renderAccordion(block)
    if (block.kind === 'cards') return renderCards(block)
    // Facilitator notes are for the facilitator edition only: nothing in a learner package.
    return ''
  }

  function renderCallout(block: CalloutBlock): HTMLElement {
    const kind = t.callout[block.callout]
    return h('aside', { class: `cafes-callout cafes-callout-${block.callout}` },
      h('p', { class: 'cafes-callout-title' },
        h('span', { 'aria-hidden': 'true', class: 'cafes-icon' }, CALLOUT_ICONS[block.callout]),
        ' ', h('strong', {}, block.title ? `${kind} : ${block.title}` : kind)),
      h('div', { class: 'cafes-prose', html: block.html }))
  }

  function renderClosed(): void {
    leave()
    const heading = h('h1', { tabindex: -1 }, t.closedTitle)
    const next = h('main', { id: 'cafes-main', class: 'cafes-main' }, heading, h('p', {}, t.closedBody))
    main.replaceWith(next)
    main = next
    footer.replaceChildren()
    setMenu(false)
    menuButton.hidden = true
    heading.focus()
  }

  function renderStatus(strings: UiStrings): void {
    const health = engine.health()
    const text = health === 'detached' ? strings.detached : health === 'failing' ? strings.failing : ''
    if (text === '') status.removeAttribute('data-cafes-status')
    else status.setAttribute('data-cafes-status', health)
    if (status.textContent !== text) status.textContent = text
  }

  function update(): void {
    renderStatus(t)
    if (closed) return
    if (engine.finished) {
      closed = true
      renderClosed()
      return
    }
    progress.textContent = t.pageOf(engine.pageIndex + 1, total)
    renderMenu()
    if (shownPage !== engine.pageIndex) {
      const first = shownPage === -1
      shownPage = engine.pageIndex
      renderPage()
      if (!first) {
        root.ownerDocument.defaultView?.scrollTo(0, 0)
        main.querySelector('h1')?.focus()
      }
    }
  }

  engine.subscribe(update)
  update()
  return { update }
}
