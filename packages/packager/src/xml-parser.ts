/**
 * A small, safe XML parser for package descriptors: elements, attributes, text and
 * namespaces, with the line and column of every element and attribute. No DTD processing:
 * a DOCTYPE with an internal subset is refused, so no entity can expand or fetch anything;
 * only the five predefined entities and character references are read.
 */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/'
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'

export interface XmlPosition {
  /** 1-based. */
  line: number
  /** 1-based, in UTF-16 code units. */
  column: number
}

export interface ParsedName {
  /** As written, e.g. `adlcp:scormType`. */
  qname: string
  /** '' when unprefixed. */
  prefix: string
  local: string
  /** '' when the name is in no namespace. */
  namespace: string
}

export interface ParsedAttribute extends ParsedName, XmlPosition {
  /** After entity expansion and whitespace normalisation. */
  value: string
}

export interface ParsedElement extends ParsedName, XmlPosition {
  type: 'element'
  attributes: ParsedAttribute[]
  children: ParsedNode[]
}

export interface ParsedText {
  type: 'text'
  value: string
}

export type ParsedNode = ParsedElement | ParsedText

export class XmlParseError extends Error {
  readonly line: number
  readonly column: number
  constructor(message: string, position: XmlPosition) {
    super(message)
    this.name = 'XmlParseError'
    this.line = position.line
    this.column = position.column
  }
}

const NAME_START = 'A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD'
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'y')
const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' }

/** Parses a whole document and returns its root element; throws `XmlParseError`. */
export function parseXml(source: string): ParsedElement {
  return new Parser(source).document()
}

interface OpenElement {
  element: ParsedElement
  scope: Map<string, string>
}

class Parser {
  private readonly text: string
  private index = 0
  private readonly lineStarts: number[] = [0]

