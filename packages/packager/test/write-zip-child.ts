/** Writes the fixed test zip to argv[2]; spawned with another TZ by zip.test.ts. */
import { writeZip } from '../src/zip.js'
import { zipTestFiles } from './zip-files.js'

await writeZip(zipTestFiles(), process.argv[2]!)
