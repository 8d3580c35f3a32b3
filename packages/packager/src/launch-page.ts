import type { Course, TargetId } from '@cafes/core'
import { isLrsTarget } from './targets.js'

/** No request leaves the package (B19); inline styles only for the player's own style attributes. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'"

/**
 * The xAPI and cmi5 players must reach the LRS the launch URL names, on any origin and over
 * http or https (an LMS's own LRS is often plain http on an intranet): everything else stays
 * as strict as `CONTENT_SECURITY_POLICY`.
 */
export const LRS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", 'connect-src https: http:')

/** The launch page's policy for a target. */
export function contentSecurityPolicy(target: TargetId): string {
  return isLrsTarget(target) ? LRS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY
}

const NOSCRIPT = {
  fr: 'Ce module a besoin de JavaScript. Activez-le dans votre navigateur ou contactez votre administrateur.',
  en: 'This module needs JavaScript. Turn it on in your browser or contact your administrator.',
} as const

/**
 * `index.html`: the page the LMS launches. It carries the course as JSON in a
 * `<script type="application/json" id="cafes-course">` and loads `player.css` and
 * `player.js` from the package; nothing else. Its Content Security Policy depends on the
 * target (`contentSecurityPolicy`).
 */
export function launchPage(course: Course, target: TargetId): string {
  const language = course.language || 'fr'
  const noscript = /^fr\b/i.test(language) ? NOSCRIPT.fr : NOSCRIPT.en
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(target)}">`,
    `<title>${escapeHtml(course.title)}</title>`,
    '<link rel="stylesheet" href="player.css">',
    '</head>',
    '<body>',
    `<noscript><p>${escapeHtml(noscript)}</p></noscript>`,
    '<div id="cafes-app"></div>',
    `<script type="application/json" id="cafes-course">${courseJson(course)}</script>`,
    '<script src="player.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/**
 * The course as JSON that is safe inside a `<script>` element: every `<` is written `\u003c`
 * (so no `</script>` or `<!--` can end or change it), and U+2028/U+2029 are escaped too.
 */
export function courseJson(course: Course): string {
  return JSON.stringify(course)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
