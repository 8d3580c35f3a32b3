import { type Question, type Response, parseDecimal } from '@cafes/core'

/**
 * The response as the state keeps it, or null when it does not fit the question: unknown ids,
 * not exactly one choice (single, likert), no choice (multiple), no pair (matching), a source
 * paired twice, steps that are not each step once (sequencing), blank text, text over the
 * question's maximum length, a number that does not parse (digits with `.` or `,`).
 * Choices come back in choice order and pairs in source order, as the codec restores them.
 */
export function checkedResponse(question: Question, response: unknown): Response | null {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'likert': {
      const options = question.type === 'likert' ? question.scale : question.choices
      if (!isStringArray(response) || response.some((id) => !options.some((option) => option.id === id))) return null
      const selected = options.filter((option) => response.includes(option.id)).map((option) => option.id)
      if (selected.length === 0 || (question.type !== 'multiple' && selected.length !== 1)) return null
      return selected
    }
    case 'true-false':
      return typeof response === 'boolean' ? response : null
    case 'fill-in':
    case 'reflection':
      return typeof response === 'string' && response.trim() !== '' && response.length <= question.maxLength ? response : null
    case 'numeric':
      return typeof response === 'string' && response.length <= question.maxLength && parseDecimal(response) !== null ? response : null
    case 'matching': {
      if (!Array.isArray(response) || response.length === 0) return null
      const targets = new Map<string, string>()
      for (const pair of response as unknown[]) {
        if (!isStringArray(pair) || pair.length !== 2) return null
        const [source, target] = pair as [string, string]
        if (targets.has(source) || !question.targets.some((option) => option.id === target)) return null
        targets.set(source, target)
      }
      if ([...targets.keys()].some((source) => !question.sources.some((option) => option.id === source))) return null
      return question.sources.flatMap((source) => {
        const target = targets.get(source.id)
        return target === undefined ? [] : [[source.id, target] as [string, string]]
      })
    }
    case 'sequencing': {
      if (!isStringArray(response) || response.length !== question.steps.length || new Set(response).size !== response.length) return null
      return question.steps.every((step) => response.includes(step.id)) ? [...response] : null
    }
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}
