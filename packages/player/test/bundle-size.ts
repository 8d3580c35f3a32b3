/** Prints the player's bundle sizes per target: `node --import tsx packages/player/test/bundle-size.ts`. */
import { PLAYER_ENTRY_TARGETS } from '../src/index.js'
import { buildPlayer, gzipSize } from './build-player.js'

for (const target of PLAYER_ENTRY_TARGETS) {
  const { js, css, warnings } = await buildPlayer(target)
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  console.log(
    `${target.padEnd(10)} js ${kb(js.length)} raw / ${kb(gzipSize(js))} gz   css ${kb(css.length)} raw / ${kb(gzipSize(css))} gz   total gz ${kb(gzipSize(js) + gzipSize(css))}`,
  )
  for (const warning of new Set(warnings)) console.log(`  warning ${warning}`)
}
