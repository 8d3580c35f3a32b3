import type { CmiTree, LmsFaults, ScormEdition } from './types.js'

/** What the LMS page hands to its in-browser part. */
export interface FrameLaunch {
  session: string
  edition: ScormEdition
  cmi: CmiTree
  faults: LmsFaults
  viaOpener: boolean
  contentUrl: string
}

const API_METHODS = {
  scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
} as const

/**
 * Runs in the LMS page, in the browser: scorm-again provides the API; this wraps it to
 * send every call to the sim server (which persists what each successful Commit/Finish
 * covers, as an LMS stores it in its database) and inject faults. Each report is a small
 * keepalive request, so calls made while the page unloads still arrive. Serialised with
 * `Function.prototype.toString`, so it must not close over anything.
 */
export function lmsFrame(launch: FrameLaunch, methods: readonly string[]): void {
  type Api = Record<string, (...args: string[]) => string> & {
    loadFromJSON(json: unknown, element: string): void
  }
  const globals = window as unknown as Record<string, unknown>
  const is12 = launch.edition === 'scorm12'
  const Constructor = globals[is12 ? 'Scorm12API' : 'Scorm2004API'] as new (settings: object) => Api
  const api = new Constructor({ logLevel: 5, autocommit: false, lmsCommitUrl: false })
  api.loadFromJSON(launch.cmi, 'cmi')
  const lastError = is12 ? 'LMSGetLastError' : 'GetLastError'
  const commit = is12 ? 'LMSCommit' : 'Commit'
  let seq = 0
  const calls: unknown[] = []
  globals.__lmsCalls = calls

  function send(path: string, body: unknown): void {
    // keepalive: the content calls Finish from pagehide, when this page may be unloading too.
    void fetch(`${path}?session=${encodeURIComponent(launch.session)}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      keepalive: true,
    })
  }

  const facade: Record<string, (...args: unknown[]) => string> = {}
  for (const method of methods) {
    facade[method] = (...rawArgs: unknown[]) => {
      const args = rawArgs.map((arg) => String(arg))
      const call = { seq: seq++, method, args, result: '', errorCode: '0' }
      calls.push(call)
      if (launch.faults.throwAfterCalls !== undefined && call.seq >= launch.faults.throwAfterCalls) {
        call.result = 'throw'
        send('/lms/call', call)
        throw new Error('LMS unavailable (simulated fault)')
      }
      let result = api[method]!(...args)
      if (launch.faults.failCommits && method === commit) result = 'false'
      call.result = String(result)
      call.errorCode = String(api[lastError]!())
      send('/lms/call', call)
      return call.result
    }
  }

  const apiName = is12 ? 'API' : 'API_1484_11'
  if (launch.viaOpener) {
    // The content opens in a window of its own, found through window.opener.
    globals[apiName] = facade
    globals.__lmsOpen = () => window.open(launch.contentUrl, 'cafes-content')
  } else {
    globals[apiName] = facade
    const frame = document.createElement('iframe')
    frame.title = 'Module'
    frame.src = launch.contentUrl
    frame.setAttribute('style', 'border:0;width:100%;height:100%;display:block')
    document.body.appendChild(frame)
  }
}

export function apiMethods(edition: ScormEdition): readonly string[] {
  return API_METHODS[edition]
}