  constructor(source: string) {
    this.text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
    for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) this.lineStarts.push(i + 1)
  }

  document(): ParsedElement {
    if (this.text.startsWith('<?xml') && /\s/.test(this.text.charAt(5))) this.processingInstruction()
    this.misc(true)
    if (this.index >= this.text.length || this.text.charAt(this.index) !== '<') this.fail('the document has no root element')
    const root = this.rootElement()
    this.misc(false)
    if (this.index < this.text.length) this.fail('content after the root element')
    return root
  }

  /** Comments, processing instructions and white space around the root (and the DOCTYPE before it). */
  private misc(beforeRoot: boolean): void {
    for (;;) {
      this.skipSpace()
      if (this.text.startsWith('<!--', this.index)) this.comment()
      else if (this.text.startsWith('<?', this.index)) this.processingInstruction()
      else if (beforeRoot && this.text.startsWith('<!DOCTYPE', this.index)) this.doctype()
      else return
    }
  }

  private rootElement(): ParsedElement {
    const stack: OpenElement[] = []
    let root: ParsedElement | undefined
    let textBuffer = ''
    const flushText = (): void => {
      if (textBuffer === '') return
      const parent = stack[stack.length - 1]
      if (parent) parent.element.children.push({ type: 'text', value: textBuffer })
      textBuffer = ''
    }
    do {
      if (this.index >= this.text.length) this.fail(`element <${stack[stack.length - 1]!.element.qname}> is not closed`)
      const char = this.text.charAt(this.index)
      if (char === '<') {
        if (this.text.startsWith('</', this.index)) {
          flushText()
          const open = stack.pop()
          if (!open) this.fail('closing tag without a start tag')
          const tagPosition = this.position(this.index)
          this.index += 2
          const name = this.name('a closing tag name')
          if (name !== open.element.qname) {
            this.failAt(`closing tag </${name}> does not match <${open.element.qname}> (line ${open.element.line})`, tagPosition)
          }
          this.skipSpace()
          this.expect('>')
        } else if (this.text.startsWith('<!--', this.index)) {
          this.comment()
        } else if (this.text.startsWith('<![CDATA[', this.index)) {
          if (stack.length === 0) this.fail('CDATA outside the root element')
          const end = this.text.indexOf(']]>', this.index + 9)
          if (end < 0) this.fail('CDATA section is not closed')
          textBuffer += this.text.slice(this.index + 9, end)
          this.index = end + 3
        } else if (this.text.startsWith('<?', this.index)) {
          this.processingInstruction()
        } else if (this.text.startsWith('<!', this.index)) {
          this.fail('unexpected markup declaration')
        } else {
          flushText()
          const parent = stack[stack.length - 1]
          const { element, scope, selfClosing } = this.startTag(parent?.scope)
          if (parent) parent.element.children.push(element)
          else root = element
          if (!selfClosing) stack.push({ element, scope })
        }
      } else {
        if (stack.length === 0) this.fail('text outside the root element')
        if (char === '&') {
          textBuffer += this.reference()
        } else {
          const next = this.text.slice(this.index).search(/[<&]/)
          const end = next < 0 ? this.text.length : this.index + next
          const chunk = this.text.slice(this.index, end)
          const bad = chunk.indexOf(']]>')
          if (bad >= 0) {
            this.index += bad
            this.fail('"]]>" is not allowed in text')
          }
          this.checkCharacters(chunk, this.index)
          textBuffer += chunk
          this.index = end
        }
      }
    } while (stack.length > 0)
    return root!
  }

  private startTag(parentScope: Map<string, string> | undefined): {
    element: ParsedElement
    scope: Map<string, string>
    selfClosing: boolean
  } {
    const position = this.position(this.index)
    this.index += 1
    const qname = this.name('an element name')
    const raw: { qname: string; value: string; position: XmlPosition }[] = []
    let selfClosing = false
    for (;;) {
      const hadSpace = this.skipSpace()
      if (this.text.startsWith('/>', this.index)) {
        this.index += 2
        selfClosing = true
        break
      }
      if (this.text.charAt(this.index) === '>') {
        this.index += 1
        break
      }
      if (this.index >= this.text.length) this.fail(`start tag <${qname}> is not closed`)
      if (!hadSpace) this.fail('expected white space before an attribute')
      const attributePosition = this.position(this.index)
      const name = this.name('an attribute name')
      this.skipSpace()
      this.expect('=')
      this.skipSpace()
      const value = this.attributeValue()
      if (raw.some((attribute) => attribute.qname === name)) {
        this.failAt(`attribute ${name} appears twice`, attributePosition)
      }
      raw.push({ qname: name, value, position: attributePosition })
    }

    const scope = new Map(parentScope ?? [['xml', XML_NAMESPACE]])
    for (const attribute of raw) {
      if (attribute.qname === 'xmlns') scope.set('', attribute.value)
      else if (attribute.qname.startsWith('xmlns:')) {
        const prefix = attribute.qname.slice(6)
        if (attribute.value === '') this.failAt(`namespace prefix ${prefix} is bound to an empty URI`, attribute.position)
        scope.set(prefix, attribute.value)
      }
    }
    const elementName = this.resolve(qname, scope, true, position)
    const attributes: ParsedAttribute[] = raw.map((attribute) => {
      const isDeclaration = attribute.qname === 'xmlns' || attribute.qname.startsWith('xmlns:')
      const name = isDeclaration
        ? splitName(attribute.qname, XMLNS_NAMESPACE)
        : this.resolve(attribute.qname, scope, false, attribute.position)
      return { ...name, value: attribute.value, ...attribute.position }
    })
    const expanded = new Set<string>()
    for (const attribute of attributes) {
      const key = `{${attribute.namespace}}${attribute.local}`
      if (expanded.has(key)) this.failAt(`attribute ${attribute.qname} appears twice`, attribute)
      expanded.add(key)
    }
    return {
      element: { type: 'element', ...elementName, attributes, children: [], ...position },
      scope,
      selfClosing,
    }
  }

  private resolve(qname: string, scope: Map<string, string>, isElement: boolean, position: XmlPosition): ParsedName {
    const colon = qname.indexOf(':')
    if (colon < 0) return { qname, prefix: '', local: qname, namespace: isElement ? (scope.get('') ?? '') : '' }
    const prefix = qname.slice(0, colon)
    const local = qname.slice(colon + 1)
    if (prefix === '' || local === '' || local.includes(':')) this.failAt(`${qname} is not a valid qualified name`, position)
    const namespace = scope.get(prefix)
    if (namespace === undefined) this.failAt(`namespace prefix ${prefix} is not declared`, position)
    return { qname, prefix, local, namespace }
  }

  private attributeValue(): string {
    const quote = this.text.charAt(this.index)
    if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value')
    this.index += 1
    let value = ''
    for (;;) {
      if (this.index >= this.text.length) this.fail('attribute value is not closed')
      const char = this.text.charAt(this.index)
      if (char === quote) {
        this.index += 1
        return value
      }
      if (char === '<') this.fail('"<" is not allowed in an attribute value')
      if (char === '&') {
        value += this.reference()
      } else {
        this.checkCharacters(char, this.index)
        value += char === '\t' || char === '\n' ? ' ' : char
        this.index += 1
      }
    }
  }

  private reference(): string {
    const start = this.index
    const end = this.text.indexOf(';', start)
    if (end < 0 || end - start > 12) this.fail('"&" must start an entity or character reference (write &amp;)')
    const body = this.text.slice(start + 1, end)
    this.index = end + 1
    if (body.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]+$/.test(body)
        ? parseInt(body.slice(2), 16)
        : /^#[0-9]+$/.test(body)
          ? parseInt(body.slice(1), 10)
          : NaN
      if (!isXmlChar(code)) this.failAt(`&${body}; is not a valid character reference`, this.position(start))
      return String.fromCodePoint(code)
    }
    const value = PREDEFINED_ENTITIES[body]
    if (value === undefined) this.failAt(`unknown entity &${body};`, this.position(start))
    return value
  }

  private comment(): void {
    const end = this.text.indexOf('-->', this.index + 4)
    if (end < 0) this.fail('comment is not closed')
    this.index = end + 3
  }

  private processingInstruction(): void {
    const end = this.text.indexOf('?>', this.index + 2)
    if (end < 0) this.fail('processing instruction is not closed')
    this.index = end + 2
  }

  private doctype(): void {
    let quote = ''
    for (let i = this.index + 9; i < this.text.length; i++) {
      const char = this.text.charAt(i)
      if (quote) {
        if (char === quote) quote = ''
      } else if (char === '"' || char === "'") {
        quote = char
      } else if (char === '[') {
        this.fail('a DOCTYPE with an internal subset is not accepted')
      } else if (char === '>') {
        this.index = i + 1
        return
      }
    }
    this.fail('DOCTYPE is not closed')
  }

  private name(what: string): string {
    NAME.lastIndex = this.index
    const match = NAME.exec(this.text)
    if (!match) this.fail(`expected ${what}`)
    this.index += match[0].length
    return match[0]
  }

  private skipSpace(): boolean {
    const start = this.index
    while (this.index < this.text.length && ' \t\n'.includes(this.text.charAt(this.index))) this.index += 1
    return this.index > start
  }

  private expect(token: string): void {
    if (!this.text.startsWith(token, this.index)) this.fail(`expected "${token}"`)
    this.index += token.length
  }

  private checkCharacters(chunk: string, offset: number): void {
    const bad = chunk.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/)
    if (bad >= 0) this.failAt('the text holds a character XML does not allow', this.position(offset + bad))
  }

  position(offset: number): XmlPosition {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.lineStarts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 }
  }

  private fail(message: string): never {
    throw new XmlParseError(message, this.position(this.index))
  }

  private failAt(message: string, position: XmlPosition): never {
    throw new XmlParseError(message, position)
  }
}

function splitName(qname: string, namespace: string): ParsedName {
  const colon = qname.indexOf(':')
  return colon < 0
    ? { qname, prefix: '', local: qname, namespace }
    : { qname, prefix: qname.slice(0, colon), local: qname.slice(colon + 1), namespace }
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  )
}

/** Child elements, optionally only those with this namespace and local name. */
export function childElements(element: ParsedElement, namespace?: string, local?: string): ParsedElement[] {
  const children: ParsedElement[] = []
  for (const child of element.children) {
    if (child.type !== 'element') continue
    if (local !== undefined && (child.local !== local || child.namespace !== namespace)) continue
    children.push(child)
  }
  return children
}

/** The value of an attribute in no namespace (or in `namespace`), or undefined. */
export function attributeValue(element: ParsedElement, local: string, namespace = ''): string | undefined {
  return element.attributes.find((attribute) => attribute.local === local && attribute.namespace === namespace)?.value
}

/** Concatenated text content of the element's direct text children. */
export function elementText(element: ParsedElement): string {
  let text = ''
  for (const child of element.children) if (child.type === 'text') text += child.value
  return text
}
