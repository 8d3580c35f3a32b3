import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stubPlayerDir, temporaryDir } from '../test/helpers.js'
import { PLAYER_BUILD_OPTIONS } from '@cafes/player'
import { bundlePlayer, playerAssets, playerPackageDir, PLAYER_BUILD_TARGET } from './player-assets.js'

/** Entries of our own, so these tests do not depend on the player's sources. */
function fakePlayer(): { entriesDir: string; stylesheet: string } {
  const dir = temporaryDir('cafes-fake-player-')
  const entriesDir = join(dir, 'entries')
  mkdirSync(entriesDir)
  writeFileSync(join(dir, 'shared.ts'), 'export function greet(name: string): string { return `bonjour ${name}` }\n')
  for (const target of ['scorm12', 'scorm2004', 'web']) {
    writeFileSync(
      join(entriesDir, `${target}.ts`),
      `/*! legal comment */\nimport { greet } from '../shared.js'\nconst target: string = '${target}'\ndocument.title = greet(target) ?? 'x'\n`,
    )
  }
  const stylesheet = join(dir, 'player.css')
  writeFileSync(stylesheet, '/* comment */\n.cafes {\n  color: #ff0000;\n  margin: 0px;\n}\n')
  return { entriesDir, stylesheet }
}

describe('bundlePlayer', () => {
  it('bundles an entry into a minified IIFE without legal comments, and minifies the CSS', async () => {
    const assets = await bundlePlayer('scorm2004', fakePlayer())
    const js = assets.js.toString()
    expect(js).toMatch(/^\(\(\)=>\{/)
    expect(js).toContain('bonjour')
    expect(js).toContain('scorm2004')
    expect(js).not.toContain('legal comment')
    expect(js).not.toMatch(/\bimport\b|\bexport\b/)
    expect(assets.css.toString()).toBe('.cafes{color:red;margin:0}\n')
  })

  it('can leave the output readable (for the benchmark)', async () => {
    const assets = await bundlePlayer('web', { ...fakePlayer(), minify: false })
    expect(assets.js.toString()).toContain('function greet(name)')
  })

  it('fails when the entry does not exist', async () => {
    const { stylesheet } = fakePlayer()
    await expect(bundlePlayer('web', { entriesDir: temporaryDir(), stylesheet })).rejects.toThrow()
  })

  it('finds the player package', () => {
    expect(playerPackageDir()).toMatch(/packages[\\/]player$/)
  })
})

describe('playerAssets', () => {
  it('bundles once per target in a process', async () => {
    const options = fakePlayer()
    const first = await playerAssets('scorm12', options)
    const second = await playerAssets('scorm12', options)
    expect(second.js).toBe(first.js)
    expect((await playerAssets('web', options)).js.toString()).toContain('web')
  })

  it('reads prebuilt files instead of bundling when there are some', async () => {
    const prebuiltDir = stubPlayerDir()
    const assets = await playerAssets('scorm12', { prebuiltDir })
    expect(assets.js.toString()).toBe('/*scorm12*/(()=>{})();\n')
    expect(assets.css.toString()).toBe('.cafes{color:#000}\n')
  })
})

describe('build settings', () => {
  it('bundles for the language level the player is written and measured for', () => {
    expect(PLAYER_BUILD_TARGET).toBe(PLAYER_BUILD_OPTIONS.target)
  })
})
