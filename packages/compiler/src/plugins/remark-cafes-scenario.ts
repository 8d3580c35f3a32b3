/**
 * `scenario` containers become `cafesBlock` scenarios: `:::node` children (the first is the start), each
 * with its narrative and, as its last list, its choices `[Text](#target) (+N)`, feedback in a quote. The
 * graph is checked here: unknown targets, dead ends, unreachable nodes, cycles; `maxPoints` is the
 * longest path from the start to an ending.
 */
import { CHOICE_IDS } from '@cafes/core'
import type { List, ListItem, Root, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import type { CafesBlock, ScenarioModel } from '../page.js'
import { readFlag, toNumber } from '../question/attributes.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import { attributePlace, checkAttributes, directiveContent, plainText, readBlockId } from './directive.js'

const SCENARIO_ATTRIBUTES = ['id', 'title', 'weight', 'back']
const NODE_ATTRIBUTES = ['id', 'title', 'ending']
const OUTCOMES = ['success', 'neutral', 'failure'] as const
/** Node indexes are stored as one base-36 character each. */
const MAX_NODES = 36
const PROMPT_MAX_LENGTH = 250
const POINTS = /^\s*\(\+(\d+)\)\s*$/

type NodeModel = ScenarioModel['nodes'][number]
type ChoiceModel = NodeModel['choices'][number]

export function remarkCafesScenario() {
  return function (tree: Root, file: VFile): undefined {
    tree.children.forEach((node, index) => {
      if (node.type !== 'containerDirective' || node.name !== 'scenario') return
      const block: CafesBlock = { type: 'cafesBlock', block: readScenario(node, file) }
      if (node.position) block.position = node.position
      tree.children[index] = block
    })
  }
}

function readScenario(node: ContainerDirective, file: VFile): ScenarioModel {
  checkAttributes(node, file, SCENARIO_ATTRIBUTES)
  const identity = readBlockId(node, file, '::::scenario{#scenario-topic}')
  const title = node.attributes?.title?.trim()
  const scenario: ScenarioModel = {
    kind: 'scenario',
    ...identity,
    ...(title ? { title } : {}),
    prompt: '',
    weight: 0,
    allowBack: readFlag(node, file, 'back', { fallback: false, rule: rules.blockInvalidFlag }),
    start: '',
    maxPoints: 0,
    nodes: [],
  }
  const places = new Map<ChoiceModel, ListItem>()
  const nodePlaces = new Map<NodeModel, ContainerDirective>()
  for (const child of directiveContent(node)) {
    if (child.type === 'containerDirective' && child.name === 'node') {
      const model = readNode(child, file, places)
      if (model.id !== '' && scenario.nodes.some((other) => other.id === model.id)) {
        report(file, rules.scenarioDuplicateNode, { id: model.id }, attributePlace(child, file, 'id'))
        continue
      }
      scenario.nodes.push(model)
      nodePlaces.set(model, child)
    } else {
      report(file, rules.blockUnexpectedContent, { name: 'scenario', child: 'node' }, child.position)
    }
  }
  const first = scenario.nodes[0]
  if (!first) {
    report(file, rules.blockEmpty, { name: 'scenario', child: 'node' }, node.position)
    readWeight(node, file)
    return scenario
  }
  if (scenario.nodes.length > MAX_NODES) report(file, rules.scenarioTooManyNodes, { count: scenario.nodes.length }, node.position)
  scenario.start = first.id
  scenario.prompt = scenario.title ?? firstSentence(textWithoutImages(first.content))
  if (!scenario.nodes.some((model) => model.ending)) report(file, rules.scenarioNoEnding, { id: identity.id || '(no id)' }, node.position)
  checkGraph(scenario, file, places, nodePlaces)
  // A scenario whose choices earn no points cannot be scored: its weight is 0 (warned when one is written).
  const weight = readWeight(node, file)
  scenario.weight = scenario.maxPoints > 0 ? (weight ?? 1) : 0
  if (weight !== undefined && weight > 0 && scenario.maxPoints === 0) {
    report(file, rules.scenarioNoPoints, { id: identity.id || '(no id)' }, attributePlace(node, file, 'weight'))
  }
  return scenario
}

function textWithoutImages(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) => toString(node, { includeImageAlt: false }))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** `weight=N`, ≥ 0; undefined when not written (or invalid, reported). */
function readWeight(node: ContainerDirective, file: VFile): number | undefined {
  const value = node.attributes?.weight
  if (typeof value !== 'string') return undefined
  const weight = toNumber(value)
  if (weight !== undefined && weight >= 0) return weight
  const args = { name: 'weight', value, expected: 'a number, 0 or more (0: not scored)', example: 'weight=2' }
  report(file, rules.blockInvalidValue, args, attributePlace(node, file, 'weight'))
  return undefined
}

function readNode(node: ContainerDirective, file: VFile, places: Map<ChoiceModel, ListItem>): NodeModel {
  checkAttributes(node, file, NODE_ATTRIBUTES)
  const id = node.attributes?.id?.trim() ?? ''
  if (id === '') report(file, rules.scenarioMissingNodeId, {}, node.position)
  else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) report(file, rules.blockInvalidId, { id }, attributePlace(node, file, 'id'))
  const model: NodeModel = { id, content: [], choices: [] }
  const title = node.attributes?.title?.trim()
  if (title) model.title = title
  const ending = node.attributes?.ending
  if (typeof ending === 'string') {
    const outcome = OUTCOMES.find((value) => value === ending.trim())
    if (outcome) model.ending = { outcome }
    else report(file, rules.scenarioInvalidEnding, { value: ending }, attributePlace(node, file, 'ending'))
  }
  const content = directiveContent(node)
  const last = content.at(-1)
  if (last?.type === 'list' && !last.ordered) {
    model.content = content.slice(0, -1)
    if (model.ending) report(file, rules.scenarioEndingWithChoices, { id }, last.position)
    else model.choices = readChoices(last, file, places)
  } else {
    model.content = content
  }
  return model
}

