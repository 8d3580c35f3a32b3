/**
 * A tiny XML writer for descriptors: a typed element tree in, UTF-8 text out (declaration,
 * two-space indent, LF line ends, no BOM). Every text and attribute value is escaped here,
 * in one place.
 */
export interface XmlElement {
  /** Qualified name, e.g. `manifest` or `imsss:sequencing`. */
  name: string
  /** In output order; `undefined` values are left out. */
  attributes?: Record<string, string | undefined>
  /** Child elements, or a single text (elements never mix text and children here). */
  children?: XmlElement[] | string
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/** The document: declaration, then the root element, then a final newline. */
export function serializeXml(root: XmlElement): string {
  const lines: string[] = [XML_DECLARATION]
  writeElement(root, 0, lines)
  return lines.join('\n') + '\n'
}

function writeElement(element: XmlElement, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth)
  const open = `${indent}<${element.name}${attributesText(element.attributes)}`
  const children = element.children
  if (children === undefined || children.length === 0) {
    lines.push(`${open}/>`)
  } else if (typeof children === 'string') {
    lines.push(`${open}>${escapeXmlText(children)}</${element.name}>`)
  } else {
    lines.push(`${open}>`)
    for (const child of children) writeElement(child, depth + 1, lines)
    lines.push(`${indent}</${element.name}>`)
  }
}

function attributesText(attributes: Record<string, string | undefined> | undefined): string {
  if (!attributes) return ''
  let text = ''
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) text += ` ${name}="${escapeXmlAttribute(value)}"`
  }
  return text
}

/** Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; U+FFFE/FFFF; lone surrogates). */
const INVALID_XML_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function escapeXmlText(text: string): string {
  return text
    .replace(INVALID_XML_CHARACTERS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

export function escapeXmlAttribute(value: string): string {
  return value
    .replace(INVALID_XML_CHARACTERS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}
