/**
 * Reading the attributes of quizzes and questions: numbers, flags and lengths as authors write them.
 * Every reader reports a bad value at the attribute and returns the default, so one run reports all.
 */
import type { ContainerDirective } from 'mdast-util-directive'
import type { VFile } from 'vfile'
import { attributePlace } from '../plugins/directive.js'
import { report } from '../report.js'
import { rules, type Rule } from '../rules.js'

/** A decimal number as authors write it (`80`, `2.5`); `undefined` otherwise (`''`, `80%`, `1e3`). */
export function toNumber(text: string): number | undefined {
  return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : undefined
}

/** A whole number (`3`); `undefined` otherwise. */
export function toWholeNumber(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : undefined
}

/** A signed decimal number (`-3.5`, `42`), as numeric answers are written; `undefined` otherwise. */
export function toSignedNumber(text: string): number | undefined {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : undefined
}

/**
 * An on/off attribute: absent → `fallback`; written alone or `=true` → true; `=false` → false;
 * anything else is reported with `rule` and gives `fallback`.
 */
export function readFlag(
  node: ContainerDirective,
  file: VFile,
  name: string,
  options: { fallback: boolean; rule: Rule<{ name: string; value: string }> },
): boolean {
  const value = node.attributes?.[name]
  if (typeof value !== 'string') return options.fallback
  const normalised = value.trim()
  if (normalised === '' || normalised === 'true') return true
  if (normalised === 'false') return false
  report(file, options.rule, { name, value }, attributePlace(node, file, name))
  return options.fallback
}

/** `maxlength=N`, a whole number from 1 to `max`; `fallback` when absent or invalid (reported). */
export function readMaxLength(
  node: ContainerDirective,
  file: VFile,
  limits: { type: string; fallback: number; max: number; why: string },
): number {
  const value = node.attributes?.['maxlength']
  if (typeof value !== 'string') return limits.fallback
  const length = toWholeNumber(value)
  if (length !== undefined && length >= 1 && length <= limits.max) return length
  const args = { value, type: limits.type, max: limits.max, why: limits.why }
  report(file, rules.questionInvalidMaxLength, args, attributePlace(node, file, 'maxlength'))
  return limits.fallback
}
