import type { ChallengeBlock } from '@cafes/core'
import type { ViewContext } from './control.js'
import { clock, h } from './dom.js'
import { renderQuiz } from './quiz.js'

/**
 * A mini-défi: title, instructions, a checklist and "J'ai terminé", or the nested quiz (done once
 * answered), then "✓ Défi terminé". With a time
 * limit: `m:ss` in a `role=timer` element (not live), a Démarrer/Pause toggle and "+1 min"
 * (WCAG 2.2.1), and a polite live region that speaks at start, pause, extension, each minute,
 * 30 s left and time up. An interval forwards the elapsed seconds to the engine while the timer
 * runs; it stops on pause, while the page is hidden, and when the page is left (the engine's
 * timer is then paused, so the time left is saved).
 */
export function renderChallenge(block: ChallengeBlock, ctx: ViewContext): HTMLElement {
  const { t, engine, uiLang } = ctx
  const id = block.id
  const state = () => engine.challengeState(id)!
  const live = h('p', { class: 'cafes-timer-live', 'aria-live': 'polite', lang: uiLang })
  const time = h('span', { role: 'timer', class: 'cafes-time' })
  const announce = (text: string): void => {
    live.textContent = `${text} (${clock(state().remaining!)})`
  }
  const toggle = h('button', {
    type: 'button', 'data-cafes': 'timer', lang: uiLang,
    onclick: () => {
      const running = state().running
      if (running) engine.pauseChallengeTimer(id)
      else engine.startChallengeTimer(id)
      announce(running ? t.timerPaused : t.timerStarted)
    },
  })
  const extend = h('button', {
    type: 'button', 'data-cafes': 'extend', lang: uiLang,
    onclick: () => {
      engine.extendChallengeTimer(id, 60)
      announce(t.timerExtended)
    },
  }, t.extend)
  const items = block.checklist.map((item) => h('input', {
    type: 'checkbox', id: `cafes-${id}-${item.id}`, 'data-cafes-item': item.id, onchange: () => engine.toggleChallengeItem(id, item.id),
  }))
  const done = h('button', { type: 'button', class: 'cafes-primary', 'data-cafes': 'done', lang: uiLang, onclick: () => engine.finishChallenge(id) }, t.done)
  const doneNote = h('p', { class: 'cafes-done', 'aria-live': 'polite', lang: uiLang })
  const section = h('section', { class: 'cafes-block cafes-challenge', 'data-cafes-challenge': id },
    h('h2', {}, h('span', { 'aria-hidden': 'true' }, '⚑ '), block.title),
    h('div', { class: 'cafes-prose', html: block.instructionsHtml }),
    block.timeLimit !== undefined && h('div', { class: 'cafes-timer' },
      h('p', {}, h('span', { lang: uiLang }, t.timeLeft), time), toggle, ' ', extend, live),
    items.length > 0 && h('fieldset', {},
      h('legend', { lang: uiLang }, t.checklist),
      ...block.checklist.map((item, index) => h('div', { class: 'cafes-choice' }, items[index]!, h('label', { for: items[index]!.id, html: item.html })))),
    block.quiz && renderQuiz(block.quiz, ctx),
    h('div', { class: 'cafes-actions' }, done),
    doneNote)

  let interval = 0
  let last = 0
  let previous = -1
  const stop = (): void => {
    clearInterval(interval)
    interval = 0
  }
  const refresh = (): void => {
    const { checked, remaining, running, done: finished, timeUp } = state()
    items.forEach((input) => {
      input.checked = checked.includes(input.getAttribute('data-cafes-item')!)
      input.disabled = finished
    })
    // A mini-défi with a quiz is done when its quiz is: no button to press.
    done.hidden = finished || !!block.quiz
    doneNote.textContent = finished ? `✓ ${t.challengeDone}` : ''
    if (remaining === null) return
    time.textContent = clock(remaining)
    toggle.textContent = running ? t.timerPause : t.timerStart
    toggle.disabled = timeUp || finished
    extend.disabled = finished
    section.toggleAttribute('data-cafes-time-up', timeUp)
    if (!running || document.hidden) stop()
    else if (!interval) {
      last = Date.now()
      interval = window.setInterval(() => {
        const now = Date.now()
        engine.tickChallenge(id, (now - last) / 1000)
        last = now
      }, 1000)
    }
    // Spoken while running: each minute, 30 s left, time up.
    if (previous > remaining) {
      if (timeUp) live.textContent = t.timeUp
      else if (remaining % 60 === 0 || (previous > 30 && remaining <= 30)) live.textContent = t.timeLeft + clock(remaining)
    }
    previous = remaining
  }
  ctx.onLeave(engine.subscribe(refresh))
  document.addEventListener('visibilitychange', refresh)
  ctx.onLeave(() => {
    stop()
    document.removeEventListener('visibilitychange', refresh)
    engine.pauseChallengeTimer(id)
  })
  refresh()
  return section
}
