import type { SequencingQuestion } from '@cafes/core'
import { h, unwrapParagraph } from './dom.js'
import type { QuestionControl, ViewContext } from './control.js'

/**
 * An ordered list of steps, each with "Monter" / "Descendre" buttons (no drag and drop). The
 * moved step's button keeps the focus, and its new position is announced. The buttons at the
 * ends are `aria-disabled` rather than disabled, so that focus never falls out of the list.
 */
export function sequenceControl(question: SequencingQuestion, ctx: ViewContext): QuestionControl {
  const { t } = ctx
  const order = ctx.engine.optionOrder(question.id)
  const steps = order.length === question.steps.length
    ? order.map((id) => question.steps.find((step) => step.id === id)!).filter(Boolean)
    : question.steps
  const list = h('ol', { class: 'cafes-sequence', 'data-cafes-sequence': '' })
  const announce = h('p', { class: 'cafes-sr', 'aria-live': 'polite', lang: ctx.uiLang })
  const items = new Map<string, HTMLLIElement>()

  const move = (item: HTMLLIElement, by: -1 | 1, button: HTMLButtonElement): void => {
    const children = [...list.children]
    const position = children.indexOf(item) + by
    if (position < 0 || position >= children.length) return
    if (by < 0) list.insertBefore(item, children[position]!)
    else list.insertBefore(item, children[position]!.nextSibling)
    refresh()
    button.focus()
    announce.textContent = t.moved(position + 1, children.length)
  }

  const refresh = (): void => {
    const children = [...list.children]
    children.forEach((item, index) => {
      const [up, down] = item.querySelectorAll('button')
      up!.setAttribute('aria-disabled', String(index === 0))
      down!.setAttribute('aria-disabled', String(index === children.length - 1))
    })
  }

  for (const step of steps) {
    const button = (direction: 'up' | 'down'): HTMLButtonElement => {
      const element = h('button', { type: 'button', class: 'cafes-move', 'data-cafes': direction, lang: ctx.uiLang },
        h('span', { 'aria-hidden': 'true' }, direction === 'up' ? '↑ ' : '↓ '), direction === 'up' ? t.up : t.down,
        h('span', { class: 'cafes-sr', lang: ctx.uiLang && ctx.engine.course.language }, ` : ${step.text}`))
      element.addEventListener('click', () => move(item, direction === 'up' ? -1 : 1, element))
      return element
    }
    const item: HTMLLIElement = h('li', { 'data-cafes-step': step.id })
    item.append(h('span', { class: 'cafes-step-text', html: unwrapParagraph(step.html) }), h('span', { class: 'cafes-moves' }, button('up'), button('down')))
    items.set(step.id, item)
    list.append(item)
  }
  refresh()

  return {
    nodes: [list, announce],
    response() {
      return [...list.children].map((item) => item.getAttribute('data-cafes-step')!)
    },
    lock(answer) {
      if (Array.isArray(answer.response)) {
        for (const id of answer.response as string[]) {
          const item = items.get(id)
          if (item) list.append(item)
        }
      }
      for (const button of list.querySelectorAll('button')) {
        button.disabled = true
        button.removeAttribute('aria-disabled')
      }
      if (answer.correctResponse === null) return { chosen: [], expected: [] }
      return {
        chosen: [],
        expected: [
          h('p', { class: 'cafes-expected' }, h('strong', { lang: ctx.uiLang }, t.expectedOrder)),
          h('ol', {}, ...question.steps.map((step) => h('li', {}, step.text))),
        ],
      }
    },
  }
}
