import type { ApiCall, LmsSim, SimSession } from '@cafes/lms-sim'

export const CALL_NAMES = {
  scorm12: { initialize: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit' },
  scorm2004: { initialize: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit' },
} as const

/** The value each element was last set to in a session, from the calls the LMS received. */
export function lastSetValues(session: SimSession): Map<string, string> {
  const set = CALL_NAMES[session.edition].set
  const values = new Map<string, string>()
  for (const call of session.calls) if (call.method === set) values.set(call.args[0]!, call.args[1]!)
  return values
}

/** `[element, value]` of every SetValue, in order. */
export function setCalls(session: SimSession): [string, string][] {
  const set = CALL_NAMES[session.edition].set
  return session.calls.filter((call) => call.method === set).map((call) => [call.args[0]!, call.args[1]!])
}

/** Waits until the LMS has received a call (e.g. Finish sent from pagehide). */
export async function waitForCall(sim: LmsSim, packageId: string, method: string, learner?: string, timeoutMs = 10_000): Promise<SimSession> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const session = sim.lastSession(packageId, learner)
    if (session?.calls.some((call: ApiCall) => call.method === method)) {
      // Calls arrive by keepalive requests that may still be in flight: let them land.
      await new Promise((resolve) => setTimeout(resolve, 300))
      return session
    }
    if (Date.now() > deadline) throw new Error(`the LMS never received ${method}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** SCORM 2004 `timeinterval`, as ADL's run-time accepts it: no weeks, at most 2 decimals, not ending in P or T. */
export const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/
/** SCORM 1.2 CMITimespan. */
export const CMI_TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/
/** SCORM 2004 `time(second,10,0)` with at most 2 fraction digits (ADL rejects 3). */
export const SCORM2004_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2})?(Z|[+-]\d{2}(:\d{2})?)?$/
/** SCORM 1.2 CMITime (clock time, no date). */
export const CMI_TIME = /^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$/
