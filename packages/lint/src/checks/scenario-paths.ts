/**
 * Scenario paths that LMS reports cut: the path is reported as node ids joined by `,` (1.2
 * `performance`, CMIFeedback 255; 2004 `other`, 4000), and the player cuts it to the limit. (The
 * compiler reports unreachable nodes, dead ends and cycles.)
 */
import type { Diagnostic, ScenarioBlock } from '@cafes/core'
import { pagePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'
import { directiveKey, directivesById } from '../tree.js'

/** STANDARDS §2.6: 1.2 `student_response` is CMIFeedback (255); 2004 `other` responses hold 4000. */
export const SCENARIO_PATH_LIMITS = [
  { target: 'scorm12', edition: 'SCORM 1.2', limit: 255 },
  { target: 'scorm2004', edition: 'SCORM 2004', limit: 4000 },
] as const

export const checkScenarioPaths: LintCheck = (context) => {
  const found: Diagnostic[] = []
  context.pages.forEach((page, index) => {
    const directives = directivesById(page.tree)
    for (const block of context.module.course.pages[index]?.blocks ?? []) {
      if (block.kind !== 'scenario' || block.id === '') continue
      const length = longestPathLength(block)
      // The strictest edition among the module's targets.
      const limit = SCENARIO_PATH_LIMITS.find((entry) => context.targets.includes(entry.target) && length > entry.limit)
      if (!limit) continue
      const node = directives.get(directiveKey('scenario', block.id))
      const args = { id: block.id, length, limit: limit.limit, edition: limit.edition }
      found.push(lintDiagnostic(LINT_RULES.scenarioPathCut, args, pagePlace(context, page, node?.position?.start)))
    }
  })
  return found
}

/**
 * Characters of the longest `id,id,…` path from the start. Nodes form no cycle (the compiler refuses
 * one), so each node's longest continuation is computed once; `open` only guards against a cycle.
 */
function longestPathLength(scenario: ScenarioBlock): number {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]))
  const memo = new Map<string, number>()
  const open = new Set<string>()
  const longest = (id: string): number => {
    const known = memo.get(id)
    if (known !== undefined) return known
    const node = byId.get(id)
    if (!node || open.has(id)) return 0
    open.add(id)
    const rest = Math.max(0, ...node.choices.map((choice) => longest(choice.target)))
    open.delete(id)
    const length = id.length + (rest === 0 ? 0 : rest + 1)
    memo.set(id, length)
    return length
  }
  return longest(scenario.start)
}
