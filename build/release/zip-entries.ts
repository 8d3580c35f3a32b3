import yauzl from 'yauzl'

/** A zip's entry names, and the data of the entries asked for. */
export interface ZipContents {
  /** Every file entry (folder entries left out), in stored order. */
  names: string[]
  /** The data of each wanted entry the zip holds. */
  data: Map<string, Buffer>
}

/**
 * Reads a zip's central directory and the entries named in `wanted` (the manifest or the
 * descriptor); the rest is not inflated. Rejects when the zip is damaged.
 */
export function readZipContents(path: string, wanted: ReadonlySet<string>): Promise<ZipContents> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error(`cannot open ${path}`))
      const contents: ZipContents = { names: [], data: new Map() }
      zip.once('error', reject)
      zip.once('end', () => resolve(contents))
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry()
        contents.names.push(entry.fileName)
        if (!wanted.has(entry.fileName)) return zip.readEntry()
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`cannot read ${entry.fileName}`))
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.once('error', reject)
          stream.once('end', () => {
            contents.data.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}
