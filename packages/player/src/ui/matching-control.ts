import type { MatchingQuestion } from '@cafes/core'
import { h, unwrapParagraph } from './dom.js'
import type { QuestionControl, ViewContext } from './control.js'

/**
 * One native `<select data-cafes-source>` per source, labelled by the source, listing the
 * targets in the engine's display order: operable with the keyboard and screen readers as is.
 * Submittable once every source is paired.
 */
export function matchingControl(question: MatchingQuestion, ctx: ViewContext): QuestionControl {
  const { t } = ctx
  const order = ctx.engine.optionOrder(question.id)
  const targets = order.length === question.targets.length
    ? order.map((id) => question.targets.find((target) => target.id === id)!).filter(Boolean)
    : question.targets
  const textOf = (id: string): string => question.targets.find((target) => target.id === id)?.text ?? ''
  const selects = question.sources.map((source) => {
    const select = h('select', { id: `cafes-${question.id}-${source.id}`, 'data-cafes-source': source.id },
      h('option', { value: '', lang: ctx.uiLang }, t.choose),
      ...targets.map((target) => h('option', { value: target.id }, target.text)))
    return select
  })
  const rows = question.sources.map((source, index) =>
    h('div', { class: 'cafes-pair' }, h('label', { for: selects[index]!.id, html: unwrapParagraph(source.html) }), selects[index]))

  return {
    nodes: [h('div', { class: 'cafes-pairs' }, ...rows)],
    response() {
      if (selects.some((select) => select.value === '')) return null
      return question.sources.map((source, index): [string, string] => [source.id, selects[index]!.value])
    },
    lock(answer) {
      const pairs = new Map(Array.isArray(answer.response) ? (answer.response as [string, string][]) : [])
      question.sources.forEach((source, index) => {
        const select = selects[index]!
        select.value = pairs.get(source.id) ?? ''
        select.disabled = true
      })
      if (answer.correctResponse === null) return { chosen: [], expected: [] }
      return {
        chosen: [],
        expected: [
          h('p', { class: 'cafes-expected' }, h('strong', { lang: ctx.uiLang }, t.expectedPairs)),
          h('ul', {}, ...question.pairs.map(([sourceId, targetId]) =>
            h('li', {}, question.sources.find((source) => source.id === sourceId)?.text ?? sourceId,
              h('span', { 'aria-hidden': 'true' }, ' → '), h('span', { class: 'cafes-sr' }, ' : '), textOf(targetId)))),
        ],
      }
    },
  }
}
