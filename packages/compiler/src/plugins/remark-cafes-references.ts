/**
 * Turns `[text][ref]` and `![alt][ref]` into plain links and images, and drops the definitions. A page
 * is rendered block by block, and a reference must not depend on a definition in another block; the
 * image checks then see every image's real path.
 */
import type { Definition, Image, Link, Root } from 'mdast'
import { visit } from 'unist-util-visit'

export function remarkCafesReferences() {
  return function (tree: Root): undefined {
    const definitions = new Map<string, Definition>()
    visit(tree, 'definition', (node) => {
      // The first definition of a label wins, as in CommonMark.
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
    })
    if (definitions.size === 0) return

    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return
      if (node.type === 'definition') {
        parent.children.splice(index, 1)
        return index
      }
      if (node.type !== 'linkReference' && node.type !== 'imageReference') return
      const definition = definitions.get(node.identifier)
      if (!definition) return
      const common = { url: definition.url, title: definition.title ?? null, position: node.position }
      const replacement: Link | Image =
        node.type === 'linkReference'
          ? { type: 'link', ...common, children: node.children }
          : { type: 'image', ...common, alt: node.alt ?? '' }
      parent.children[index] = replacement
      return undefined
    })
  }
}
