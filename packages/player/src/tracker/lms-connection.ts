import { type ScormEdition, VOCABULARY } from './vocabulary.js'

/** Where the transport reports LMS errors; `console` in the browser. */
export interface TrackerLogger {
  warn(message: string): void
}

/**
 * The thin transport over an LMS API object (`API` or `API_1484_11`): every call is wrapped
 * in try/catch, every return value and `GetLastError` checked, errors logged with
 * `GetErrorString`/`GetDiagnostic`. Nothing here retries: the session decides when to call again.
 */
export class LmsConnection {
  constructor(
    private readonly api: object,
    private readonly edition: ScormEdition,
    private readonly log: TrackerLogger,
  ) {}

  initialize(): boolean {
    const result = this.call('initialize', [''])
    if (result === 'true' && this.lastError() === '0') return true
    const code = this.lastError()
    // 2004: "already initialized" (103) means the LMS is ready all the same.
    if (this.edition === 'scorm2004' && code === '103') return true
    this.report('initialize', [''], code)
    return false
  }

  /** The element's value, or '' when the LMS has none or fails (logged unless "not initialized"). */
  get(element: string): string {
    const value = this.call('getValue', [element])
    const code = this.lastError()
    if (value === null || code !== '0') {
      if (code !== VOCABULARY.errorNotInitialized[this.edition]) this.report('getValue', [element], code)
      return ''
    }
    return value
  }

  set(element: string, value: string): boolean {
    return this.check('setValue', [element, value])
  }

  commit(): boolean {
    return this.check('commit', [''])
  }

  terminate(): boolean {
    return this.check('terminate', [''])
  }

  private check(method: 'setValue' | 'commit' | 'terminate', args: string[]): boolean {
    const result = this.call(method, args)
    if (result === null) return false
    // "true" is enough: asking GetLastError after a successful Terminate would be a call after it.
    if (result === 'true') return true
    this.report(method, args, this.lastError())
    return false
  }

  /** The call's result as a string, or null when it threw or the API is gone. */
  private call(method: keyof typeof VOCABULARY, args: string[]): string | null {
    const name = VOCABULARY[method][this.edition] as string
    try {
      const fn = (this.api as Record<string, unknown>)[name]
      if (typeof fn !== 'function') throw new Error(`the LMS API has no ${name}()`)
      return String(fn.apply(this.api, args))
    } catch (error) {
      this.log.warn(`[cafes] ${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')}) threw: ${describe(error)}`)
      return null
    }
  }

  private lastError(): string {
    return this.call('getLastError', []) ?? ''
  }

  private report(method: keyof typeof VOCABULARY, args: string[], code: string): void {
    const name = VOCABULARY[method][this.edition] as string
    const text = code === '' ? '' : (this.call('getErrorString', [code]) ?? '')
    const diagnostic = code === '' ? '' : (this.call('getDiagnostic', [code]) ?? '')
    this.log.warn(
      `[cafes] ${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')}) failed: ${code} ${text}${diagnostic && diagnostic !== text ? ` (${diagnostic})` : ''}`,
    )
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
