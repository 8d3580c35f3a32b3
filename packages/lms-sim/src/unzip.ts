import yauzl from 'yauzl'

export interface ZipEntry {
  name: string
  data: Buffer
  /** Compression method: 0 stored, 8 deflated. */
  method: number
  /** General purpose bit flag as written in the central directory. */
  flags: number
}

/** Every entry of a zip, in the order they are stored. */
export function readZip(path: string): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error(`cannot open ${path}`))
      const entries: ZipEntry[] = []
      zip.on('error', reject)
      zip.on('end', () => resolve(entries))
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry()
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`cannot read ${entry.fileName}`))
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('error', reject)
          stream.on('end', () => {
            entries.push({
              name: entry.fileName,
              data: Buffer.concat(chunks),
              method: entry.compressionMethod,
              flags: entry.generalPurposeBitFlag,
            })
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}
