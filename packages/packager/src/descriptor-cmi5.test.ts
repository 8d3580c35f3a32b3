import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { childIri } from '@cafes/core'
import { compileModule } from '@cafes/compiler'
import { describe, expect, it } from 'vitest'
import { makeModule } from '../test/helpers.js'
import { validateDescriptor } from '../test/xmllint.js'
import { checkDescriptor } from './check-descriptor.js'
import { cmi5Xml, masteryScore } from './descriptor-cmi5.js'

describe('cmi5Xml', () => {
  it('writes the exact course structure: one AU, moveOn from the completion rule, the pass mark as mastery score', () => {
    const { course } = makeModule({ id: 'cafe', title: 'Café & IA', completion: 'pages-and-passed', passMark: 80 })
    expect(cmi5Xml({ ...course, description: 'En bref.' })).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/xapi/cafe">
    <title>
      <langstring lang="fr">Café &amp; IA</langstring>
    </title>
    <description>
      <langstring lang="fr">En bref.</langstring>
    </description>
  </course>
  <au id="https://example.org/xapi/cafe/au" moveOn="CompletedAndPassed" masteryScore="0.8" launchMethod="AnyWindow">
    <title>
      <langstring lang="fr">Café &amp; IA</langstring>
    </title>
    <description>
      <langstring lang="fr">En bref.</langstring>
    </description>
    <url>index.html</url>
  </au>
</courseStructure>
`)
  })

  it('maps each completion rule to moveOn, and writes a mastery score only with a pass mark', () => {
    const cases = [
      [{ completion: 'pages' }, 'moveOn="Completed" launchMethod'],
      [{ completion: 'pages', passMark: 60 }, 'moveOn="Completed" masteryScore="0.6" launchMethod'],
      [{ completion: 'passed', passMark: 100 }, 'moveOn="Passed" masteryScore="1" launchMethod'],
      [{ completion: 'pages-and-passed', passMark: 0 }, 'moveOn="CompletedAndPassed" masteryScore="0" launchMethod'],
    ] as const
    for (const [options, attributes] of cases) {
      const xml = cmi5Xml(makeModule(options).course)
      expect(xml, JSON.stringify(options)).toContain(`<au id="https://example.org/xapi/demo/au" ${attributes}="AnyWindow">`)
      validateDescriptor('cmi5', xml)
    }
  })

  it('describes the course and the AU with the title when there is no description', () => {
    const xml = cmi5Xml(makeModule({ title: 'Titre' }).course)
    expect(xml.match(/<langstring lang="fr">Titre<\/langstring>/g)).toHaveLength(4)
  })

  it('is valid against CourseStructure.xsd and passes the descriptor checks', () => {
    const xml = cmi5Xml(makeModule({ completion: 'passed', passMark: 75, language: 'en-GB' }).course)
    validateDescriptor('cmi5', xml)
    expect(checkDescriptor({ descriptor: xml, files: ['cmi5.xml', 'index.html'], file: 'demo.zip', format: 'cmi5' })).toEqual([])
  })
})

describe('masteryScore', () => {
  it('divides by 100 with at most 4 decimals, rounding down', () => {
    expect(masteryScore(80)).toBe('0.8')
    expect(masteryScore(75)).toBe('0.75')
    expect(masteryScore(14.1)).toBe('0.141')
    expect(masteryScore(66.666)).toBe('0.6666')
    expect(masteryScore(0.005)).toBe('0')
    expect(masteryScore(0.01)).toBe('0.0001')
    expect(masteryScore(100)).toBe('1')
  })
})

describe('cmi5.xml of the kitchen-sink example', () => {
  it('is valid against CourseStructure.xsd and passes the checks', async () => {
    const dir = fileURLToPath(new URL('../../../examples/kitchen-sink', import.meta.url))
    const { module } = await compileModule(dir, { cwd: join(dir, '../..') })
    const { course } = module!
    const xml = cmi5Xml(course)
    validateDescriptor('cmi5', xml)
    expect(checkDescriptor({ descriptor: xml, files: ['index.html'], file: 'cmi5.xml', format: 'cmi5' })).toEqual([])
    expect(xml).toContain(`<au id="${childIri(course.iri, 'au')}" moveOn="CompletedAndPassed" masteryScore="0.7" launchMethod="AnyWindow">`)
  })
})
