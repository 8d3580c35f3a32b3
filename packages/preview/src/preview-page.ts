import { PACKAGE_TARGETS } from '@cafes/packager'
import { PANEL_SCRIPT } from './panel-script.js'

const TARGET_LABELS: Record<(typeof PACKAGE_TARGETS)[number], string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  xapi: 'xAPI (Tin Can)',
  cmi5: 'cmi5',
  web: 'Web (no LMS)',
}

const STYLE = `
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{display:flex;flex-direction:column;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;background:#fff}
header.bar{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap;padding:.4rem 1rem;border-bottom:1px solid #c8c8c8;background:#f3f3f3}
header.bar h1{font-size:1rem;margin:0}
#build-status{margin:0;color:#333}
body[data-state=error] #build-status{color:#a00000;font-weight:600}
.layout{flex:1;display:flex;min-height:0}
.stage{flex:1;position:relative;min-width:0}
#module-frame{border:0;width:100%;height:100%;display:block}
#error-overlay{position:absolute;inset:0;overflow:auto;padding:1rem 1.5rem;background:#fff8f8;border-top:4px solid #a00000}
#error-overlay h2{color:#a00000;margin-top:0}
#error-overlay article{margin:0 0 1.5rem}
#error-overlay h3{font:600 1rem ui-monospace,SFMono-Regular,Menlo,monospace;margin:0 0 .25rem}
#error-overlay pre{background:#1e1e1e;color:#f0f0f0;padding:.5rem 0;overflow-x:auto;font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
#error-overlay pre span{display:block;padding:0 .75rem;white-space:pre}
#error-overlay pre .marked{background:#5c1b1b}
#error-overlay pre .caret{color:#ff8c8c;font-weight:700}
.rule{color:#555}
.panel{width:27rem;max-width:45%;overflow:auto;border-left:1px solid #c8c8c8;padding:0 1rem 2rem;background:#fafafa}
.panel h2{font-size:1rem;margin:1.1rem 0 .4rem;border-bottom:1px solid #ddd}
.panel dl{display:grid;grid-template-columns:auto 1fr;gap:.15rem .75rem;margin:0}
.panel dt{font-weight:600}
.panel dd{margin:0;overflow-wrap:anywhere}
.over{color:#a00000;font-weight:600}
.controls{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.3rem 0}
button,select{font:inherit;padding:.2rem .55rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;border-bottom:1px solid #e2e2e2;padding:.15rem .3rem;vertical-align:top;overflow-wrap:anywhere}
#statements{padding-left:1.4rem;margin:0}
#statements pre{white-space:pre-wrap;font-size:12px;background:#f0f0f0;padding:.4rem;overflow-wrap:anywhere}
.note{color:#444;font-size:.92em;margin:.2rem 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`

/**
 * The preview page: the module in a frame, as the simulated LMS launches it, beside a panel of
 * what the LMS or LRS received, with the controls; the error overlay covers the frame while the
 * module does not build. Plain HTML, inline CSS and script, no framework.
 */
export function previewPage(moduleTitle: string): string {
  const options = PACKAGE_TARGETS.map((target) => `<option value="${target}">${TARGET_LABELS[target]}</option>`).join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cafes preview — ${escapeHtml(moduleTitle)}</title>
<style>${STYLE}</style>
</head>
<body data-state="starting" data-build="0">
<header class="bar">
  <h1>cafes preview: <span id="module-title">${escapeHtml(moduleTitle)}</span></h1>
  <p id="build-status" role="status" aria-live="polite">Starting…</p>
</header>
<div class="layout">
  <main class="stage">
    <iframe id="module-frame" title="The module, as the LMS launches it" src="about:blank"></iframe>
    <section id="error-overlay" role="alert" aria-labelledby="error-title" hidden>
      <h2 id="error-title">The module does not build</h2>
      <p class="note">Fix the file and save: the preview rebuilds and reloads by itself.</p>
      <div id="error-list"></div>
    </section>
  </main>
  <aside class="panel" aria-labelledby="panel-title">
    <h2 id="panel-title" class="visually-hidden">What the LMS received</h2>
    <section aria-labelledby="controls-title">
      <h2 id="controls-title">Controls</h2>
      <div class="controls">
        <button type="button" id="reset">Reset attempt</button>
        <button type="button" id="relaunch">Relaunch (resume)</button>
      </div>
      <div class="controls">
        <label for="target">Target</label>
        <select id="target">${options}</select>
        <button type="button" id="switch-target">Switch target</button>
      </div>
      <div class="controls">
        <label for="language">Interface language</label>
        <select id="language"><option value="fr">Français</option><option value="en">English</option></select>
        <button type="button" id="switch-language">Switch language</button>
      </div>
      <p class="note" id="language-note"></p>
      <p class="controls"><a id="facilitator" href="/facilitator" target="_blank" rel="noopener">Facilitator guide (opens in a new tab)</a></p>
      <p class="note">Learner: <span id="learner"></span></p>
    </section>
    <section aria-labelledby="record-title">
      <h2 id="record-title">LMS record</h2>
      <dl>
        <dt>Status</dt><dd id="lms-status">—</dd>
        <dt>Score</dt><dd id="lms-score">—</dd>
        <dt>Progress</dt><dd id="lms-progress">—</dd>
        <dt>Location</dt><dd id="lms-location">—</dd>
        <dt>suspend_data</dt><dd id="lms-suspend-data">—</dd>
      </dl>
      <p class="note" id="record-note"></p>
    </section>
    <section aria-labelledby="interactions-title">
      <h2 id="interactions-title">Interactions</h2>
      <table>
        <thead><tr><th scope="col">Id</th><th scope="col">Type</th><th scope="col">Response</th><th scope="col">Result</th></tr></thead>
        <tbody id="interactions"></tbody>
      </table>
      <p class="note" id="interactions-note">None recorded yet.</p>
    </section>
    <section aria-labelledby="statements-title" id="statements-section" hidden>
      <h2 id="statements-title">Statements</h2>
      <ol id="statements"></ol>
    </section>
    <section aria-labelledby="refused-title" id="refused-section" hidden>
      <h2 id="refused-title">Calls the LMS refused</h2>
      <ul id="refused"></ul>
    </section>
  </aside>
</div>
<script>${PANEL_SCRIPT}</script>
</body>
</html>
`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
