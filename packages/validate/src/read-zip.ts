import type { Readable } from 'node:stream'
import { createInflateRaw, crc32 } from 'node:zlib'
import yauzlModule from 'yauzl'
import type { Diagnostic } from '@cafes/core'
import { formatBytes } from '@cafes/packager'
import { report, RULES } from './rules.js'
import type { ZipLimits } from './zip-limits.js'

/** One file of the package, as its central directory describes it. */
export interface ZipFileEntry {
  /** `/` separators, decoded as the zip says (UTF-8 when flagged, else as UTF-8 when valid, else CP437). */
  path: string
  /** Declared unpacked bytes (checked against the real ones when the zip is not refused). */
  size: number
  compressedSize: number
}

export interface ReadZipResult {
  /** Files (folder entries left out), in central-directory order. */
  files: ZipFileEntry[]
  /** Bytes of the zip itself. */
  zipSize: number
  /** The entries `keep` asked for, unpacked and checked (size, CRC-32). */
  kept: Map<string, Buffer>
  diagnostics: Diagnostic[]
  /** Hostile or broken: nothing was (or should be) read from it. */
  refused: boolean
}

export interface ReadZipOptions {
  /** What diagnostics name: the zip, relative to the working directory. */
  file: string
  limits: ZipLimits
  /** Picks, from every file path, the few entries to keep in memory (the descriptors). */
  keep: (paths: readonly string[]) => readonly string[]
}

// @types/yauzl describes yauzl 2; these are the yauzl 3 parts used here.
interface YauzlEntry {
  fileNameRaw: Buffer
  extraFields: { id: number; data: Buffer }[]
  generalPurposeBitFlag: number
  compressionMethod: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  relativeOffsetOfLocalHeader: number
}
interface LocalFileHeader {
  fileDataStart: number
  generalPurposeBitFlag: number
  compressionMethod: number
  fileName: Buffer
}
interface YauzlZip {
  entryCount: number
  fileSize: number
  readEntry(): void
  close(): void
  on(event: 'entry', listener: (entry: YauzlEntry) => void): void
  on(event: 'end' | 'close', listener: () => void): void
  on(event: 'error', listener: (error: Error) => void): void
  removeAllListeners(): void
  readLocalFileHeader(entry: YauzlEntry, callback: (error: Error | null, header: LocalFileHeader) => void): void
  openReadStream(entry: YauzlEntry, options: { decodeFileData: false }, callback: (error: Error | null, stream: Readable) => void): void
}
interface Yauzl {
  open(
    path: string,
    options: { lazyEntries: true; autoClose: false; decodeStrings: false; validateEntrySizes: false; strictFileNames: true },
    callback: (error: Error | null, zip: YauzlZip) => void,
  ): void
  getFileNameLowLevel(flags: number, name: Buffer, extraFields: YauzlEntry['extraFields'], strict: boolean): string
  validateFileName(name: string): string | null
}
const yauzl = yauzlModule as unknown as Yauzl

const FLAG_ENCRYPTED = 0x1
const FLAG_DATA_DESCRIPTOR = 0x8
const FLAG_UTF8 = 0x800
const INFO_ZIP_UNICODE_PATH = 0x7075
const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads a package zip without extracting it: the central directory first (counts, names,
 * flags, declared sizes, local headers, overlaps), refusing hostile archives there; then, if
 * nothing was refused, every entry is inflated in memory one at a time, checked against its
 * declared size and CRC-32 and dropped, except the few `keep` picks. An entry that inflates
 * past its declared size is cut off at once, so a zip bomb costs at most the declared bytes,
 * which the limits cap.
 */
