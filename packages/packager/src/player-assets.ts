import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { PackageTarget } from './targets.js'

/** The player has one entry per target it plays: `player/src/entries/<target>.ts`. */
export type PlayerTarget = PackageTarget

/** The player files a package ships as `player.js` and `player.css`. */
export interface PlayerAssets {
  js: Buffer
  css: Buffer
}

export interface PlayerAssetOptions {
  /**
   * Folder holding one entry per target, `<target>.ts`.
   * @default the player package's `src/entries/`
   */
  entriesDir?: string
  /**
   * The player's stylesheet.
   * @default the player package's `src/styles/player.css`
   */
  stylesheet?: string
  /**
   * Folder of prebuilt `<target>.js` and `player.css`, read instead of bundling.
   * @default `player/` next to the running file when it holds them (the bundled CLI), else none
   */
  prebuiltDir?: string
}

export interface BundleOptions extends Omit<PlayerAssetOptions, 'prebuiltDir'> {
  /** @default true */
  minify?: boolean
}

/** esbuild settings shared by the packager and the benchmark: the player's own `PLAYER_BUILD_OPTIONS.target` (a test keeps them equal). */
export const PLAYER_BUILD_TARGET = 'es2020'

const cache = new Map<string, Promise<PlayerAssets>>()

/**
 * The player's files for a target: the prebuilt ones when there are some, else bundled with
 * esbuild in memory (minified IIFE, ES2020) once per process and target.
 */
export function playerAssets(target: PlayerTarget, options: PlayerAssetOptions = {}): Promise<PlayerAssets> {
  const prebuilt = options.prebuiltDir ?? defaultPrebuiltDir()
  const key = JSON.stringify([target, options.entriesDir, options.stylesheet, prebuilt])
  let assets = cache.get(key)
  if (!assets) {
    assets = prebuilt === undefined ? bundlePlayer(target, options) : readPrebuilt(target, prebuilt)
    cache.set(key, assets)
    assets.catch(() => cache.delete(key))
  }
  return assets
}

/** Bundles the player for a target with esbuild, in memory. */
export async function bundlePlayer(target: PlayerTarget, options: BundleOptions = {}): Promise<PlayerAssets> {
  const playerDir = options.entriesDir === undefined || options.stylesheet === undefined ? playerPackageDir() : ''
  const entry = join(options.entriesDir ?? join(playerDir, 'src', 'entries'), `${target}.ts`)
  const stylesheet = options.stylesheet ?? join(playerDir, 'src', 'styles', 'player.css')
  const minify = options.minify ?? true
  const esbuild = await import('esbuild')
  const common = {
    bundle: true,
    write: false,
    minify,
    legalComments: 'none',
    target: PLAYER_BUILD_TARGET,
    logLevel: 'silent',
    charset: 'utf8',
    absWorkingDir: dirname(entry),
  } as const
  const [js, css] = await Promise.all([
    esbuild.build({ ...common, entryPoints: [entry], format: 'iife', platform: 'browser', outfile: 'player.js' }),
    esbuild.build({ ...common, entryPoints: [stylesheet], outfile: 'player.css', loader: { '.css': 'css' } }),
  ])
  return { js: outputOf(js.outputFiles, '.js'), css: outputOf(css.outputFiles, '.css') }
}

function outputOf(files: { path: string; contents: Uint8Array }[] | undefined, extension: string): Buffer {
  const file = files?.find((candidate) => candidate.path.endsWith(extension))
  if (!file) throw new Error(`esbuild wrote no ${extension} file`)
  return Buffer.from(file.contents)
}

/** Two small files: read synchronously (cheaper than the thread pool's round trips). */
async function readPrebuilt(target: PlayerTarget, dir: string): Promise<PlayerAssets> {
  return { js: readFileSync(join(dir, `${target}.js`)), css: readFileSync(join(dir, 'player.css')) }
}

/** `player/` next to this file, when it holds prebuilt files (the bundled CLI). */
function defaultPrebuiltDir(): string | undefined {
  const dir = fileURLToPath(new URL('./player/', import.meta.url))
  return existsSync(join(dir, 'player.css')) ? dir : undefined
}

/** The player package's folder: through its package.json when its exports allow, else the workspace path. */
export function playerPackageDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('@cafes/player/package.json'))
  } catch {
    return fileURLToPath(new URL('../../player', import.meta.url))
  }
}
