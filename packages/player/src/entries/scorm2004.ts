import { readCourse, showCourseMissing, startPlayer, whenReady } from '../player.js'
import { findApi } from '../tracker/lms-api.js'
import { browserStorage, createNoneTracker, noneStorageKey } from '../tracker/none.js'
import { createScorm2004Tracker } from '../tracker/scorm2004.js'

/** The SCORM 2004 package's player: finds `API_1484_11`, else runs detached with local progress. */
async function main(): Promise<void> {
  const course = readCourse(document)
  if (course === null) return showCourseMissing(document)
  const api = await findApi('scorm2004', { from: window })
  const tracker =
    api !== null
      ? createScorm2004Tracker(api, { language: course.language })
      : createNoneTracker({ storageKey: noneStorageKey(course), storage: browserStorage(window), fallback: true })
  startPlayer(window, course, tracker)
}

whenReady(document, () => void main())
