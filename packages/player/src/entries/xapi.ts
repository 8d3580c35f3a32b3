import { readCourse, showCourseMissing, startPlayer, whenReady } from '../player.js'
import { browserStorage, createNoneTracker, noneStorageKey } from '../tracker/none.js'
import { connectTinCan } from '../tracker/xapi.js'
import { parseTinCanLaunch } from '../tracker/xapi-launch.js'

/**
 * The Tin Can package's player: the LRS and learner come from the launch URL; without a usable
 * launch it runs detached (the learner is told progress is not saved) with local progress.
 */
async function main(): Promise<void> {
  const course = readCourse(document)
  if (course === null) return showCourseMissing(document)
  const parsed = parseTinCanLaunch(window.location.search)
  if ('error' in parsed) {
    console.error(`cafes: ${parsed.error}`)
    startPlayer(window, course, createNoneTracker({ storageKey: noneStorageKey(course), storage: browserStorage(window), fallback: true }))
    return
  }
  const tracker = await connectTinCan({ win: window, course }, parsed.launch)
  startPlayer(window, course, tracker)
  // After the player's own `pagehide` listener, so `terminated` is already queued.
  window.addEventListener('pagehide', () => tracker.pageHidden())
}

whenReady(document, () => void main())
