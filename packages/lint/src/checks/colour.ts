/**
 * Cues given by colour alone in the text (« en rouge », « le bouton vert », "in red"): WCAG 1.4.1 and
 * 1.3.3. The text of each paragraph, heading and table cell is searched as one string, so emphasis
 * (`le bouton **vert**`) does not hide a cue; each match is mapped back to its place in the source.
 */
import type { Diagnostic } from '@cafes/core'
import type { MarkdownNode, SourcePage } from '@cafes/compiler'
import { pagePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'
import { lineColumnAt, walkLearnerNodes, type LineColumn } from '../tree.js'

// Black and white are left out: « en noir et blanc », « noir sur blanc » are not cues.
const FR_COLOURS = 'rouges?|vert(?:e|s|es)?|bleu(?:e|s|es)?|jaunes?|oranges?|violet(?:te|s|tes)?|roses?|gris(?:e|es)?|turquoises?'
// Not « ligne rouge » nor « feu vert »: those are idioms, not pointers.
const FR_THINGS =
  '(?:bouton|case|zone|texte|mot|partie|élément|icône|flèche|cercle|carré|lien|onglet|encadré|voyant|pastille|colonne|cellule|réponse|option|cadre|phrase|passage)s?'
const EN_COLOURS = 'red|green|blue|yellow|orange|purple|pink|grey|gray'
const EN_THINGS = '(?:button|box|text|word|area|part|item|icon|arrow|circle|square|link|tab|field|column|cell|answer|option|sentence)s?'

const BEFORE = '(?<![\\p{L}\\p{N}])'
const AFTER = '(?![\\p{L}\\p{N}])'

/** The phrasings that point by colour, French then English. */
export const COLOUR_CUES: readonly RegExp[] = [
  new RegExp(`${BEFORE}(?:en|de couleur)\\s+(?:${FR_COLOURS})${AFTER}`, 'giu'),
  new RegExp(`${BEFORE}(?:le|la|les|l['’]|un|une|des|du|au|aux|ce|cette|ces)\\s*${FR_THINGS}\\s+(?:${FR_COLOURS})${AFTER}`, 'giu'),
  new RegExp(`${BEFORE}(?:in|coloured|colored|highlighted)\\s+(?:${EN_COLOURS})${AFTER}`, 'giu'),
  new RegExp(`${BEFORE}the\\s+(?:${EN_COLOURS})\\s+${EN_THINGS}${AFTER}`, 'giu'),
]

/** A run of text in a block, with where it starts in the block's joined text. */
interface Segment {
  node: Extract<MarkdownNode, { value: string }>
  from: number
}

export const checkColourCues: LintCheck = (context) =>
  context.pages.flatMap((page) => {
    const found: Diagnostic[] = []
    walkLearnerNodes(page.tree, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return
      const segments: Segment[] = []
      let joined = ''
      collectText(node, (text) => {
        segments.push({ node: text, from: joined.length })
        joined += text.value
      })
      for (const pattern of COLOUR_CUES) {
        for (const match of joined.matchAll(pattern)) {
          const text = match[0].replace(/\s+/g, ' ')
          const place = sourcePlace(page, segments, match.index)
          found.push(lintDiagnostic(LINT_RULES.colourOnlyCue, { text }, pagePlace(context, page, place)))
        }
      }
    })
    return found
  })

function collectText(node: MarkdownNode, add: (text: Segment['node']) => void): void {
  if (node.type === 'text') add(node)
  else if ('children' in node) for (const child of node.children as MarkdownNode[]) collectText(child, add)
}

/** Where the character at `index` of the joined text is written in the page. */
function sourcePlace(page: SourcePage, segments: readonly Segment[], index: number): LineColumn | undefined {
  let segment: Segment | undefined
  for (const candidate of segments) if (candidate.from <= index) segment = candidate
  const start = segment?.node.position?.start
  const end = segment?.node.position?.end
  if (!segment || !start || start.offset === undefined || end?.offset === undefined) return start
  const local = index - segment.from
  const source = page.text.slice(start.offset, end.offset)
  // A text node's value is its source unless it holds escapes, entities or continuation-line prefixes,
  // which only make the source longer: the word is then at or after the same index in the source.
  if (source === segment.node.value) return lineColumnAt(page.text, start.offset + local)
  const word = /^[\p{L}\p{N}'’]+/u.exec(segment.node.value.slice(local))?.[0]
  const offset = word === undefined ? -1 : source.indexOf(word, local)
  return offset === -1 ? { line: start.line, column: start.column } : lineColumnAt(page.text, start.offset + offset)
}
