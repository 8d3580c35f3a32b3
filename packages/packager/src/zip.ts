import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { PackageFile } from './package-file.js'
import { compareBytes } from './manifest-model.js'

/** DOS time of 1980-01-01 00:00, written as UTC: the bytes do not depend on the machine's time zone. */
export const ZIP_DATE = new Date(Date.UTC(1980, 0, 1))
export const ZIP_FILE_MODE = 0o644

/** Media that is compressed already: STORED, the rest deflated at level 9. */
const STORED_EXTENSIONS = /\.(png|jpe?g|gif|webp|mp3|mp4|m4a|webm|woff2|zip)$/i

export interface WriteZipResult {
  /** Bytes written. */
  size: number
}

/**
 * Writes a deterministic zip: entries from buffers in byte order of their names, a fixed
 * date and mode, already-compressed media STORED with their sizes up front (no data
 * descriptor, which Java importers reject) and empty files STORED too. The zip is written to
 * a temporary file in the same folder and renamed at the end, so a half-written zip never
 * exists under `path`; on error the temporary file is removed.
 */
export async function writeZip(files: readonly PackageFile[], path: string): Promise<WriteZipResult> {
  const ordered = sortFiles(files)
  const { ZipArchive } = await import('archiver')
  await mkdir(dirname(path), { recursive: true })
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  const archive = new ZipArchive({ zlib: { level: 9 } })
  const output = createWriteStream(temporary)
  const written = pipeline(archive, output)
  try {
    for (const file of ordered) {
      archive.append(file.data, {
        name: file.path,
        date: ZIP_DATE,
        mode: ZIP_FILE_MODE,
        store: file.data.length === 0 || STORED_EXTENSIONS.test(file.path),
      })
    }
    // Errors of the archive reach `written` through the pipeline; this promise may never settle then.
    archive.finalize().catch(() => undefined)
    await written
    await rename(temporary, path)
    return { size: archive.pointer() }
  } catch (error) {
    archive.abort()
    output.destroy()
    // Wait until the file is closed, so that removing it cannot race with its opening.
    await written.catch(() => undefined)
    await rm(temporary, { force: true })
    throw error
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
