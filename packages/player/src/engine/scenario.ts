import type { ScenarioBlock, ScenarioChoice, ScenarioNode } from '@cafes/core'

/**
 * A branching scenario's path, read from its node ids alone (all the state keeps): the node
 * reached, the choices taken, the points earned, the ending. Pure.
 */

export type ScenarioOutcome = NonNullable<ScenarioNode['ending']>['outcome']

export function scenarioNode(scenario: ScenarioBlock, nodeId: string | undefined): ScenarioNode | undefined {
  return scenario.nodes.find((node) => node.id === nodeId)
}

/** The choice of node `from` that leads to node `to`: the first in authored order. */
export function choiceBetween(scenario: ScenarioBlock, from: string | undefined, to: string | undefined): ScenarioChoice | undefined {
  return scenarioNode(scenario, from)?.choices.find((choice) => choice.target === to)
}

/** Points of the choices along the path. */
export function pathPoints(scenario: ScenarioBlock, path: readonly string[]): number {
  let points = 0
  for (let step = 1; step < path.length; step++) points += choiceBetween(scenario, path[step - 1], path[step])?.points ?? 0
  return points
}

/**
 * How the path ended, or null while it goes on: the outcome of an ending; `neutral` for a
 * node with no choice that is not an ending (a dead end, which the compiler warns about), so
 * that a scenario can always be finished.
 */
export function pathOutcome(scenario: ScenarioBlock, path: readonly string[]): ScenarioOutcome | null {
  const node = scenarioNode(scenario, path.at(-1))
  if (node === undefined) return null
  if (node.ending) return node.ending.outcome
  return node.choices.length === 0 ? 'neutral' : null
}

/** The share of the scenario's weight a path earns, 0–1: points / `maxPoints` once ended (1 when `maxPoints` is 0), else 0. */
export function pathShare(scenario: ScenarioBlock, path: readonly string[]): number {
  if (pathOutcome(scenario, path) === null) return 0
  if (scenario.maxPoints <= 0) return 1
  return Math.min(1, pathPoints(scenario, path) / scenario.maxPoints)
}
