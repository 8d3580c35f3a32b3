import { readCourse, showCourseMissing, startPlayer, whenReady } from '../player.js'
import { browserStorage, createNoneTracker, noneStorageKey } from '../tracker/none.js'
import { connectCmi5 } from '../tracker/xapi.js'
import { parseCmi5Launch } from '../tracker/xapi-launch.js'

/**
 * The cmi5 AU's player: launch parameters, auth token, `LMS.LaunchData` and preferences before
 * the first statement; without them it runs detached (the learner is told progress is not saved).
 */
async function main(): Promise<void> {
  const course = readCourse(document)
  if (course === null) return showCourseMissing(document)
  const parsed = parseCmi5Launch(window.location.search)
  const connected = 'error' in parsed ? parsed : await connectCmi5({ win: window, course }, parsed.launch)
  if ('error' in connected) {
    console.error(`cafes: ${connected.error}`)
    startPlayer(window, course, createNoneTracker({ storageKey: noneStorageKey(course), storage: browserStorage(window), fallback: true }))
    return
  }
  startPlayer(window, course, connected.tracker)
  // After the player's own `pagehide` listener, so `terminated` is already queued.
  window.addEventListener('pagehide', () => connected.tracker.pageHidden())
}

whenReady(document, () => void main())
