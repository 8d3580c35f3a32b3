import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { PLAYER_BUILD_OPTIONS, PLAYER_ENTRIES, PLAYER_STYLESHEET, type PlayerEntryTarget } from '../src/index.js'

/** esbuild as the packager has it: the player does not depend on it. */
const require = createRequire(new URL('../../packager/package.json', import.meta.url))
const esbuild = require('esbuild') as {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[]; warnings: { id: string; text: string }[] }>
}

export interface BuiltPlayer {
  js: string
  css: string
  warnings: string[]
}

export async function buildPlayer(target: PlayerEntryTarget): Promise<BuiltPlayer> {
  const js = await esbuild.build({ ...PLAYER_BUILD_OPTIONS, entryPoints: [fileURLToPath(PLAYER_ENTRIES[target])], write: false, logLevel: 'silent' })
  const css = await esbuild.build({ entryPoints: [fileURLToPath(PLAYER_STYLESHEET)], bundle: true, minify: true, write: false, logLevel: 'silent' })
  return {
    js: js.outputFiles[0]!.text,
    css: css.outputFiles[0]!.text,
    warnings: [...js.warnings, ...css.warnings].map((warning) => `${warning.id}: ${warning.text}`),
  }
}

export function gzipSize(text: string): number {
  return gzipSync(Buffer.from(text), { level: 9 }).length
}