function readChoices(list: List, file: VFile, places: Map<ChoiceModel, ListItem>): ChoiceModel[] {
  const choices: ChoiceModel[] = []
  for (const item of list.children) {
    const [first, ...rest] = item.children
    const link = first?.type === 'paragraph' ? first.children[0] : undefined
    const after = first?.type === 'paragraph' ? first.children.slice(1) : []
    const tail = plainTextOf(after)
    const points = POINTS.exec(tail)
    const valid =
      link?.type === 'link' &&
      link.url.startsWith('#') &&
      link.url.length > 1 &&
      (tail.trim() === '' || points !== null) &&
      rest.every((child) => child.type === 'blockquote') &&
      item.checked == null
    if (!valid || link?.type !== 'link') {
      report(file, rules.scenarioInvalidChoice, {}, item.position)
      continue
    }
    if (choices.length >= CHOICE_IDS.length) {
      report(file, rules.questionTooManyChoices, { id: 'of this node', count: list.children.length }, item.position)
      break
    }
    const choice: ChoiceModel = {
      id: CHOICE_IDS[choices.length]!,
      target: decodeURIComponent(link.url.slice(1)),
      points: points ? Number(points[1]) : 0,
      content: [{ type: 'paragraph', children: link.children }],
      feedback: rest.flatMap((quote) => (quote.type === 'blockquote' ? quote.children : [])),
    }
    choices.push(choice)
    places.set(choice, item)
  }
  return choices
}

function plainTextOf(nodes: readonly RootContent[] | readonly import('mdast').PhrasingContent[]): string {
  return nodes.map((node) => ('value' in node ? String(node.value) : plainText([node as RootContent]))).join('')
}

function checkGraph(
  scenario: ScenarioModel,
  file: VFile,
  places: Map<ChoiceModel, ListItem>,
  nodePlaces: Map<NodeModel, ContainerDirective>,
): void {
  const byId = new Map(scenario.nodes.filter((node) => node.id !== '').map((node) => [node.id, node]))
  for (const node of scenario.nodes) {
    for (const choice of node.choices) {
      if (!byId.has(choice.target)) report(file, rules.scenarioUnknownTarget, { target: choice.target }, places.get(choice)?.position)
    }
    if (!node.ending && node.choices.length === 0 && node.id !== '') {
      report(file, rules.scenarioDeadEnd, { id: node.id }, nodePlaces.get(node)?.position)
    }
  }
  const edges = (node: NodeModel) => node.choices.filter((choice) => byId.has(choice.target))

  // Reachable from the start.
  const start = scenario.nodes[0]!
  const reached = new Set<NodeModel>([start])
  const queue = [start]
  while (queue.length > 0) {
    for (const choice of edges(queue.shift()!)) {
      const next = byId.get(choice.target)!
      if (!reached.has(next)) reached.add(next), queue.push(next)
    }
  }
  for (const node of scenario.nodes) {
    if (!reached.has(node) && node.id !== '') report(file, rules.scenarioUnreachableNode, { id: node.id }, nodePlaces.get(node)?.position)
  }

  // Cycles: a choice leading back to a node on the current path (depth-first, every node).
  const state = new Map<NodeModel, 'open' | 'done'>()
  const path: NodeModel[] = []
  let cyclic = false
  const visit = (node: NodeModel): void => {
    state.set(node, 'open')
    path.push(node)
    for (const choice of edges(node)) {
      const next = byId.get(choice.target)!
      if (state.get(next) === 'open') {
        cyclic = true
        const loop = [...path.slice(path.indexOf(next)), next].map((step) => `\`${step.id}\``).join(' → ')
        report(file, rules.scenarioCycle, { path: loop }, places.get(choice)?.position)
      } else if (!state.has(next)) {
        visit(next)
      }
    }
    path.pop()
    state.set(node, 'done')
  }
  for (const node of scenario.nodes) if (!state.has(node)) visit(node)
  if (cyclic) return

  // The most points on a path from the start to an ending (-Infinity: no ending that way).
  const best = new Map<NodeModel, number>()
  const longest = (node: NodeModel): number => {
    const known = best.get(node)
    if (known !== undefined) return known
    let most = node.ending ? 0 : -Infinity
    for (const choice of edges(node)) most = Math.max(most, choice.points + longest(byId.get(choice.target)!))
    best.set(node, most)
    return most
  }
  const most = longest(start)
  scenario.maxPoints = Number.isFinite(most) ? most : 0
}

/** The first sentence of `text`, at most 250 characters. */
export function firstSentence(text: string): string {
  const sentence = /^.*?[.!?…](?=\s|$)/s.exec(text)?.[0] ?? text
  return sentence.length <= PROMPT_MAX_LENGTH ? sentence : `${sentence.slice(0, PROMPT_MAX_LENGTH - 1)}…`
}
