/** The part of archiver 8 (ESM, no bundled types) that `zip.ts` uses. */
declare module 'archiver' {
  import type { Readable } from 'node:stream'

  export interface ZipArchiveOptions {
    zlib?: { level?: number }
    /** Archive-wide STORE (no compression). */
    store?: boolean
    /** Write local time instead of UTC DOS times (default false). */
    forceLocalTime?: boolean
  }

  export interface ZipEntryData {
    name: string
    date?: Date
    mode?: number
    /** STORE this entry (sizes and CRC written up front, no data descriptor). */
    store?: boolean
  }

  export class ZipArchive extends Readable {
    constructor(options?: ZipArchiveOptions)
    append(source: Buffer | string, data: ZipEntryData): this
    finalize(): Promise<void>
    abort(): this
    pointer(): number
  }
}
