import type { AccordionBlock, CardsBlock, TabsBlock } from '@cafes/core'
import { h } from './dom.js'

/**
 * Tabs, WAI-ARIA pattern: a tablist of buttons with a roving tabindex (arrows, Home, End move
 * and select), each panel focusable and labelled by its tab.
 */
export function renderTabs(block: TabsBlock): HTMLElement {
  const base = `cafes-${block.id}-`
  const count = block.panels.length
  const select = (selected: number, focus?: boolean): void => {
    tabs.forEach((tab, index) => {
      tab.setAttribute('aria-selected', String(index === selected))
      tab.tabIndex = index === selected ? 0 : -1
      panels[index]!.hidden = index !== selected
    })
    if (focus) tabs[selected]!.focus()
  }
  const tabs = block.panels.map((panel, index) => h('button', {
    type: 'button', role: 'tab', id: `${base}tab${index}`, 'aria-controls': `${base}panel${index}`, onclick: () => select(index),
    onkeydown: (event) => {
      const key = (event as KeyboardEvent).key
      const target = key === 'Home' ? 0 : key === 'End' ? count - 1 : /^Arrow(Right|Down)/.test(key) ? index + 1 : /^Arrow(Left|Up)/.test(key) ? index - 1 : null
      if (target === null) return
      event.preventDefault()
      select((target + count) % count, true)
    },
  }, panel.title))
  const panels = block.panels.map((panel, index) => h('div', {
    role: 'tabpanel', id: `${base}panel${index}`, 'aria-labelledby': `${base}tab${index}`, tabindex: 0, class: 'cafes-prose', html: panel.html,
  }))
  select(0)
  return h('section', { class: 'cafes-tabs', 'data-cafes-tabs': block.id }, h('div', { role: 'tablist' }, ...tabs), ...panels)
}

/** An accordion: native `<details><summary>`, so the keyboard and screen readers need nothing more. */
export function renderAccordion(block: AccordionBlock): HTMLElement {
  return h('div', { 'data-cafes-accordion': block.id },
    ...block.items.map((item) => h('details', {}, h('summary', {}, item.title), h('div', { class: 'cafes-prose', html: item.html }))))
}

/** Cards: a responsive grid of `<article>`s, each with its heading. */
export function renderCards(block: CardsBlock): HTMLElement {
  return h('div', { class: 'cafes-cards' },
    ...block.cards.map((card) => h('article', { class: 'cafes-card' }, h('h2', {}, card.title), h('div', { class: 'cafes-prose', html: card.html }))))
}
