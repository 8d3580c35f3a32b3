import type { Course } from '@cafes/core'
import { PlayerEngine } from './engine/engine.js'
import { uiStrings } from './i18n/strings.js'
import type { Tracker } from './tracker/tracker.js'
import { mountView } from './ui/view.js'

/** A commit at least this often while the page is open, even with no change (B22). */
export const PERIODIC_COMMIT_MS = 4 * 60 * 1000

/** Runs once the document is parsed (the launch page loads the player at the end of its body). */
export function whenReady(doc: Document, run: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', run, { once: true })
  else run()
}

/** The launch page's course data: `<script type="application/json" id="cafes-course">`. */
export function readCourse(doc: Document): Course | null {
  try {
    const course = JSON.parse(doc.getElementById('cafes-course')?.textContent ?? '') as Course
    return course && Array.isArray(course.pages) && course.pages.length > 0 ? course : null
  } catch {
    return null
  }
}

/** The element the player renders into: `#cafes-app`, created if the launch page lacks it. */
export function appRoot(doc: Document): HTMLElement {
  return doc.getElementById('cafes-app') ?? doc.body.appendChild(doc.createElement('div'))
}

/** Shown when the launch page carries no readable course. */
export function showCourseMissing(doc: Document): void {
  const root = appRoot(doc)
  root.classList.add('cafes')
  const message = doc.createElement('p')
  message.setAttribute('role', 'alert')
  message.textContent = uiStrings(doc.documentElement.lang || 'fr').courseMissing
  root.replaceChildren(message)
}

/**
 * Starts the engine with a tracker, renders the course, and wires the page's life cycle:
 * commit when the page is hidden and every 4 minutes, finish on `pagehide` (once).
 */
export function startPlayer(win: Window, course: Course, tracker: Tracker): PlayerEngine {
  const engine = new PlayerEngine(course, tracker)
  engine.start()
  mountView(appRoot(win.document), engine)
  const timer = win.setInterval(() => engine.commit(), PERIODIC_COMMIT_MS)
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') engine.commit()
  })
  win.addEventListener('pagehide', () => {
    win.clearInterval(timer)
    engine.finish()
  })
  engine.subscribe(() => {
    if (engine.finished) win.clearInterval(timer)
  })
  return engine
}
