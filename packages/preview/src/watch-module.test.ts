import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { watchModule, type ModuleWatcher } from './watch-module.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A project folder with `modules/demo/module.md`; returns both paths. */
function project(): { root: string; moduleDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'cafes-watch-'))
  const moduleDir = join(root, 'modules', 'demo')
  mkdirSync(join(moduleDir, 'assets'), { recursive: true })
  writeFileSync(join(moduleDir, 'module.md'), '---\nid: demo\ntitle: Demo\n---\n\n# Demo\n')
  return { root, moduleDir }
}

let watcher: ModuleWatcher | undefined
let roots: string[] = []
afterEach(() => {
  watcher?.close()
  watcher = undefined
  for (const root of roots) rmSync(root, { recursive: true, force: true })
  roots = []
})

/** Starts watching and collects every batch; the watchers need a moment before they see anything. */
async function watching(moduleDir: string, debounceMs = 40): Promise<string[][]> {
  const batches: string[][] = []
  watcher = watchModule(moduleDir, (paths) => batches.push(paths), { debounceMs })
  await sleep(100)
  return batches
}

describe('watchModule', () => {
  it('reports a saved page, once, by its absolute path', async () => {
    const { root, moduleDir } = project()
    roots.push(root)
    const batches = await watching(moduleDir)
    writeFileSync(join(moduleDir, 'module.md'), '---\nid: demo\ntitle: Demo 2\n---\n')
    await expect.poll(() => batches.length).toBe(1)
    expect(batches[0]).toEqual([join(moduleDir, 'module.md')])
  })

  it('gathers a burst of changes into one batch, sorted', async () => {
    const { root, moduleDir } = project()
    roots.push(root)
    const batches = await watching(moduleDir, 150)
    writeFileSync(join(moduleDir, '02-b.md'), '# B\n')
    writeFileSync(join(moduleDir, 'assets', 'cup.svg'), '<svg/>')
    writeFileSync(join(moduleDir, '01-a.md'), '# A\n')
    await expect.poll(() => batches.length).toBe(1)
    await sleep(300)
    expect(batches).toEqual([[join(moduleDir, '01-a.md'), join(moduleDir, '02-b.md'), join(moduleDir, 'assets', 'cup.svg')]])
  })

  it('ignores editors\' temporary files', async () => {
    const { root, moduleDir } = project()
    roots.push(root)
    const batches = await watching(moduleDir)
    writeFileSync(join(moduleDir, '.module.md.swp'), 'x')
    writeFileSync(join(moduleDir, 'module.md~'), 'x')
    writeFileSync(join(moduleDir, '4913'), 'x')
    writeFileSync(join(moduleDir, '.#module.md'), 'x')
    await sleep(300)
    expect(batches).toEqual([])
    writeFileSync(join(moduleDir, '01-page.md'), '# Page\n')
    await expect.poll(() => batches.length).toBe(1)
    expect(batches[0]).toEqual([join(moduleDir, '01-page.md')])
  })

  it('sees a cafes.config.yaml written in a folder above the module, and nothing else there', async () => {
    const { root, moduleDir } = project()
    roots.push(root)
    const batches = await watching(moduleDir)
    writeFileSync(join(root, 'notes.txt'), 'not read by a build')
    await sleep(300)
    expect(batches).toEqual([])
    writeFileSync(join(root, 'cafes.config.yaml'), 'targets: [scorm12]\n')
    await expect.poll(() => batches.length).toBe(1)
    expect(batches[0]).toEqual([join(root, 'cafes.config.yaml')])
  })

  it('sees files in a folder created after the watch started', async () => {
    const { root, moduleDir } = project()
    roots.push(root)
    const batches = await watching(moduleDir)
    mkdirSync(join(moduleDir, 'media'))
    await sleep(100)
    writeFileSync(join(moduleDir, 'media', 'clip.vtt'), 'WEBVTT\n')
    await expect.poll(() => batches.flat()).toContain(join(moduleDir, 'media', 'clip.vtt'))
  })

  it('reports nothing once closed, even a change made just before', async () => {
    const { root, moduleDir } = project()
    roots.push(root)
    const batches = await watching(moduleDir, 100)
    writeFileSync(join(moduleDir, 'module.md'), 'changed')
    watcher!.close()
    writeFileSync(join(moduleDir, '01-late.md'), '# Late\n')
    await sleep(400)
    expect(batches).toEqual([])
  })

  it('throws when the folder does not exist', () => {
    expect(() => watchModule(join(tmpdir(), 'cafes-no-such-folder-x'), () => undefined)).toThrow(/ENOENT/)
  })
})
