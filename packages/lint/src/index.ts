export { lint, type LintOptions, type LintReport } from './lint.js'
export { LINT_RULES, type LintRule } from './rules.js'
