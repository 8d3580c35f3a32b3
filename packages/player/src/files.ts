/**
 * Where the packager finds the player's sources: one esbuild entry per target, and the
 * stylesheet. URLs (`fileURLToPath` them in Node).
 */
export const PLAYER_ENTRY_TARGETS = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'] as const
export type PlayerEntryTarget = (typeof PLAYER_ENTRY_TARGETS)[number]

export const PLAYER_ENTRIES: Readonly<Record<PlayerEntryTarget, URL>> = {
  scorm12: new URL('./entries/scorm12.ts', import.meta.url),
  scorm2004: new URL('./entries/scorm2004.ts', import.meta.url),
  xapi: new URL('./entries/xapi.ts', import.meta.url),
  cmi5: new URL('./entries/cmi5.ts', import.meta.url),
  web: new URL('./entries/web.ts', import.meta.url),
}

export const PLAYER_STYLESHEET: URL = new URL('./styles/player.css', import.meta.url)

/**
 * The esbuild options the player is built with (budget: JS + CSS ≤ 20 KB gzipped per target,
 * 25 KB for xAPI / cmi5). ES2020 (Chrome / Edge 80, Firefox 74, Safari 13.1) keeps `?.` and
 * `??` native, which saves about 0.7 KB gzipped over ES2019 on every package.
 */
export const PLAYER_BUILD_OPTIONS = { bundle: true, minify: true, format: 'iife', target: 'es2020', charset: 'utf8' } as const
