/** Headings that skip a level (`#` then `###`): screen-reader users navigate by heading levels. */
import type { Diagnostic } from '@cafes/core'
import { pagePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'
import { walkLearnerNodes } from '../tree.js'

export const checkHeadingLevels: LintCheck = (context) =>
  context.pages.flatMap((page) => {
    const found: Diagnostic[] = []
    // The player shows the page title as the level-1 heading, written or not (the compiler reports a
    // missing one), so a page may start with `##`.
    let previous = 1
    walkLearnerNodes(page.tree, (node) => {
      if (node.type !== 'heading') return
      if (node.depth > previous + 1) {
        found.push(lintDiagnostic(LINT_RULES.headingLevelSkipped, { depth: node.depth, previous }, pagePlace(context, page, node.position?.start)))
      }
      previous = node.depth
    })
    return found
  })
