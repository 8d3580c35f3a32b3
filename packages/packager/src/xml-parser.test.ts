import { describe, expect, it } from 'vitest'
import { attributeValue, childElements, elementText, parseXml, XmlParseError } from './xml-parser.js'

function parseError(xml: string): XmlParseError {
  try {
    parseXml(xml)
  } catch (error) {
    if (error instanceof XmlParseError) return error
    throw error
  }
  throw new Error('expected a parse error')
}

describe('parseXml', () => {
  it('reads elements, attributes, text, namespaces and positions', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- c -->\n<m xmlns="urn:a" xmlns:p="urn:p" id="x">\n' +
        '  <p:item p:kind="a&amp;b" plain=\'1\'>t&lt;&#233;&#x41;<![CDATA[<raw>]]></p:item>\n  <empty/>\n</m>\n',
    )
    expect(root).toMatchObject({ local: 'm', namespace: 'urn:a', line: 3, column: 1 })
    const [item, empty] = childElements(root)
    expect(item).toMatchObject({ qname: 'p:item', prefix: 'p', local: 'item', namespace: 'urn:p', line: 4, column: 3 })
    expect(attributeValue(item!, 'kind', 'urn:p')).toBe('a&b')
    expect(attributeValue(item!, 'plain')).toBe('1')
    expect(item!.attributes.find((attribute) => attribute.local === 'plain')).toMatchObject({ namespace: '', line: 4, column: 28 })
    expect(elementText(item!)).toBe('t<éA<raw>')
    expect(empty).toMatchObject({ local: 'empty', namespace: 'urn:a', children: [] })
    expect(childElements(root, 'urn:a', 'empty')).toHaveLength(1)
  })

  it('normalises white space in attribute values', () => {
    const root = parseXml('<a b="x\n  y\tz"/>')
    expect(attributeValue(root, 'b')).toBe('x   y z')
  })

  it('skips a DOCTYPE without internal subset', () => {
    expect(parseXml('<!DOCTYPE a SYSTEM "a.dtd"><a/>').local).toBe('a')
  })

  it.each([
    ['<!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>', /internal subset/, 1],
    ['<a>&x;</a>', /unknown entity &x;/, 1],
    ['<a>\n<b></c></a>', /does not match/, 2],
    ['<a><p:b/></a>', /prefix p is not declared/, 1],
    ['<a b="1" b="2"/>', /appears twice/, 1],
    ['<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>', /appears twice/, 1],
    ['<a>', /not closed/, 1],
    ['<a/><b/>', /after the root/, 1],
    ['text', /no root element/, 1],
    ['<a>&#0;</a>', /not a valid character reference/, 1],
    ['<a>x & y</a>', /entity or character reference/, 1],
    ['<a b="<"/>', /not allowed in an attribute value/, 1],
    ['<a>\u0001</a>', /character XML does not allow/, 1],
    ['</a>', /closing tag without a start tag/, 1],
  ])('refuses %j', (xml, message, line) => {
    const error = parseError(xml)
    expect(error.message).toMatch(message)
    expect(error.line).toBe(line)
  })
})
