/**
 * Puts text and leaf directives back as the text they were written as. The format has none, and
 * remark-directive reads `10:30`, `Réponse:oui` or `Ratio 1:2` in prose as text directives and drops
 * their text: we slice the source by the node's offsets, so colons stay as written.
 */
import type { Paragraph, Root, Text } from 'mdast'
import type { LeafDirective, TextDirective } from 'mdast-util-directive'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

export function remarkCafesRestoreTextDirectives() {
  return function (tree: Root, file: VFile): undefined {
    const source = String(file.value)
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective') return
      if (!parent || index === undefined) return
      const text: Text = { type: 'text', value: sourceOf(node, source), position: node.position }
      const replacement: Text | Paragraph =
        node.type === 'textDirective' ? text : { type: 'paragraph', children: [text], position: node.position }
      parent.children[index] = replacement
      return SKIP
    })
  }
}

function sourceOf(node: TextDirective | LeafDirective, source: string): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return `${node.type === 'leafDirective' ? '::' : ':'}${node.name}`
  return source.slice(start, end)
}
