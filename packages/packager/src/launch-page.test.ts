import { describe, expect, it } from 'vitest'
import { makeModule } from '../test/helpers.js'
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, courseJson, launchPage, LRS_CONTENT_SECURITY_POLICY } from './launch-page.js'

describe('launchPage', () => {
  const course = makeModule({ title: 'Café <b>&</b>' }).course

  it('is a complete, self-contained HTML page', () => {
    const html = launchPage(course, 'scorm12')
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
    // The course JSON carries the module's IRI; the page itself names nothing outside the package.
    const withoutCourse = html.replace(/<script type="application\/json" id="cafes-course">.*?<\/script>/s, '')
    expect(withoutCourse).not.toMatch(/https?:\/\//)
  })

  it('uses the policy the design asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'",
    )
  })

  it('lets the xAPI and cmi5 players reach the LRS, on any origin, and nothing else', () => {
    expect(LRS_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src https: http:; base-uri 'none'; form-action 'none'",
    )
    for (const target of ['xapi', 'cmi5'] as const) {
      expect(contentSecurityPolicy(target)).toBe(LRS_CONTENT_SECURITY_POLICY)
      expect(launchPage(course, target)).toContain(`<meta http-equiv="Content-Security-Policy" content="${LRS_CONTENT_SECURITY_POLICY}">`)
    }
    for (const target of ['scorm12', 'scorm2004', 'web'] as const) {
      expect(contentSecurityPolicy(target)).toBe(CONTENT_SECURITY_POLICY)
      expect(launchPage(course, target)).toContain("connect-src 'none'")
      expect(launchPage(course, target)).not.toContain('connect-src https:')
    }
  })

  it('speaks English in the noscript line of an English course', () => {
    expect(launchPage({ ...course, language: 'en-GB' }, 'web')).toContain('<html lang="en-GB">')
    expect(launchPage({ ...course, language: 'en-GB' }, 'web')).toContain('<noscript><p>This module needs JavaScript.')
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
    const html = launchPage(hostile, 'web')
    const start = html.indexOf('id="cafes-course">') + 'id="cafes-course">'.length
    const embedded = html.slice(start, html.indexOf('</script>', start))
    expect(JSON.parse(embedded)).toEqual(hostile)
  })
})
