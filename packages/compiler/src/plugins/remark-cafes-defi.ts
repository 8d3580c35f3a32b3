/**
 * `defi` containers become `cafesBlock` challenges: instructions, then a checklist (`- [ ] …`) or a quiz
 * (already read by `remark-cafes-quiz`), and an optional time limit `time=` in seconds.
 */
import { CHOICE_IDS } from '@cafes/core'
import type { List, Root, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import type { VFile } from 'vfile'
import type { CafesBlock, ChallengeModel } from '../page.js'
import { toWholeNumber } from '../question/attributes.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { attributePlace, checkAttributes, directiveContent, readBlockId } from './directive.js'

const DEFI_ATTRIBUTES = ['id', 'title', 'time']

export function remarkCafesDefi() {
  return function (tree: Root, file: VFile): undefined {
    tree.children.forEach((node, index) => {
      if (node.type !== 'containerDirective' || node.name !== 'defi') return
      const block: CafesBlock = { type: 'cafesBlock', block: readChallenge(node, file) }
      if (node.position) block.position = node.position
      tree.children[index] = block
    })
  }
}

function readChallenge(node: ContainerDirective, file: VFile): ChallengeModel {
  checkAttributes(node, file, DEFI_ATTRIBUTES)
  const identity = readBlockId(node, file, '::::defi{#defi-topic title="Votre défi"}')
  const title = node.attributes?.title?.trim() ?? ''
  if (title === '') report(file, rules.blockMissingTitle, { name: 'defi', example: '::::defi{#defi-topic title="Votre défi"}' }, node.position)
  const challenge: ChallengeModel = { kind: 'challenge', ...identity, title, instructions: [], checklist: [] }
  const time = node.attributes?.time
  if (typeof time === 'string') {
    const seconds = toWholeNumber(time)
    if (seconds !== undefined && seconds >= 1) challenge.timeLimit = seconds
    else {
      const args = { name: 'time', value: time, expected: 'a whole number of seconds, 1 or more', example: 'time=180' }
      report(file, rules.blockInvalidValue, args, attributePlace(node, file, 'time'))
    }
  }

  const content = directiveContent(node)
  const taskIndex = content.findIndex((child) => child.type === 'cafesQuiz' || isTaskList(child))
  if (taskIndex === -1) {
    report(file, rules.challengeMissingTask, {}, node.position)
    challenge.instructions = content
    return challenge
  }
  challenge.instructions = content.slice(0, taskIndex)
  const task = content[taskIndex]!
  for (const extra of content.slice(taskIndex + 1)) report(file, rules.challengeUnexpectedContent, {}, extra.position)
  if (task.type === 'cafesQuiz') {
    challenge.quiz = task.quiz
    return challenge
  }
  const list = task as List
  if (list.children.length > CHOICE_IDS.length) {
    report(file, rules.challengeTooManyItems, { count: list.children.length }, list.position)
  }
  list.children.slice(0, CHOICE_IDS.length).forEach((item, index) => {
    if (item.checked !== false) report(file, rules.challengeCheckedItem, {}, item.position)
    challenge.checklist.push({ id: CHOICE_IDS[index]!, content: item.children })
  })
  return challenge
}

function isTaskList(node: RootContent): node is List {
  return node.type === 'list' && node.children.some((item) => typeof item.checked === 'boolean')
}
