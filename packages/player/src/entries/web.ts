import { readCourse, showCourseMissing, startPlayer, whenReady } from '../player.js'
import { browserStorage, createNoneTracker, noneStorageKey } from '../tracker/none.js'

/** The `web` target's player: no LMS, progress kept in the browser's storage. */
function main(): void {
  const course = readCourse(document)
  if (course === null) return showCourseMissing(document)
  startPlayer(window, course, createNoneTracker({ storageKey: noneStorageKey(course), storage: browserStorage(window), fallback: false }))
}

whenReady(document, main)
