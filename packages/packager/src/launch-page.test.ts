import { describe, expect, it } from 'vitest'
import { makeModule } from '../test/helpers.js'
import { CONTENT_SECURITY_POLICY, courseJson, launchPage } from './launch-page.js'

describe('launchPage', () => {
  const course = makeModule({ title: 'Café <b>&</b>' }).course

  it('is a complete, self-contained HTML page', () => {
    const html = launchPage(course)
    expect(html.startsWith('<!doctype html>\n<html lang="fr">\n')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`)
    expect(html).toContain('<title>Café &lt;b&gt;&amp;&lt;/b&gt;</title>')
    expect(html).toContain('<link rel="stylesheet" href="player.css">')
    expect(html).toContain('<div id="cafes-app"></div>')
    expect(html).toContain('<script type="application/json" id="cafes-course">')
    expect(html.indexOf('id="cafes-course"')).toBeLessThan(html.indexOf('<script src="player.js"></script>'))
    expect(html).toContain('<noscript><p>Ce module a besoin de JavaScript.')
    expect(html).not.toMatch(/https?:\/\//)
  })

  it('uses the policy the design asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'",
    )
  })

  it('speaks English in the noscript line of an English course', () => {
    expect(launchPage({ ...course, language: 'en-GB' })).toContain('<html lang="en-GB">')
    expect(launchPage({ ...course, language: 'en-GB' })).toContain('<noscript><p>This module needs JavaScript.')
  })

  it('embeds course JSON that no content can break out of', () => {
    const hostile = {
      ...course,
      title: '</script><script>alert(1)</script><!-- \u2028\u2029',
    }
    const json = courseJson(hostile)
    expect(json).not.toContain('<')
    expect(json).not.toMatch(/[\u2028\u2029]/)
    expect(JSON.parse(json)).toEqual(hostile)
    const html = launchPage(hostile)
    const start = html.indexOf('id="cafes-course">') + 'id="cafes-course">'.length
    const embedded = html.slice(start, html.indexOf('</script>', start))
    expect(JSON.parse(embedded)).toEqual(hostile)
  })
})
