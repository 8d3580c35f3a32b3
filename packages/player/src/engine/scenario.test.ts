import { describe, expect, it } from 'vitest'
import { scenarioBlock } from '../../test/fixtures.js'
import { choiceBetween, pathOutcome, pathPoints, pathShare } from './scenario.js'

const scenario = scenarioBlock()

describe('scenario paths', () => {
  it('add the points of the choices taken', () => {
    expect(pathPoints(scenario, ['debut'])).toBe(0)
    expect(pathPoints(scenario, ['debut', 'verif'])).toBe(1)
    expect(pathPoints(scenario, ['debut', 'verif', 'fin-ok'])).toBe(3)
    expect(pathPoints(scenario, ['debut', 'verif', 'fin-neutre'])).toBe(2)
    expect(choiceBetween(scenario, 'debut', 'fin-ko')?.id).toBe('b')
  })

  it('end at an ending, or at a node with no choice (neutral)', () => {
    expect(pathOutcome(scenario, ['debut', 'verif'])).toBeNull()
    expect(pathOutcome(scenario, ['debut', 'verif', 'fin-ok'])).toBe('success')
    expect(pathOutcome(scenario, ['debut', 'fin-ko'])).toBe('failure')
    const deadEnd = scenarioBlock({ nodes: scenario.nodes.map((node) => (node.id === 'verif' ? { ...node, choices: [] } : node)) })
    expect(pathOutcome(deadEnd, ['debut', 'verif'])).toBe('neutral')
  })

  it('earn points / maxPoints once ended, 0 before, 1 when maxPoints is 0', () => {
    expect(pathShare(scenario, ['debut', 'verif'])).toBe(0)
    expect(pathShare(scenario, ['debut', 'verif', 'fin-ok'])).toBe(1)
    expect(pathShare(scenario, ['debut', 'verif', 'fin-neutre'])).toBeCloseTo(2 / 3)
    expect(pathShare(scenario, ['debut', 'fin-ko'])).toBe(0)
    expect(pathShare(scenarioBlock({ maxPoints: 0 }), ['debut', 'fin-ko'])).toBe(1)
  })
})
