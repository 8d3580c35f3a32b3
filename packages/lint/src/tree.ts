/**
 * Reading the pages' syntax trees: walking what learners see, words, directives by id, and places in
 * the source text. The trees come from the compiler (`readModuleSources`), so positions match its own.
 */
import type { MarkdownNode, MarkdownRoot } from '@cafes/compiler'

export type ContainerDirectiveNode = Extract<MarkdownNode, { type: 'containerDirective' }>

/** A 1-based line and column. */
export interface LineColumn {
  line: number
  column: number
}

/**
 * Calls `visit` on every node learners see, in document order, with its ancestors: the front matter
 * and `:::facilitator` notes (never in a learner package) are skipped.
 */
export function walkLearnerNodes(tree: MarkdownRoot, visit: (node: MarkdownNode, ancestors: readonly MarkdownNode[]) => void): void {
  const walk = (node: MarkdownNode, ancestors: MarkdownNode[]): void => {
    if (node.type === 'yaml') return
    if (node.type === 'containerDirective' && node.name === 'facilitator') return
    visit(node, ancestors)
    if ('children' in node) {
      const inner = [...ancestors, node]
      for (const child of node.children as MarkdownNode[]) walk(child, inner)
    }
  }
  walk(tree, [])
}

/** The text learners read on a page, block by block (code included: it is read too). */
export function learnerText(tree: MarkdownRoot): string {
  const parts: string[] = []
  walkLearnerNodes(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value)
  })
  return parts.join(' ')
}

/** Words as readers count them: `l'IA` and `peut-être` are one each, numbers count. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** Container directives of a page by `name` and id, the first of each (the compiler reports duplicates). */
export function directivesById(tree: MarkdownRoot): Map<string, ContainerDirectiveNode> {
  const found = new Map<string, ContainerDirectiveNode>()
  walkLearnerNodes(tree, (node) => {
    if (node.type !== 'containerDirective') return
    const id = node.attributes?.id?.trim()
    if (!id) return
    const key = directiveKey(node.name, id)
    if (!found.has(key)) found.set(key, node)
  })
  return found
}

export function directiveKey(name: string, id: string): string {
  return `${name}#${id}`
}

/** The line and column of `offset` in `text`. */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1
  let lineStart = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    lineStart = index + 1
  }
  return { line, column: offset - lineStart + 1 }
}
