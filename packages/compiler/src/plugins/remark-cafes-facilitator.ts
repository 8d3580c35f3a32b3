/**
 * `facilitator` containers: notes for whoever runs a session, with suggested minutes (`in-person=10
 * remote=8`). Checked in every build; kept as `cafesBlock`s only for the facilitator edition
 * (`facilitator: true`), removed otherwise, so they never reach a learner package.
 */
import type { Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import type { VFile } from 'vfile'
import type { CafesBlock, FacilitatorModel } from '../page.js'
import { toWholeNumber } from '../question/attributes.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { attributePlace, checkAttributes, directiveContent } from './directive.js'

export interface FacilitatorOptions {
  /** Keep the notes (facilitator edition); default false: remove them. */
  facilitator?: boolean
}

export function remarkCafesFacilitator(options: FacilitatorOptions = {}) {
  return function (tree: Root, file: VFile): undefined {
    const children: Root['children'] = []
    for (const node of tree.children) {
      if (node.type !== 'containerDirective' || node.name !== 'facilitator') {
        children.push(node)
        continue
      }
      const model = readNote(node, file)
      if (!options.facilitator) continue
      const block: CafesBlock = { type: 'cafesBlock', block: model }
      if (node.position) block.position = node.position
      children.push(block)
    }
    tree.children = children
  }
}

function readNote(node: ContainerDirective, file: VFile): FacilitatorModel {
  checkAttributes(node, file, ['in-person', 'remote'])
  const model: FacilitatorModel = { kind: 'facilitator', id: '', content: directiveContent(node) }
  const timing: { inPerson?: number; remote?: number } = {}
  for (const [name, key] of [['in-person', 'inPerson'], ['remote', 'remote']] as const) {
    const value = node.attributes?.[name]
    if (typeof value !== 'string') continue
    const minutes = toWholeNumber(value)
    if (minutes !== undefined && minutes >= 0) timing[key] = minutes
    else report(file, rules.facilitatorInvalidTiming, { name, value }, attributePlace(node, file, name))
  }
  if (Object.keys(timing).length > 0) model.timing = timing
  return model
}
