/**
 * Time values in the formats each SCORM edition accepts (STANDARDS.md §2.4). Pure.
 * Never `Date.prototype.toISOString()`: its 3 fraction digits are rejected by ADL's 2004 run-time.
 */

/** Longest CMITimespan SCORM 1.2 accepts: 9999 hours (4 digits). */
const MAX_TIMESPAN_CENTISECONDS = (9999 * 3600 + 59 * 60 + 59) * 100 + 99

/** SCORM 1.2 CMITimespan `HH[HH]:MM:SS.SS`, e.g. 754 560 ms → `00:12:34.56`. */
export function formatCmiTimespan(ms: number): string {
  const centiseconds = Math.min(toCentiseconds(ms), MAX_TIMESPAN_CENTISECONDS)
  const { hours, minutes, seconds, fraction } = split(centiseconds)
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(fraction, 2)}`
}

/** SCORM 2004 timeinterval `PT#H#M#.##S`: no days or weeks, at most 2 decimals; 0 → `PT0S`. */
export function formatIsoDuration(ms: number): string {
  const { hours, minutes, seconds, fraction } = split(toCentiseconds(ms))
  let text = 'PT'
  if (hours > 0) text += `${hours}H`
  if (minutes > 0) text += `${minutes}M`
  if (seconds > 0 || fraction > 0) {
    text += fraction > 0 ? `${seconds}.${pad(fraction, 2).replace(/0$/, '')}S` : `${seconds}S`
  }
  return text === 'PT' ? 'PT0S' : text
}

/** SCORM 2004 `time(second,10,0)` in UTC with 2 fraction digits: `2024-05-01T10:04:12.30Z`. */
export function formatScorm2004Timestamp(date: Date): string {
  const date_ = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`
  const time = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`
  return `${date_}T${time}.${pad(Math.floor(date.getUTCMilliseconds() / 10), 2)}Z`
}

/** SCORM 1.2 CMITime `HH:MM:SS`: the learner's local clock time, no date. */
export function formatCmiTime(date: Date): string {
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`
}

function toCentiseconds(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0
}

function split(centiseconds: number): { hours: number; minutes: number; seconds: number; fraction: number } {
  const totalSeconds = Math.floor(centiseconds / 100)
  return {
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor(totalSeconds / 60) % 60,
    seconds: totalSeconds % 60,
    fraction: centiseconds % 100,
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