export async function readPackageZip(zipPath: string, options: ReadZipOptions): Promise<ReadZipResult> {
  const diagnostics: Diagnostic[] = []
  const at = { file: options.file }
  const result: ReadZipResult = { files: [], zipSize: 0, kept: new Map(), diagnostics, refused: false }
  const refuse = (diagnostic: Diagnostic): ReadZipResult => {
    diagnostics.push(diagnostic)
    result.refused = true
    return result
  }

  let zip: YauzlZip
  try {
    zip = await new Promise<YauzlZip>((resolve, reject) =>
      yauzl.open(
        zipPath,
        { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false, strictFileNames: true },
        (error, opened) => (error ? reject(error) : resolve(opened)),
      ),
    )
  } catch (error) {
    return refuse(report(RULES.zipUnreadable, { reason: reasonOf(error) }, at))
  }
  try {
    result.zipSize = zip.fileSize
    const { limits } = options
    if (zip.entryCount > limits.maxEntries) {
      return refuse(report(RULES.zipTooManyEntries, { count: zip.entryCount, limit: limits.maxEntries }, at))
    }
    let raw: YauzlEntry[]
    try {
      raw = await readCentralDirectory(zip)
    } catch (error) {
      return refuse(report(RULES.zipUnreadable, { reason: reasonOf(error) }, at))
    }

    const entries: { entry: YauzlEntry; path: string; readable: boolean }[] = []
    const seen = new Set<string>()
    let declaredTotal = 0
    for (const entry of raw) {
      const path = entryName(entry)
      const unsafe = unsafeReason(path)
      if (unsafe !== undefined) {
        diagnostics.push(report(RULES.entryPathUnsafe, { path, reason: unsafe }, at))
        result.refused = true
        continue
      }
      if (/[^\x00-\x7f]/.test(path) && (entry.generalPurposeBitFlag & FLAG_UTF8) === 0 && !hasUnicodePath(entry)) {
        diagnostics.push(report(RULES.nameNotUtf8, { path }, at))
      }
      if (seen.has(path)) diagnostics.push(report(RULES.entryDuplicate, { path }, at))
      seen.add(path)
      declaredTotal += entry.uncompressedSize
      if (declaredTotal > limits.maxTotalBytes) {
        return refuse(report(RULES.zipTooLarge, { size: `over ${formatBytes(declaredTotal)}`, limit: formatBytes(limits.maxTotalBytes) }, at))
      }
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
      if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
        const args = { path, size: formatBytes(entry.uncompressedSize), ratio: Math.round(ratio), limit: limits.maxRatio }
        return refuse(report(RULES.zipBomb, args, at))
      }
      let readable = true
      if (entry.generalPurposeBitFlag & FLAG_ENCRYPTED) {
        diagnostics.push(report(RULES.entryEncrypted, { path }, at))
        readable = false
      } else if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        diagnostics.push(report(RULES.entryMethodUnsupported, { path, method: entry.compressionMethod }, at))
        readable = false
      } else if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize) {
        const reason = `stored, yet ${entry.compressedSize} bytes packed for ${entry.uncompressedSize} unpacked`
        return refuse(report(RULES.entrySizeMismatch, { path, reason }, at))
      }
      entries.push({ entry, path, readable })
    }
    if (result.refused) return result

    // Local headers: what unzippers that stream the file (Java's ZipInputStream) read instead.
    const ranges: { start: number; end: number; path: string }[] = []
    for (const { entry, path } of entries) {
      let header: LocalFileHeader
      try {
        header = await new Promise<LocalFileHeader>((resolve, reject) =>
          zip.readLocalFileHeader(entry, (error, value) => (error ? reject(error) : resolve(value))),
        )
      } catch (error) {
        return refuse(report(RULES.zipUnreadable, { reason: `${path}: ${reasonOf(error)}` }, at))
      }
      if (!header.fileName.equals(entry.fileNameRaw)) diagnostics.push(report(RULES.entryHeaderMismatch, { path, field: 'name' }, at))
      if (header.compressionMethod !== entry.compressionMethod) {
        diagnostics.push(report(RULES.entryHeaderMismatch, { path, field: 'compression method' }, at))
      }
      const dataDescriptor = ((entry.generalPurposeBitFlag | header.generalPurposeBitFlag) & FLAG_DATA_DESCRIPTOR) !== 0
      if (dataDescriptor && entry.compressionMethod === 0 && !path.endsWith('/')) {
        diagnostics.push(report(RULES.storedWithDataDescriptor, { path }, at))
      }
      ranges.push({ start: entry.relativeOffsetOfLocalHeader, end: header.fileDataStart + entry.compressedSize, path })
    }
    ranges.sort((a, b) => a.start - b.start)
    for (let index = 1; index < ranges.length; index++) {
      const [previous, current] = [ranges[index - 1]!, ranges[index]!]
      if (current.start < previous.end) return refuse(report(RULES.entriesOverlap, { path: current.path, other: previous.path }, at))
    }

    const files = entries.filter(({ path }) => !path.endsWith('/'))
    result.files = files.map(({ entry, path }) => ({ path, size: entry.uncompressedSize, compressedSize: entry.compressedSize }))
    const keep = new Set(options.keep(result.files.map((file) => file.path)))
    for (const { entry, path, readable } of files) {
      if (!readable) continue
      const wanted = keep.has(path) && entry.uncompressedSize <= limits.maxDescriptorBytes
      if (keep.has(path) && !wanted) {
        const size = formatBytes(entry.uncompressedSize)
        diagnostics.push(report(RULES.descriptorTooLarge, { path, size, limit: formatBytes(limits.maxDescriptorBytes) }, at))
      }
      const outcome = await inflateEntry(zip, entry, wanted)
      if (outcome.problem === 'size') return refuse(report(RULES.entrySizeMismatch, { path, reason: outcome.reason }, at))
      if (outcome.problem === 'corrupt') {
        diagnostics.push(report(RULES.entryCorrupt, { path, reason: outcome.reason }, at))
        continue
      }
      if (outcome.data) result.kept.set(path, outcome.data)
    }
    return result
  } finally {
    zip.close()
  }
}

