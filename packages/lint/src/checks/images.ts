/** Alternative text that says nothing: a file name or a generic word (the compiler reports empty ones). */
import type { Diagnostic } from '@cafes/core'
import { pagePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'
import { walkLearnerNodes } from '../tree.js'

/** Words that name the kind of picture, not what it shows (French and English), compared lower-case. */
const GENERIC_ALT = new Set([
  'image', 'img', 'photo', 'photographie', 'picture', 'pic', 'illustration', 'icône', 'icone', 'icon', 'logo', 'capture',
  "capture d'écran", 'capture d’écran', 'screenshot', 'figure', 'schéma', 'schema', 'graphique', 'graph', 'chart', 'dessin',
  'drawing', 'visuel', 'visual', 'alt', 'texte alternatif', 'alt text', 'placeholder', 'untitled', 'sans titre',
])

const FILE_NAME = /^[^\s/]+\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic)$/i

export const checkImageAlt: LintCheck = (context) =>
  context.pages.flatMap((page) => {
    const found: Diagnostic[] = []
    walkLearnerNodes(page.tree, (node) => {
      if (node.type !== 'image') return
      const alt = (node.alt ?? '').trim()
      if (alt === '' || !isUninformative(alt, node.url)) return
      found.push(lintDiagnostic(LINT_RULES.imageAltUninformative, { alt }, pagePlace(context, page, node.position?.start)))
    })
    return found
  })

function isUninformative(alt: string, url: string): boolean {
  const lower = alt.toLowerCase().replace(/[.:!…]+$/, '').trim()
  if (GENERIC_ALT.has(lower) || FILE_NAME.test(alt)) return true
  const stem = url.split('/').pop()?.replace(/\.[^.]*$/, '').toLowerCase()
  return stem !== undefined && stem !== '' && lower === stem
}
