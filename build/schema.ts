/**
 * `pnpm schema`: writes the JSON Schemas of the front matter and of `cafes.config.yaml` (generated
 * from the compiler's key tables) to `packages/compiler/schemas/`. Commit the result; a test fails
 * when the committed files differ from what this writes.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { configSchema, moduleSchema } from '@cafes/compiler'

const folder = new URL('../packages/compiler/schemas/', import.meta.url)

for (const [name, schema] of [
  ['module.schema.json', moduleSchema()],
  ['config.schema.json', configSchema()],
] as const) {
  const path = fileURLToPath(new URL(name, folder))
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`)
  process.stdout.write(`${path}\n`)
}
