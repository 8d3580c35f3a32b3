import { LOCATION_LIMIT, SUSPEND_DATA_LIMIT } from '@cafes/core'
import type { CmiWrite, ScormLaunch } from './scorm-session.js'
import type { LaunchData } from './tracker.js'
import { FIRST_LAUNCH_STATUSES, type ScormEdition, VOCABULARY as V } from './vocabulary.js'

/** The parts of the mapping both editions share, told apart only by the vocabulary's column. */

/** Elements read right after Initialize, in this order. */
export function scormLaunchElements(edition: ScormEdition): string[] {
  return [V.location[edition], V.suspendData[edition], V.mode[edition], V.credit[edition], V.completionStatus[edition], V.learnerName[edition]]
}

export function scormLaunchData(edition: ScormEdition, values: Readonly<Record<string, string>>): ScormLaunch {
  const status = values[V.completionStatus[edition]] ?? ''
  const learnerName = values[V.learnerName[edition]] ?? ''
  const mode = values[V.mode[edition]]
  const launch: LaunchData = {
    mode: mode === V.modeBrowse[edition] ? 'browse' : mode === V.modeReview[edition] ? 'review' : 'normal',
    credit: values[V.credit[edition]] !== V.noCredit[edition],
    suspendData: values[V.suspendData[edition]] ?? '',
    location: values[V.location[edition]] ?? '',
    initialStatus: status,
  }
  if (learnerName !== '') launch.learnerName = learnerName
  return { launch, firstLaunch: (FIRST_LAUNCH_STATUSES[edition] as readonly string[]).includes(status) }
}

/** B10: a first launch is marked `incomplete` at once. */
export function scormFirstLaunchWrites(edition: ScormEdition): CmiWrite[] {
  return [[V.completionStatus[edition], V.statusIncomplete[edition]]]
}

/** Location and state; a value over the edition's limit is left out (and named in `rejected`), never cut. */
export function scormProgressWrites(edition: ScormEdition, location: string, suspendData: string): { writes: CmiWrite[]; rejected: string[] } {
  const writes: CmiWrite[] = []
  const rejected: string[] = []
  if (location.length <= LOCATION_LIMIT[edition]) writes.push([V.location[edition], location])
  else rejected.push(V.location[edition])
  if (suspendData.length <= SUSPEND_DATA_LIMIT[edition]) writes.push([V.suspendData[edition], suspendData])
  else rejected.push(V.suspendData[edition])
  return { writes, rejected }
}
