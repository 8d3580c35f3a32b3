import { type Question, fnv1a } from '@cafes/core'

/**
 * The order in which a question's options are first shown: choices, matching targets or
 * sequencing steps. Authored order, unless the quiz shuffles; a shuffle is seeded by the
 * learner, the question and the attempt, so that a resumed session shows the same order and
 * a new attempt another one. A sequencing question is authored in the right order: it is
 * always shuffled, and never starts in the right order. Likert scales keep their order.
 */
export function optionOrder(question: Question, options: { shuffle: boolean; seed: string }): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return ordered(question.choices.map((choice) => choice.id), options)
    case 'matching':
      return ordered(question.targets.map((target) => target.id), options)
    case 'sequencing': {
      const right = question.steps.map((step) => step.id)
      const order = shuffled(right, options.seed)
      // Still the right order (1 chance in n!): move the first step to the end.
      return order.every((id, index) => id === right[index]) ? [...order.slice(1), ...order.slice(0, 1)] : order
    }
    case 'likert':
      return question.scale.map((point) => point.id)
    default:
      return []
  }
}

function ordered(ids: string[], options: { shuffle: boolean; seed: string }): string[] {
  return options.shuffle ? shuffled(ids, options.seed) : ids
}

/** Fisher–Yates with a small seeded generator (mulberry32 over an FNV-1a hash of the seed). */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const result = [...items]
  let state = fnv1a(seed)
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[result[index], result[other]] = [result[other]!, result[index]!]
  }
  return result
}
