/**
 * GFM footnotes as plain Markdown: a reference becomes a superscript number, in order of first use,
 * and the notes an ordered list at the end of the page, after a rule. A page is rendered block by block
 * (callouts and quizzes apart), so the links and ids remark-rehype would generate could not meet.
 * Definitions nothing refers to are dropped, as on GitHub.
 */
import type { FootnoteDefinition, List, ListItem, PhrasingContent, Root } from 'mdast'
import { visit } from 'unist-util-visit'

export function remarkCafesFootnotes() {
  return function (tree: Root): undefined {
    const definitions = new Map<string, FootnoteDefinition>()
    visit(tree, 'footnoteDefinition', (node, index, parent) => {
      if (!parent || index === undefined) return
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
      parent.children.splice(index, 1)
      return index
    })
    if (definitions.size === 0) return

    const order: string[] = []
    visit(tree, 'footnoteReference', (node, index, parent) => {
      if (!parent || index === undefined || !definitions.has(node.identifier)) return
      if (!order.includes(node.identifier)) order.push(node.identifier)
      const number = String(order.indexOf(node.identifier) + 1)
      const superscript: PhrasingContent = {
        type: 'emphasis',
        data: { hName: 'sup' },
        children: [{ type: 'text', value: number }],
        position: node.position,
      }
      parent.children[index] = superscript
    })
    if (order.length === 0) return

    const items = order.map((identifier): ListItem => {
      const definition = definitions.get(identifier)
      return { type: 'listItem', spread: false, children: definition?.children ?? [] }
    })
    const notes: List = { type: 'list', ordered: true, start: 1, spread: false, children: items }
    tree.children.push({ type: 'thematicBreak' }, notes)
  }
}