function readCentralDirectory(zip: YauzlZip): Promise<YauzlEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: YauzlEntry[] = []
    zip.on('entry', (entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => {
      zip.removeAllListeners()
      resolve(entries)
    })
    zip.on('error', (error) => {
      zip.removeAllListeners()
      reject(error)
    })
    zip.readEntry()
  })
}

/** The name as an unzipper shows it: UTF-8 when flagged or when the bytes are valid UTF-8, else CP437. */
function entryName(entry: YauzlEntry): string {
  const flagged = (entry.generalPurposeBitFlag & FLAG_UTF8) !== 0 || hasUnicodePath(entry)
  if (!flagged) {
    try {
      return UTF8.decode(entry.fileNameRaw)
    } catch {
      // Not UTF-8: fall through to the spec's CP437.
    }
  }
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true)
}

function hasUnicodePath(entry: YauzlEntry): boolean {
  return entry.extraFields.some((field) => field.id === INFO_ZIP_UNICODE_PATH)
}

/** Why an entry name would land outside the folder it is unpacked into, or nothing. */
function unsafeReason(path: string): string | undefined {
  if (path === '') return 'has an empty name'
  if (/[\x00-\x1f\x7f]/.test(path)) return 'holds a control character'
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is an absolute path'
  if (path.includes('\\')) return 'holds a `\\`, which Windows unzippers read as a folder separator'
  if (path.split('/').includes('..')) return 'climbs out of the package with `..`'
  return yauzl.validateFileName(path) ?? undefined
}

type InflateOutcome = { problem?: undefined; data?: Buffer } | { problem: 'size' | 'corrupt'; reason: string; data?: undefined }

/** Unpacks one entry in memory, stopping as soon as it goes past its declared size. */
function inflateEntry(zip: YauzlZip, entry: YauzlEntry, keep: boolean): Promise<InflateOutcome> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, { decodeFileData: false }, (openError, raw) => {
      if (openError) return resolve({ problem: 'corrupt', reason: reasonOf(openError) })
      const stream: Readable = entry.compressionMethod === 8 ? raw.pipe(createInflateRaw()) : raw
      const chunks: Buffer[] = []
      let size = 0
      let crc = 0
      let settled = false
      const finish = (outcome: InflateOutcome): void => {
        if (settled) return
        settled = true
        raw.unpipe()
        raw.destroy()
        stream.destroy()
        resolve(outcome)
      }
      raw.on('error', (error) => finish({ problem: 'corrupt', reason: reasonOf(error) }))
      stream.on('error', (error) => finish({ problem: 'corrupt', reason: reasonOf(error) }))
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > entry.uncompressedSize) {
          return finish({ problem: 'size', reason: `it unpacks to more than the ${entry.uncompressedSize} bytes declared` })
        }
        crc = crc32(chunk, crc)
        if (keep) chunks.push(chunk)
      })
      stream.on('end', () => {
        if (size < entry.uncompressedSize) {
          return finish({ problem: 'size', reason: `it unpacks to ${size} bytes, not the ${entry.uncompressedSize} declared` })
        }
        if (crc >>> 0 !== entry.crc32 >>> 0) return finish({ problem: 'corrupt', reason: 'its CRC-32 does not match' })
        finish(keep ? { data: Buffer.concat(chunks) } : {})
      })
    })
  })
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\.$/, '')
}
