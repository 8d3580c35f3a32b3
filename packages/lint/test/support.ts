import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A fresh folder holding `files` (path → content), for modules built by a test. */
export function folderWith(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'cafes-lint-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

/** `module.md` with a front matter (`extra` lines added) and a body. */
export function moduleMd(id: string, body: string, extra = ''): string {
  return `---\nid: ${id}\ntitle: Module ${id}\n${extra}---\n\n${body}`
}

/** An ISO base media box: size, type, body. */
export function box(type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body)
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + content.length, 0)
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, content])
}

/** A minimal MP4 whose one video track is coded with `format` (`avc1`, `hvc1`…), `moov` after `mdat` as encoders often write it. */
export function mp4With(format: string): Buffer {
  const entry = box(format, Buffer.alloc(78))
  const stsd = box('stsd', Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]), entry)
  const moov = box('moov', box('mvhd', Buffer.alloc(100)), box('trak', box('mdia', box('minf', box('stbl', stsd)))))
  return Buffer.concat([box('ftyp', Buffer.from('isom\0\0\0\0isomavc1', 'latin1')), box('mdat', Buffer.alloc(64)), moov])
}
