/**
 * The preview page's script, run in the browser: listens to the server's events (rebuilt,
 * failed), relaunches the module in the frame, shows the error overlay, polls the panel's
 * data and drives the controls. Plain ES2017 in a string: it is sent as is, never bundled.
 *
 * `document.body.dataset` carries what tests and people can read: `state` (building, ready,
 * error), `build` (the build whose package the frame shows) and `frame` (launching, launched).
 */
export const PANEL_SCRIPT = String.raw`
(function () {
  'use strict'
  var $ = function (id) { return document.getElementById(id) }
  var body = document.body
  var frame = $('module-frame')
  var instance = null
  var launching = null
  var queued = null
  var shownTarget = null
  var statementItems = new Map()
  var POLL_MS = 1000

  function text(element, value) { element.textContent = value === null || value === undefined || value === '' ? '—' : String(value) }
  function el(tag, className, content) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (content !== undefined) node.textContent = content
    return node
  }
  function setStatus(message) { $('build-status').textContent = message }

  function post(path, data) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data || {}) })
      .then(function (response) { return response.json() })
  }

  // Leaving the module first lets the player finish from pagehide before the LMS launches the next session.
  function blank() {
    return new Promise(function (resolve) {
      var done = false
      var finish = function () { if (!done) { done = true; resolve() } }
      frame.addEventListener('load', finish, { once: true })
      setTimeout(finish, 1000)
      frame.src = 'about:blank'
    })
  }

  function relaunch(path, data) {
    if (launching) { queued = [path, data]; return launching }
    body.dataset.frame = 'launching'
    launching = blank()
      .then(function () { return post(path, data) })
      .then(function (answer) {
        applyAnswer(answer)
        if (answer.launchUrl) {
          frame.src = answer.launchUrl
          body.dataset.build = String(answer.build)
          body.dataset.frame = 'launched'
        }
      })
      .catch(function (error) { setStatus('The preview server did not answer: ' + error.message) })
      .then(function () {
        launching = null
        refresh()
        if (queued) { var next = queued; queued = null; relaunch(next[0], next[1]) }
      })
    return launching
  }

  function applyAnswer(answer) {
    if (answer.overlay) return showOverlay(answer.overlay)
    hideOverlay()
    if (body.dataset.state !== 'ready') { body.dataset.state = 'ready'; setStatus('Ready') }
  }

  function showOverlay(overlay) {
    var list = $('error-list')
    list.replaceChildren()
    overlay.errors.forEach(function (error) {
      var article = el('article')
      article.appendChild(el('h3', null, error.location))
      var message = el('p', null, error.message + ' ')
      message.appendChild(el('span', 'rule', '[' + error.ruleId + ']'))
      article.appendChild(message)
      if (error.excerpt) {
        var pre = el('pre')
        var width = String(error.excerpt.lines[error.excerpt.lines.length - 1].line).length
        error.excerpt.lines.forEach(function (line) {
          var number = String(line.line)
          while (number.length < width) number = ' ' + number
          pre.appendChild(el('span', line.marked ? 'marked' : null, (line.marked ? '> ' : '  ') + number + ' | ' + line.text))
          if (line.marked) {
            var indent = line.text.slice(0, Math.max(0, error.excerpt.column - 1)).replace(/[^\t]/g, ' ')
            var pad = '  ' + number.replace(/./g, ' ') + ' | '
            var caret = el('span', 'caret', pad + indent + '^')
            caret.setAttribute('aria-label', 'column ' + error.excerpt.column)
            pre.appendChild(caret)
          }
        })
        article.appendChild(pre)
      }
      if (error.hint) article.appendChild(el('p', 'hint', 'Hint: ' + error.hint))
      list.appendChild(article)
    })
    $('error-overlay').hidden = false
    body.dataset.state = 'error'
    var count = overlay.errors.length
    setStatus('Build failed: ' + count + (count === 1 ? ' error' : ' errors') + ' (also printed in the terminal)')
  }

  function hideOverlay() {
    $('error-overlay').hidden = true
    $('error-list').replaceChildren()
  }

  function render(state) {
    $('learner').textContent = state.learner
    $('module-title').textContent = state.module ? state.module.title : ''
    if (state.module) document.title = 'cafes preview — ' + state.module.title
    if (state.target !== shownTarget) { $('target').value = state.target; shownTarget = state.target }
    if (document.activeElement !== $('language')) $('language').value = state.uiLanguage
    $('language-note').textContent = state.languageNote
    var record = state.record
    text($('lms-status'), record.status)
    text($('lms-score'), record.score)
    text($('lms-progress'), record.progress)
    text($('lms-location'), record.location)
    var suspend = $('lms-suspend-data')
    if (record.suspendData) {
      var limit = record.suspendData.limit
      suspend.textContent = record.suspendData.length + (limit ? ' / ' + limit + ' characters (' + Math.round(record.suspendData.length / limit * 100) + ' %)' : ' characters (no limit in xAPI state)')
      suspend.className = limit && record.suspendData.length > limit ? 'over' : ''
    } else text(suspend, null)
    var notes = []
    if (state.recordNote) notes.push(state.recordNote)
    if (record.uncommitted) notes.push('Some values are not committed yet: an LMS would lose them if the window closed now.')
    if (state.stateSize) notes.push('Worst-case state of this module: ' + state.stateSize.length + ' / ' + state.stateSize.limit + ' characters.')
    $('record-note').textContent = notes.join(' ')

    var rows = $('interactions')
    rows.replaceChildren()
    record.interactions.forEach(function (interaction) {
      var row = el('tr')
      row.dataset.interactionId = interaction.id
      ;[interaction.id, interaction.type, interaction.response, interaction.result].forEach(function (value) { row.appendChild(el('td', null, value)) })
      rows.appendChild(row)
    })
    $('interactions-note').hidden = record.interactions.length > 0

    var lrs = state.target === 'xapi' || state.target === 'cmi5'
    $('statements-section').hidden = !lrs
    renderStatements(record.statements)
    var refused = $('refused')
    refused.replaceChildren()
    record.refusedCalls.forEach(function (call) {
      refused.appendChild(el('li', null, call.method + '(' + call.args.map(function (arg) { return JSON.stringify(arg) }).join(', ') + ') → error ' + call.errorCode))
    })
    $('refused-section').hidden = record.refusedCalls.length === 0
  }

  // Statements only ever grow: new ones are appended, so an expanded one stays open.
  function renderStatements(statements) {
    var list = $('statements')
    var ids = statements.map(function (statement) { return statement.id })
    var stale = Array.from(statementItems.keys()).some(function (id) { return ids.indexOf(id) < 0 })
    if (stale) { list.replaceChildren(); statementItems.clear() }
    statements.forEach(function (statement) {
      if (statementItems.has(statement.id)) return
      var item = el('li')
      item.dataset.verb = statement.verb
      var details = el('details')
      var summary = el('summary')
      summary.appendChild(el('strong', null, statement.verb))
      summary.appendChild(document.createTextNode(' ' + statement.object + (statement.result ? ' — ' + statement.result : '')))
      details.appendChild(summary)
      details.appendChild(el('pre', null, JSON.stringify(statement.statement, null, 2)))
      item.appendChild(details)
      list.appendChild(item)
      statementItems.set(statement.id, item)
    })
  }

  function refresh() {
    return fetch('/api/state').then(function (response) { return response.json() }).then(render).catch(function () {})
  }

  var events = new EventSource('/events')
  events.addEventListener('hello', function (event) {
    var data = JSON.parse(event.data)
    var fresh = data.instance !== instance
    instance = data.instance
    if (data.overlay) showOverlay(data.overlay)
    if (fresh && data.launchable) relaunch('/api/launch')
    else if (!data.overlay) { body.dataset.state = 'ready'; setStatus('Ready') }
  })
  events.addEventListener('building', function () {
    body.dataset.state = 'building'
    setStatus('Rebuilding…')
  })
  events.addEventListener('built', function (event) {
    var data = JSON.parse(event.data)
    hideOverlay()
    body.dataset.state = 'ready'
    setStatus('Rebuilt in ' + data.durationMs + ' ms' + (data.warningCount ? ', ' + data.warningCount + ' warning(s) in the terminal' : ''))
    relaunch('/api/launch')
  })
  events.addEventListener('failed', function (event) {
    showOverlay(JSON.parse(event.data).overlay)
  })

  $('relaunch').addEventListener('click', function () { relaunch('/api/launch') })
  $('reset').addEventListener('click', function () { relaunch('/api/reset') })
  $('switch-target').addEventListener('click', function () { relaunch('/api/target', { target: $('target').value }) })
  $('switch-language').addEventListener('click', function () { relaunch('/api/language', { language: $('language').value }) })
  setInterval(refresh, POLL_MS)
  refresh()
})()
`
