/**
 * "Learn more" containers become `cafesBlock`s: `::::tabs` of `:::tab[Title]`, `::::accordion` of
 * `:::item[Title]`, `::::cards` of `:::card[Title]`. Every panel needs its title.
 */
import type { Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import type { VFile } from 'vfile'
import type { CafesBlock, PanelsModel } from '../page.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { checkAttributes, directiveContent, labelText, readBlockId } from './directive.js'

const PANELS = { tabs: 'tab', accordion: 'item', cards: 'card' } as const
type PanelsKind = keyof typeof PANELS

export function remarkCafesPanels() {
  return function (tree: Root, file: VFile): undefined {
    tree.children.forEach((node, index) => {
      if (node.type !== 'containerDirective' || !Object.hasOwn(PANELS, node.name)) return
      const block: CafesBlock = { type: 'cafesBlock', block: readPanels(node, node.name as PanelsKind, file) }
      if (node.position) block.position = node.position
      tree.children[index] = block
    })
  }
}

function readPanels(node: ContainerDirective, kind: PanelsKind, file: VFile): PanelsModel {
  const child = PANELS[kind]
  const identity = kind === 'cards' ? { id: '' } : readBlockId(node, file, `::::${kind}{#${kind}-topic}`)
  checkAttributes(node, file, kind === 'cards' ? [] : ['id'])
  const model: PanelsModel = { kind, ...identity, panels: [] }
  for (const panel of directiveContent(node)) {
    if (panel.type !== 'containerDirective' || panel.name !== child) {
      report(file, rules.blockUnexpectedContent, { name: kind, child }, panel.position)
      continue
    }
    checkAttributes(panel, file, [])
    const title = labelText(panel)
    if (title === '') report(file, rules.blockMissingTitle, { name: child, example: `:::${child}[Title]` }, panel.position)
    model.panels.push({ title, content: directiveContent(panel) })
  }
  if (model.panels.length === 0) report(file, rules.blockEmpty, { name: kind, child }, node.position)
  return model
}
