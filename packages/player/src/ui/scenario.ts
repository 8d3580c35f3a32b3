import type { ScenarioBlock } from '@cafes/core'
import type { ViewContext } from './control.js'
import { h, unwrapParagraph } from './dom.js'

const OUTCOME_ICONS = { success: '✓', neutral: '◐', failure: '✗' } as const

/**
 * A branching scenario: the current node's text (which takes the focus after a choice or a step
 * back), its choices as buttons, the feedback of the choice that led here in a polite live region,
 * an ending's outcome in words, and "Revenir en arrière" when the engine allows it. Resume shows
 * the current node.
 */
export function renderScenario(block: ScenarioBlock, ctx: ViewContext): HTMLElement {
  const { t, engine, uiLang } = ctx
  const id = block.id
  const node = h('div', { class: 'cafes-scenario-node', tabindex: -1 })
  const feedback = h('div', { class: 'cafes-scenario-feedback', 'aria-live': 'polite' })
  const actions = h('div')
  const act = (action: () => unknown): void => {
    action()
    render()
    node.focus()
  }
  const render = (): void => {
    const { node: current, canGoBack } = engine.scenarioState(id)!
    const choice = engine.lastChoice(id)
    const outcome = current.ending?.outcome
    node.setAttribute('data-cafes-node', current.id)
    node.replaceChildren(current.title ? h('h3', {}, current.title) : '', h('div', { class: 'cafes-prose', html: current.html }))
    feedback.replaceChildren(...(choice ? [
      h('p', {}, h('strong', { lang: uiLang }, t.yourChoiceWas), choice.text),
      h('div', { class: 'cafes-prose', html: choice.feedbackHtml ?? '' }),
    ] : []))
    actions.replaceChildren(
      outcome
        ? h('p', { class: `cafes-ending cafes-ending-${outcome}`, 'data-cafes-ending': outcome, lang: uiLang },
          h('span', { 'aria-hidden': 'true' }, OUTCOME_ICONS[outcome]), ' ', t.ending[outcome])
        : h('ul', { class: 'cafes-choices' }, ...current.choices.map((option) => h('li', {},
          h('button', { type: 'button', 'data-cafes-choice': option.id, html: unwrapParagraph(option.html), onclick: () => act(() => engine.chooseScenario(id, option.id)) })))),
      canGoBack ? h('button', { type: 'button', 'data-cafes': 'back', lang: uiLang, onclick: () => act(() => engine.scenarioBack(id)) },
        h('span', { 'aria-hidden': 'true' }, '↶ '), t.back) : '',
    )
  }
  render()
  return h('section', { class: 'cafes-block cafes-scenario', 'data-cafes-scenario': id, 'aria-label': block.title ? undefined : block.prompt },
    block.title && h('h2', {}, block.title), node, feedback, actions)
}
