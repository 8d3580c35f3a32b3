/** Link texts that do not say where the link goes (« cliquez ici », "read more"), or no text at all. */
import type { MarkdownNode } from '@cafes/compiler'
import type { Diagnostic } from '@cafes/core'
import { pagePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'
import { walkLearnerNodes } from '../tree.js'

/** Compared lower-case, without surrounding punctuation. */
export const VAGUE_LINK_TEXTS: ReadonlySet<string> = new Set([
  // French.
  'ici', 'là', 'cliquez ici', 'clique ici', 'cliquer ici', 'cliquez', 'cliquez là', 'en savoir plus', 'pour en savoir plus',
  'savoir plus', 'plus', 'lire la suite', 'la suite', 'suite', 'voir', 'voir ici', 'voir plus', 'lien', 'ce lien', 'le lien',
  "plus d'infos", 'plus d’infos', "plus d'informations", 'plus d’informations', 'en lire plus', 'page', 'cette page',
  // English.
  'here', 'click here', 'click', 'read more', 'more', 'learn more', 'see more', 'link', 'this link', 'more info', 'this page',
])

export const checkLinkText: LintCheck = (context) =>
  context.pages.flatMap((page) => {
    const found: Diagnostic[] = []
    walkLearnerNodes(page.tree, (node, ancestors) => {
      if (node.type !== 'link' || isScenarioChoice(ancestors)) return
      const text = plainText(node).replace(/\s+/g, ' ').trim()
      const key = text.toLowerCase().replace(/^[\s«"“(]+|[\s.:!?…»"”)]+$/g, '')
      if (text !== '' && !VAGUE_LINK_TEXTS.has(key)) return
      found.push(lintDiagnostic(LINT_RULES.linkTextVague, { text }, pagePlace(context, page, node.position?.start)))
    })
    return found
  })

/** A scenario choice is a link to a node: its text is the learner's action, read in its list. */
function isScenarioChoice(ancestors: readonly MarkdownNode[]): boolean {
  return ancestors.some((node) => node.type === 'containerDirective' && node.name === 'node')
}

function plainText(node: MarkdownNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'image') return node.alt ?? ''
  if ('children' in node) return (node.children as MarkdownNode[]).map(plainText).join('')
  return ''
}
