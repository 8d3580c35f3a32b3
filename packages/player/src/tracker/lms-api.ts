import { type ScormEdition, VOCABULARY } from './vocabulary.js'

/**
 * Finding the LMS's API object (B9, STANDARDS.md §2.1), shared by both SCORM editions.
 * Walks `parent` upwards from the player's window, then the opener's chain. Never reads the
 * topmost window directly and never searches top-down (SuccessFactors KBA 2805176).
 */

/** The part of a window discovery reads; fake windows in tests implement just this. */
export interface WindowLike {
  readonly parent?: WindowLike | null
  readonly opener?: WindowLike | null
}

export const MAX_PARENT_HOPS = 500
/** How many windows opened the player's window, one after another, we follow. */
const MAX_OPENER_HOPS = 10

export interface FindApiOptions {
  /** Where to start: `window` in the browser. */
  from: WindowLike
  /** Retries before "no LMS"; default 3. */
  retries?: number
  /** Delay between tries; default 250 ms. */
  delayMs?: number
  sleep?: (ms: number) => Promise<void>
}

/** The edition's API object (`API` for 1.2, `API_1484_11` for 2004, never the other), or null after the retries. */
export async function findApi(edition: ScormEdition, options: FindApiOptions): Promise<object | null> {
  const retries = options.retries ?? 3
  const delayMs = options.delayMs ?? 250
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  for (let attempt = 0; ; attempt++) {
    const api = findApiNow(edition, options.from)
    if (api !== null || attempt >= retries) return api
    await sleep(delayMs)
  }
}

/** One search: the window's parent chain, then the opener of the chain's last window, and so on. */
export function findApiNow(edition: ScormEdition, from: WindowLike): object | null {
  const name = VOCABULARY.apiObject[edition]
  const initialize = VOCABULARY.initialize[edition]
  let start: WindowLike | null = from
  for (let openerHops = 0; start !== null && openerHops <= MAX_OPENER_HOPS; openerHops++) {
    const { api, last } = searchChain(start, name, initialize)
    if (api !== null) return api
    // The window that opened the player's outermost window (a pop-up LMS), or this window's own opener.
    start = read(last, 'opener') ?? (last === start ? null : read(start, 'opener'))
  }
  return null
}

function searchChain(start: WindowLike, name: string, initialize: string): { api: object | null; last: WindowLike } {
  let win = start
  for (let hops = 0; hops <= MAX_PARENT_HOPS; hops++) {
    const api = read(win, name)
    if (isApi(api, initialize)) return { api, last: win }
    const parent = read(win, 'parent')
    if (parent === null || parent === win) break
    win = parent
  }
  return { api: null, last: win }
}

function isApi(value: unknown, initialize: string): value is object {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false
  try {
    return typeof (value as Record<string, unknown>)[initialize] === 'function'
  } catch {
    return false
  }
}

/** A property of a possibly cross-origin window: null when reading it throws (`SecurityError`). */
function read(win: WindowLike, property: string): any {
  try {
    return (win as Record<string, unknown>)[property] ?? null
  } catch {
    return null
  }
}
