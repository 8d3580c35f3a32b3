import { readCourse, showCourseMissing, startPlayer, whenReady } from '../player.js'
import { findApi } from '../tracker/lms-api.js'
import { browserStorage, createNoneTracker, noneStorageKey } from '../tracker/none.js'
import { createScorm12Tracker } from '../tracker/scorm12.js'

/** The SCORM 1.2 package's player: finds `API`, else runs detached with local progress. */
async function main(): Promise<void> {
  const course = readCourse(document)
  if (course === null) return showCourseMissing(document)
  const api = await findApi('scorm12', { from: window })
  const tracker =
    api !== null
      ? createScorm12Tracker(api)
      : createNoneTracker({ storageKey: noneStorageKey(course), storage: browserStorage(window), fallback: true })
  startPlayer(window, course, tracker)
}

whenReady(document, () => void main())
