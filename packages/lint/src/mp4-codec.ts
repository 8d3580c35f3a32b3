/**
 * The video codec of an MP4 file, from its sample descriptions (ISO/IEC 14496-12: `moov` > `trak` >
 * `mdia` > `minf` > `stbl` > `stsd`). Reads box headers and the `moov` box only, never the media data.
 */
import { open } from 'node:fs/promises'

/** `moov` boxes larger than this are not read (a few hundred kB is usual, even for long videos). */
const MOOV_READ_LIMIT = 32 * 1024 * 1024
const CONTAINERS = new Set(['trak', 'mdia', 'minf', 'stbl'])
/** Sample entry formats that are video (the others in an `stsd` are audio, text, hints…). */
const VIDEO_FORMATS = new Set(['avc1', 'avc3', 'hvc1', 'hev1', 'av01', 'vp08', 'vp09', 'mp4v', 'dvh1', 'dvhe', 'mjp2'])

/** The four-character code of the first video sample entry (`avc1` for H.264), or undefined when unknown. */
export async function mp4VideoCodec(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r').catch(() => undefined)
  if (!handle) return undefined
  try {
    const { size } = await handle.stat()
    const header = Buffer.alloc(16)
    for (let offset = 0; offset + 8 <= size; ) {
      const { bytesRead } = await handle.read(header, 0, 16, offset)
      if (bytesRead < 8) return undefined
      const box = readBoxHeader(header, size - offset)
      if (!box) return undefined
      if (box.type === 'moov') {
        const length = box.size - box.headerSize
        if (length > MOOV_READ_LIMIT) return undefined
        const moov = Buffer.alloc(length)
        await handle.read(moov, 0, length, offset + box.headerSize)
        return findVideoFormat(moov)
      }
      offset += box.size
    }
    return undefined
  } finally {
    await handle.close()
  }
}

function readBoxHeader(buffer: Buffer, remaining: number): { size: number; type: string; headerSize: number } | undefined {
  if (buffer.length < 8) return undefined
  let size = buffer.readUInt32BE(0)
  const type = buffer.toString('latin1', 4, 8)
  let headerSize = 8
  if (size === 1) {
    if (buffer.length < 16) return undefined
    size = Number(buffer.readBigUInt64BE(8))
    headerSize = 16
  } else if (size === 0) {
    size = remaining
  }
  return size >= headerSize && size <= remaining ? { size, type, headerSize } : undefined
}

function findVideoFormat(data: Buffer): string | undefined {
  for (let offset = 0; offset + 8 <= data.length; ) {
    const box = readBoxHeader(data.subarray(offset, offset + 16), data.length - offset)
    if (!box) return undefined
    const body = data.subarray(offset + box.headerSize, offset + box.size)
    if (CONTAINERS.has(box.type)) {
      const found = findVideoFormat(body)
      if (found) return found
    } else if (box.type === 'stsd' && body.length >= 16) {
      // version and flags (4), entry count (4), then the first entry: size (4) and format (4).
      const format = body.toString('latin1', 12, 16)
      if (VIDEO_FORMATS.has(format)) return format
    }
    offset += box.size
  }
  return undefined
}
