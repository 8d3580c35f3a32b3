import { spawn } from 'node:child_process'

/** One problem xmllint found in the document, at a 1-based line. */
export interface XmllintProblem {
  line: number
  message: string
}

export type XmllintResult =
  | { ok: true }
  | { ok: false; problems: XmllintProblem[] }
  /** xmllint could not be run at all (missing, or a broken schema). */
  | { ok: false; unavailable: string }

/** `-:12: element item: Schemas validity error : Element '{ns}item': …` (the document read from stdin is `-`). */
const DOCUMENT_LINE = /^-:(\d+): (?:element [^:]+: )?(?:Schemas validity error : |parser error : )?(.*)$/

/**
 * Validates `document` against the XSD `schema` with Debian's xmllint (libxml2-utils), read
 * from stdin so no temporary file is left behind; offline (`--nonet`). Asynchronous, so a
 * worker validates its zips side by side.
 */
export function xmllint(schema: string, document: Buffer): Promise<XmllintResult> {
  return new Promise((resolve) => {
    const child = spawn('xmllint', ['--noout', '--nonet', '--schema', schema, '-'], { stdio: ['pipe', 'ignore', 'pipe'] })
    const errors: Buffer[] = []
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk))
    child.once('error', (error) => resolve({ ok: false, unavailable: error.message }))
    // xmllint may exit before reading all of a document it rejects: its exit code decides.
    child.stdin.on('error', () => undefined)
    child.stdin.end(document)
    child.once('close', (code) => {
      if (code === 0) return resolve({ ok: true })
      const stderr = Buffer.concat(errors).toString('utf8')
      const problems = stderr.split('\n').flatMap((line): XmllintProblem[] => {
        const match = DOCUMENT_LINE.exec(line)
        return match ? [{ line: Number(match[1]), message: withoutNamespaces(match[2]!) }] : []
      })
      // Exit 5: the schema itself could not be compiled, which says nothing of the document.
      if (problems.length === 0 || code === 5) {
        resolve({ ok: false, unavailable: `xmllint exited ${code ?? 'on a signal'}: ${stderr.trim().split('\n').slice(-3).join(' ')}` })
      } else {
        resolve({ ok: false, problems })
      }
    })
  })
}

/** Whether `xmllint` runs here; the reason when it does not. */
export function xmllintVersion(): Promise<{ ok: true } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const child = spawn('xmllint', ['--version'], { stdio: 'ignore' })
    child.once('error', (error) => resolve({ ok: false, reason: error.message }))
    child.once('close', (code) => resolve(code === 0 ? { ok: true } : { ok: false, reason: `xmllint --version exited ${code}` }))
  })
}

/** `Element '{http://…}item'` → `Element 'item'`: the namespaces make the message hard to read. */
function withoutNamespaces(message: string): string {
  return message.replace(/\{[^}\s]+\}/g, '')
}
