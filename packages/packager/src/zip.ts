import { randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { PackageFile } from './package-file.js'
import { compareBytes } from './manifest-model.js'

/**
 * DOS time of 1980-01-01 00:00, written as UTC: the bytes do not depend on the machine's time
 * zone. The entries' date when `SOURCE_DATE_EPOCH` is not set, and the earliest a zip can hold.
 */
export const ZIP_DATE = new Date(Date.UTC(1980, 0, 1))
/**
 * The latest date our zip writer can hold: DOS dates run to 2107, but archiver (compress-commons
 * `dateToDos`) clamps at 2044, where the year no longer fits a signed 32-bit shift.
 */
const ZIP_DATE_LATEST = new Date(Date.UTC(2043, 11, 31, 23, 59, 58))
export const ZIP_FILE_MODE = 0o644

/**
 * The date every entry carries: `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC, the
 * reproducible-builds.org convention, which release pipelines set to the commit's time) when
 * set, clamped to what a zip can hold, else `ZIP_DATE`. Throws on a value that is not a whole
 * number of seconds, as the convention asks: a typo must not silently give another date.
 */
export function zipDate(env: Readonly<Record<string, string | undefined>> = process.env): Date {
  const value = env.SOURCE_DATE_EPOCH
  if (value === undefined || value === '') return ZIP_DATE
  if (!/^\d+$/.test(value)) {
    throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not '${value}'`)
  }
  const milliseconds = Number(value) * 1000
  return new Date(Math.min(Math.max(milliseconds, ZIP_DATE.getTime()), ZIP_DATE_LATEST.getTime()))
}

/** Media that is compressed already: STORED, the rest deflated at level 9. */
const STORED_EXTENSIONS = /\.(png|jpe?g|gif|webp|mp3|mp4|m4a|webm|woff2|zip)$/i

/** The archive's output is written in pieces of at least this many bytes (and the rest at the end). */
const WRITE_BYTES = 1024 * 1024

export interface WriteZipResult {
  /** Bytes written. */
  size: number
}

/**
 * Writes a deterministic zip: entries from buffers in byte order of their names, one date
 * (`zipDate()`: `SOURCE_DATE_EPOCH` when set) and mode, already-compressed media STORED with
 * their sizes up front (no data descriptor, which Java importers reject) and empty files
 * STORED too. The zip is written to a temporary file in the same folder and renamed at the
 * end, so a half-written zip never exists under `path`; on error the temporary file is removed.
 *
 * The file is written synchronously, in a few big writes: archiver emits many small chunks (a
 * header field each), and a write stream sent each batch to libuv's thread pool, whose round
 * trips cost more than the writes.
 */
export async function writeZip(files: readonly PackageFile[], path: string): Promise<WriteZipResult> {
  const ordered = sortFiles(files)
  const date = zipDate()
  const { ZipArchive } = await import('archiver')
  mkdirSync(dirname(path), { recursive: true })
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  const output = new SyncFileOutput(temporary)
  const archive = new ZipArchive({ zlib: { level: 9 } })
  try {
    const written = new Promise<void>((resolve, reject) => {
      archive.on('data', (chunk: Buffer) => {
        try {
          output.write(chunk)
        } catch (error) {
          reject(error)
          archive.abort()
        }
      })
      archive.once('end', resolve)
      archive.once('error', reject)
    })
    for (const file of ordered) {
      archive.append(file.data, {
        name: file.path,
        date,
        mode: ZIP_FILE_MODE,
        store: file.data.length === 0 || STORED_EXTENSIONS.test(file.path),
      })
    }
    // Errors of the archive reach `written`; this promise may never settle then.
    archive.finalize().catch(() => undefined)
    await written
    output.close()
    renameSync(temporary, path)
    return { size: archive.pointer() }
  } catch (error) {
    archive.abort()
    output.discard()
    throw error
  }
}

/** A file written with synchronous writes of the chunks gathered so far, at least `WRITE_BYTES` at a time. */
class SyncFileOutput {
  private readonly fd: number
  private chunks: Buffer[] = []
  private pending = 0
  private closed = false

  constructor(private readonly path: string) {
    this.fd = openSync(path, 'w')
  }

  write(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.pending += chunk.length
    if (this.pending >= WRITE_BYTES) this.flush()
  }

  /** Writes what is left and closes the file. */
  close(): void {
    this.flush()
    this.closed = true
    closeSync(this.fd)
  }

  /** Closes the file if still open and removes it. */
  discard(): void {
    if (!this.closed) {
      this.closed = true
      try {
        closeSync(this.fd)
      } catch {
        // Removing it matters more.
      }
    }
    rmSync(this.path, { force: true })
  }

  private flush(): void {
    if (this.pending === 0) return
    const data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.pending)
    this.chunks = []
    this.pending = 0
    for (let offset = 0; offset < data.length; ) offset += writeSync(this.fd, data, offset)
  }
}

/** Sorted by the bytes of their names; throws on a duplicate name (a packager bug). */
export function sortFiles(files: readonly PackageFile[]): PackageFile[] {
  const sorted = [...files].sort((a, b) => compareBytes(a.path, b.path))
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]!.path === sorted[index - 1]!.path) throw new Error(`two package files are named ${sorted[index]!.path}`)
  }
  return sorted
}
