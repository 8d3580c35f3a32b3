import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readZipHeaders, temporaryDir } from '../test/helpers.js'
import { zipTestFiles } from '../test/zip-files.js'
import { sortFiles, writeZip, ZIP_DATE, ZIP_FILE_MODE, zipDate } from './zip.js'

const CHILD = fileURLToPath(new URL('../test/write-zip-child.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

function zipInTimeZone(timeZone: string, env: Record<string, string> = {}): Buffer {
  const path = join(temporaryDir(), 'tz.zip')
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TZ: timeZone, ...env }
  if (!('SOURCE_DATE_EPOCH' in env)) delete childEnv.SOURCE_DATE_EPOCH
  execFileSync(process.execPath, ['--import', 'tsx', CHILD, path], { cwd: ROOT, env: childEnv, stdio: 'pipe' })
  return readFileSync(path)
}

/** 2023-11-14 22:13:20 UTC; already 2023-11-15 in Kiritimati (UTC+14). */
const EPOCH = '1700000000'
const EPOCH_DOS_DATE = ((2023 - 1980) << 9) | (11 << 5) | 14
const EPOCH_DOS_TIME = (22 << 11) | (13 << 5) | (20 / 2)

describe('writeZip', () => {
  it('writes the same bytes twice', async () => {
    const dir = temporaryDir()
    await writeZip(zipTestFiles(), join(dir, 'a.zip'))
    await writeZip([...zipTestFiles()].reverse(), join(dir, 'b.zip'))
    expect(readFileSync(join(dir, 'a.zip')).equals(readFileSync(join(dir, 'b.zip')))).toBe(true)
  })

  it('writes the same bytes in two time zones', async () => {
    const dir = temporaryDir()
    await writeZip(zipTestFiles(), join(dir, 'here.zip'))
    const utc = zipInTimeZone('UTC')
    const kiritimati = zipInTimeZone('Pacific/Kiritimati')
    expect(utc.equals(kiritimati)).toBe(true)
    expect(utc.equals(readFileSync(join(dir, 'here.zip')))).toBe(true)
  }, 60_000)

  it('sorts entries by name, without a wrapping folder or folder entries, with a fixed date and mode', async () => {
    const path = join(temporaryDir(), 'p.zip')
    const { size } = await writeZip(zipTestFiles(), path)
    const zip = readFileSync(path)
    expect(size).toBe(zip.length)
    const headers = readZipHeaders(zip)
    const names = headers.map((header) => header.name)
    expect(names).toEqual([
      'assets/empty.txt',
      'assets/photo.png',
      'assets/sub/clip.mp4',
      'imsmanifest.xml',
      'index.html',
      'player.js',
    ])
    expect(names).toContain('imsmanifest.xml')
    for (const header of headers) {
      expect(header.name.endsWith('/')).toBe(false)
      // 1980-01-01 00:00:00 in DOS format
      expect(header.dosDate).toBe((0 << 9) | (1 << 5) | 1)
      expect(header.dosTime).toBe(0)
      expect((header.externalAttributes >>> 16) & 0o777).toBe(ZIP_FILE_MODE)
    }
  })

  it('stores media and empty files without a data descriptor, and deflates the rest', async () => {
    const path = join(temporaryDir(), 'm.zip')
    await writeZip(zipTestFiles(), path)
    const headers = readZipHeaders(readFileSync(path))
    const byName = new Map(headers.map((header) => [header.name, header]))
    for (const name of ['assets/photo.png', 'assets/sub/clip.mp4', 'assets/empty.txt']) {
      const header = byName.get(name)!
      expect(header.method, name).toBe(0)
      expect(header.localFlags & 0x8, name).toBe(0)
      expect(header.centralFlags & 0x8, name).toBe(0)
    }
    for (const name of ['index.html', 'player.js', 'imsmanifest.xml']) expect(byName.get(name)!.method, name).toBe(8)
    expect(byName.get('player.js')!.compressedSize).toBeLessThan(200)
  })

  it('writes a zip of several megabytes (several writes) exactly as archiver produces it', async () => {
    // Pseudo-random media (stored) and text (deflated), over 3 MB zipped: more than one write.
    const noise = (length: number, seed: number): Buffer => {
      const data = Buffer.alloc(length)
      let state = seed
      for (let index = 0; index < length; index++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0
        data[index] = state >>> 24
      }
      return data
    }
    const files = [
      { path: 'assets/a.png', data: noise(1_500_000, 1) },
      { path: 'assets/b.png', data: noise(600_000, 2) },
      { path: 'page.txt', data: Buffer.from(noise(1_500_000, 3).toString('base64')) },
    ]
    const path = join(temporaryDir(), 'big.zip')
    const { size } = await writeZip(files, path)

    const { ZipArchive } = await import('archiver')
    const archive = new ZipArchive({ zlib: { level: 9 } })
    const chunks: Buffer[] = []
    archive.on('data', (chunk: Buffer) => chunks.push(chunk))
    const ended = new Promise((resolve) => archive.once('end', resolve))
    for (const file of files) {
      archive.append(file.data, { name: file.path, date: ZIP_DATE, mode: ZIP_FILE_MODE, store: file.path.endsWith('.png') })
    }
    await archive.finalize()
    await ended
    const zip = readFileSync(path)
    expect(zip.length).toBeGreaterThan(3 * 1024 * 1024)
    expect(size).toBe(zip.length)
    expect(zip.equals(Buffer.concat(chunks))).toBe(true)
  })

  it('leaves neither a zip nor a temporary file when writing fails', async () => {
    const dir = temporaryDir()
    const files = [...zipTestFiles(), { path: 'index.html', data: Buffer.from('twice') }]
    await expect(writeZip(files, join(dir, 'bad.zip'))).rejects.toThrow(/two package files are named index.html/)
    expect(readdirSync(dir)).toEqual([])

    // The archive fails after the temporary file was opened.
    const broken = [...zipTestFiles(), { path: 'z.txt', data: 42 as unknown as Buffer }]
    await expect(writeZip(broken, join(dir, 'broken.zip'))).rejects.toThrow()
    expect(readdirSync(dir)).toEqual([])

    // The output folder cannot be created: a file stands in its way.
    writeFileSync(join(dir, 'blocker'), 'x')
    await expect(writeZip(zipTestFiles(), join(dir, 'blocker', 'out.zip'))).rejects.toThrow()
    expect(readdirSync(dir)).toEqual(['blocker'])
  })

  it('replaces an existing zip only once the new one is complete', async () => {
    const dir = temporaryDir()
    const path = join(dir, 'p.zip')
    writeFileSync(path, 'old')
    await writeZip(zipTestFiles(), path)
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK')
    expect(readdirSync(dir)).toEqual(['p.zip'])
    expect(existsSync(path)).toBe(true)
  })
})

describe('writeZip with SOURCE_DATE_EPOCH', () => {
  it('dates every entry at that UTC time, with the same bytes in two time zones', () => {
    const utc = zipInTimeZone('UTC', { SOURCE_DATE_EPOCH: EPOCH })
    const kiritimati = zipInTimeZone('Pacific/Kiritimati', { SOURCE_DATE_EPOCH: EPOCH })
    expect(utc.equals(kiritimati)).toBe(true)
    const headers = readZipHeaders(utc)
    expect(headers.length).toBeGreaterThan(0)
    for (const header of headers) {
      expect(header.dosDate, header.name).toBe(EPOCH_DOS_DATE)
      expect(header.dosTime, header.name).toBe(EPOCH_DOS_TIME)
    }
    // Only the dates differ from a zip written without it.
    expect(utc.equals(zipInTimeZone('UTC'))).toBe(false)
  }, 60_000)

  it('fails the zip, leaving no file, when the value is not a number of seconds', async () => {
    const dir = temporaryDir()
    const before = process.env.SOURCE_DATE_EPOCH
    process.env.SOURCE_DATE_EPOCH = 'yesterday'
    try {
      await expect(writeZip(zipTestFiles(), join(dir, 'p.zip'))).rejects.toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds.*'yesterday'/)
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH
      else process.env.SOURCE_DATE_EPOCH = before
    }
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('zipDate', () => {
  it('is ZIP_DATE when SOURCE_DATE_EPOCH is unset or empty', () => {
    expect(zipDate({})).toEqual(ZIP_DATE)
    expect(zipDate({ SOURCE_DATE_EPOCH: '' })).toEqual(ZIP_DATE)
    expect(ZIP_DATE.toISOString()).toBe('1980-01-01T00:00:00.000Z')
  })

  it('reads seconds since 1970 in UTC', () => {
    expect(zipDate({ SOURCE_DATE_EPOCH: EPOCH }).toISOString()).toBe('2023-11-14T22:13:20.000Z')
  })

  it('clamps to the dates a zip can hold', () => {
    expect(zipDate({ SOURCE_DATE_EPOCH: '0' })).toEqual(ZIP_DATE)
    expect(zipDate({ SOURCE_DATE_EPOCH: '315532799' })).toEqual(ZIP_DATE)
    expect(zipDate({ SOURCE_DATE_EPOCH: '315532800' })).toEqual(ZIP_DATE)
    expect(zipDate({ SOURCE_DATE_EPOCH: '315532802' }).toISOString()).toBe('1980-01-01T00:00:02.000Z')
    expect(zipDate({ SOURCE_DATE_EPOCH: '99999999999' }).toISOString()).toBe('2043-12-31T23:59:58.000Z')
    expect(zipDate({ SOURCE_DATE_EPOCH: '9'.repeat(400) }).toISOString()).toBe('2043-12-31T23:59:58.000Z')
  })

  it('rejects anything but a whole number of seconds', () => {
    for (const value of ['-1', '1.5', ' 1700000000', '1e9', 'now', '0x10']) {
      expect(() => zipDate({ SOURCE_DATE_EPOCH: value }), value).toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds/)
    }
  })
})

describe('sortFiles', () => {
  it('orders by the bytes of the names', () => {
    const sorted = sortFiles([
      { path: 'b.txt', data: Buffer.alloc(0) },
      { path: 'B.txt', data: Buffer.alloc(0) },
      { path: 'a/z.txt', data: Buffer.alloc(0) },
      { path: 'a.txt', data: Buffer.alloc(0) },
    ])
    expect(sorted.map((file) => file.path)).toEqual(['B.txt', 'a.txt', 'a/z.txt', 'b.txt'])
  })
})
