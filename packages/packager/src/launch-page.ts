import type { Course } from '@cafes/core'

/** No request leaves the package (B19); inline styles only for the player's own style attributes. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'"

const NOSCRIPT = {
  fr: 'Ce module a besoin de JavaScript. Activez-le dans votre navigateur ou contactez votre administrateur.',
  en: 'This module needs JavaScript. Turn it on in your browser or contact your administrator.',
} as const

/**
 * `index.html`: the page the LMS launches. It carries the course as JSON in a
 * `<script type="application/json" id="cafes-course">` and loads `player.css` and
 * `player.js` from the package; nothing else.
 */
export function launchPage(course: Course): string {
  const language = course.language || 'fr'
  const noscript = /^fr\b/i.test(language) ? NOSCRIPT.fr : NOSCRIPT.en
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
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
