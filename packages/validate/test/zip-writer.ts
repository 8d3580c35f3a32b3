import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'

/** One entry of a hand-made zip; every header field the tests need to get wrong can be set. */
export interface TestEntry {
  /** The name as written; a Buffer writes raw bytes (e.g. UTF-8 without the flag). */
  name: string | Buffer
  data?: Buffer | string
  /** 0 stored, 8 deflated. @default 8 for data over 64 bytes, else 0 */
  method?: 0 | 8
  /** Bits to OR into the general purpose flags (0x800 UTF-8, 0x8 data descriptor, 0x1 encrypted). */
  flags?: number
  /** The packed bytes instead of deflating `data` (a zip bomb's stream). */
  packed?: Buffer
  /** Unpacked size written in the headers instead of the real one. */
  declaredSize?: number
  /** Another name in the local header only. */
  localName?: string
  /** Reuse the local header and data of the entry at this index (overlapping entries). */
  sameDataAs?: number
}

/**
 * Writes a zip byte by byte (PKWARE APPNOTE 4.3), so tests control every header bit that
 * real writers keep right: sizes, flags, names, offsets. With flag 0x8 the local header
 * carries zeros and a data descriptor follows the data, as streaming writers do.
 */
export function writeTestZip(entries: readonly TestEntry[]): Buffer {
  const chunks: Buffer[] = []
  const central: Buffer[] = []
  const offsets: number[] = []
  let offset = 0
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : (entry.data ?? Buffer.alloc(0))
    const method = entry.method ?? (entry.packed || data.length > 64 ? 8 : 0)
    const packed = entry.packed ?? (method === 8 ? deflateRawSync(data) : data)
    const size = entry.declaredSize ?? data.length
    const crc = crc32(data) >>> 0
    const flags = entry.flags ?? 0
    const descriptor = (flags & 0x8) !== 0
    let headerOffset = offset
    if (entry.sameDataAs !== undefined) {
      headerOffset = offsets[entry.sameDataAs]!
    } else {
      const localName = entry.localName === undefined ? name : Buffer.from(entry.localName)
      const local = Buffer.alloc(30)
      local.writeUInt32LE(0x04034b50, 0)
      local.writeUInt16LE(20, 4)
      local.writeUInt16LE(flags, 6)
      local.writeUInt16LE(method, 8)
      local.writeUInt16LE(0, 10)
      local.writeUInt16LE(0x21, 12)
      local.writeUInt32LE(descriptor ? 0 : crc, 14)
      local.writeUInt32LE(descriptor ? 0 : packed.length, 18)
      local.writeUInt32LE(descriptor ? 0 : size, 22)
      local.writeUInt16LE(localName.length, 26)
      local.writeUInt16LE(0, 28)
      chunks.push(local, localName, packed)
      offset += 30 + localName.length + packed.length
      if (descriptor) {
        const trailer = Buffer.alloc(16)
        trailer.writeUInt32LE(0x08074b50, 0)
        trailer.writeUInt32LE(crc, 4)
        trailer.writeUInt32LE(packed.length, 8)
        trailer.writeUInt32LE(size, 12)
        chunks.push(trailer)
        offset += 16
      }
    }
    offsets.push(headerOffset)
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(0x031e, 4)
    record.writeUInt16LE(20, 6)
    record.writeUInt16LE(flags, 8)
    record.writeUInt16LE(method, 10)
    record.writeUInt16LE(0, 12)
    record.writeUInt16LE(0x21, 14)
    record.writeUInt32LE(crc, 16)
    record.writeUInt32LE(packed.length, 20)
    record.writeUInt32LE(size, 24)
    record.writeUInt16LE(name.length, 28)
    record.writeUInt32LE((0o100644 << 16) >>> 0, 38)
    record.writeUInt32LE(headerOffset, 42)
    central.push(record, name)
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...chunks, ...central, end])
}

/**
 * A raw deflate stream that inflates to `bytes` zeros, fed from one reused 1 MiB buffer:
 * nothing that size is ever allocated. Level 1, the fastest: 2 GiB take about a second and
 * pack to some 9 MB (229:1).
 */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const block = Buffer.alloc(1024 * 1024)
  const deflate = createDeflateRaw({ level: 1 })
  const packed: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => packed.push(chunk))
  const ended = new Promise((resolve) => deflate.on('end', resolve))
  for (let left = bytes; left > 0; left -= block.length) {
    if (!deflate.write(left >= block.length ? block : block.subarray(0, left))) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await ended
  return Buffer.concat(packed)
}
