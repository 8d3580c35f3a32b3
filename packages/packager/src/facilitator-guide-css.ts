/**
 * `guide.css` of the facilitator edition: readable on screen, and a clean A4 session guide
 * in print (one module page per printed page, no chrome, links written out in full).
 * Colours keep at least 4.5:1 contrast on their backgrounds (WCAG 1.4.3).
 */
export const GUIDE_CSS = `:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 1.5rem 1rem 3rem; }
img, video { max-width: 100%; height: auto; }
a { color: #0b4f9c; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.4em 0 0.5em; }
h1 { font-size: 2rem; margin-top: 0.2em; }
h2 { font-size: 1.5rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2em; }
h3 { font-size: 1.2rem; }
h4 { font-size: 1.05rem; }
h5, h6 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
caption { text-align: left; font-style: italic; padding-bottom: 0.3em; }
th, td { border: 1px solid #6b6b6b; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
thead th, tfoot th, tfoot td { background: #ececec; }
.guide-kicker { text-transform: uppercase; letter-spacing: 0.06em; font-weight: 700; color: #5a3a00; margin: 0; }
.guide-facts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 1rem 0; }
.guide-facts dt { font-weight: 700; }
.guide-facts dd { margin: 0; }
.guide-page-number { display: block; font-size: 0.8em; font-weight: 400; color: #4d4d4d; }
.guide-meta { color: #3d3d3d; font-style: italic; }
.guide-label { font-weight: 700; margin: 0.6em 0 0.2em; }
.guide-note { border: 2px solid #8a5300; border-left-width: 8px; background: #fff6e0; padding: 0.2rem 1rem 0.6rem; margin: 1rem 0; }
.guide-note h3 { margin-top: 0.6em; color: #5a3a00; }
.guide-note-timing { font-weight: 700; }
.guide-callout { border-left: 6px solid #0b4f9c; background: #eef4fb; padding: 0.4rem 1rem; margin: 1rem 0; }
.guide-callout-warning, .guide-callout-important { border-left-color: #a4262c; background: #fdf0f0; }
.guide-callout-title { margin: 0.4em 0; }
.guide-quiz, .guide-scenario, .guide-challenge, .guide-media, .guide-panels { border: 1px solid #8c8c8c; padding: 0.2rem 1rem 0.6rem; margin: 1rem 0; }
.guide-question { border-top: 1px dashed #8c8c8c; margin-top: 0.8rem; }
.guide-question-type { font-weight: 400; font-style: italic; }
.guide-choices { list-style: none; padding-left: 0; }
.guide-choices > li { padding: 0.3em 0.5em; margin: 0.2em 0; border: 1px solid #c4c4c4; }
.guide-choice-right { background: #e8f5ea; border-color: #1e6b2e !important; }
.guide-right { color: #1e6b2e; }
.guide-wrong { color: #4d4d4d; }
.guide-answer { font-weight: 400; }
.guide-feedback { margin-left: 1rem; color: #2b2b2b; }
.guide-feedback > :first-child, .guide-labelled > div > :first-child { margin-top: 0.2em; }
.guide-map > li { margin: 0.6em 0; }
.guide-node-ending { border-left: 4px solid #4d4d4d; padding-left: 0.6em; }
.guide-start, .guide-ending { font-size: 0.85em; font-weight: 700; border: 1px solid currentColor; padding: 0 0.3em; margin-left: 0.3em; }
.guide-ending-success { color: #1e6b2e; }
.guide-ending-failure { color: #a4262c; }
.guide-checklist { list-style: "☐ "; }
.guide-time { font-variant-numeric: tabular-nums; font-weight: 700; margin-right: 0.4em; }
.guide-panel { margin: 0.6em 0; }
@media print {
  @page { size: A4; margin: 18mm; }
  html { font-size: 11pt; line-height: 1.4; }
  body { max-width: none; padding: 0; }
  a { color: inherit; }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; word-break: break-all; }
  .guide-page { break-before: page; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  .guide-note, .guide-callout, .guide-question, .guide-map > li, tr, img { break-inside: avoid; }
  .guide-note, .guide-choice-right, thead th, tfoot th, tfoot td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav, .guide-screen-only { display: none !important; }
}
`
