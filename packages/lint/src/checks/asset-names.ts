/**
 * Files whose names hold accents, spaces or other non-ASCII characters (B2, Rise Up). The package
 * renames them (`assets/Café noir.png` → `assets/cafe-noir.png`); the author's folder should agree.
 */
import type { Diagnostic } from '@cafes/core'
import { pagePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'

/** Printable ASCII but the space. */
const ASCII_NAME = /^[\x21-\x7e]*$/

export const checkAssetNames: LintCheck = (context) => {
  const found: Diagnostic[] = []
  for (const page of context.pages) {
    for (const reference of page.page.assets) {
      if (ASCII_NAME.test(reference.path)) continue
      const args = { url: reference.url, packagePath: reference.packagePath }
      found.push(lintDiagnostic(LINT_RULES.assetNameNotAscii, args, pagePlace(context, page, reference.place?.start)))
    }
  }
  return found
}
