/**
 * `pnpm bench`: figures for the budgets of the design notes.
 *
 * 1. Bundles the CLI with esbuild into `build/.cache/cafes.cjs` (every pure-JS dependency
 *    inlined, esbuild itself left out) and writes `build/.cache/cafes.mjs`, a small loader that
 *    runs the bundle with a V8 code cache; prebuilds the player into `build/.cache/player/` and
 *    copies the schemas to `build/.cache/schemas/`, which the bundled CLI reads instead of
 *    bundling the player at run time.
 * 2. Times `node build/.cache/cafes.mjs build examples/texte-seul --target scorm2004` directly
 *    (not through pnpm, which costs ~0.5 s): one warm-up (which writes the code cache), then the
 *    median of nine runs, Node's start-up included; `node -e 0` is timed after each run, for
 *    reference.
 * 3. Prints the player's size per target (raw, minified, gzipped) and each example's zip size
 *    and file count per target.
 * 4. Releases the whole catalogue as `pnpm release` does, through the release builder's
 *    parallel path (`build/release.ts`, bundled into `build/.cache/release.mjs`: one worker
 *    process per core): every module of `modules/` (of `examples/` while `modules/` has none,
 *    which the output says) × every target and the facilitator edition, validated and
 *    checksummed. Prints the wall time (median of three, after one warm-up), each package's
 *    size and file count, and the peak memory of the main process and of each worker.
 *
 * `build/.cache/` is git-ignored (`.cache/` in the root `.gitignore`).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { bundlePlayer, formatBytes, PACKAGE_TARGETS, schemasDir, type PackageReport, type PackageTarget } from '@cafes/packager'
import type { ReleaseIndex } from './release/release-index.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const CACHE = join(ROOT, 'build', '.cache')
const CLI = join(CACHE, 'cafes.mjs')
const BUNDLE = join(CACHE, 'cafes.cjs')
const RELEASE = join(CACHE, 'release.mjs')
const RUNS = 9
const RELEASE_RUNS = 3

/** Budgets of the design notes and of issue 9. */
const BUDGET = {
  buildSeconds: 0.3,
  /** The LRS players carry the statement outbox: 5 kB more. */
  playerGzipBytes: { scorm12: 20_000, scorm2004: 20_000, xapi: 25_000, cmi5: 25_000, web: 20_000 },
  textOnlyScorm2004Bytes: 100_000,
  /** The whole catalogue × every target, on 2 cores. */
  releaseSeconds: 5,
} as const

/** The part of esbuild's API used here (esbuild is the packager's dependency, not the root's). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>
}

/** esbuild is a dependency of the packager, not of the root: load it from there. */
async function loadEsbuild(): Promise<Esbuild> {
  const require = createRequire(join(ROOT, 'packages', 'packager', 'package.json'))
  return (await import(pathToFileURL(require.resolve('esbuild')).href)) as Esbuild
}

/**
 * Bundles the CLI as CommonJS into `build/.cache/cafes.cjs` and writes `build/.cache/cafes.mjs`,
 * a small loader that runs it through `vm.Script` with a V8 code cache (see `LOADER`): Node
 * compiles ES modules without one, and compiling the bundle took a third of a run.
 */
async function bundleCli(esbuild: Esbuild): Promise<void> {
  const result = (await esbuild.build({
    // The loader does what `bin.ts` does (CommonJS has no top-level await).
    entryPoints: [join(ROOT, 'packages', 'cli', 'src', 'cli.ts')],
    write: false,
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    // Loaded lazily and only when no prebuilt player sits next to the bundle.
    external: ['esbuild'],
    // The packager finds `player/` and `schemas/` next to the running file: the loader passes the bundle's URL.
    define: { 'import.meta.url': '__cafesImportMetaUrl' },
    // `import('esbuild')` as `require('esbuild')`: a vm.Script has no loader for import().
    supported: { 'dynamic-import': false },
    logLevel: 'warning',
  })) as { outputFiles: { text: string }[] }
  const code = escapeRegExpNonAscii(result.outputFiles[0]!.text)
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16)
  for (const name of readdirSync(CACHE)) {
    if (name.endsWith('.v8cache') || name.endsWith('.tmp')) rmSync(join(CACHE, name), { force: true })
  }
  writeFileSync(BUNDLE, code)
  writeFileSync(CLI, LOADER.replace('__HASH__', hash))
}

/**
 * Bundles `build/release.ts` as an ES module into `build/.cache/release.mjs`, next to the
 * prebuilt player and schemas the bundled CLI uses. The same file is each worker process (it
 * forks itself), so workers start without tsx and without bundling the player.
 */
async function bundleRelease(esbuild: Esbuild): Promise<void> {
  await esbuild.build({
    entryPoints: [join(ROOT, 'build', 'release.ts')],
    outfile: RELEASE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    external: ['esbuild'],
    // CommonJS dependencies call `require`, which an ES module lacks.
    banner: { js: "import { createRequire as __cafesCreateRequire } from 'node:module'; const require = __cafesCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  })
}

/**
 * esbuild escapes non-ASCII characters except in regular expressions; one left in the bundle
 * makes Node decode it to a two-byte string, twice as big and slower to read. Escapes those in
 * a character class (`[æœ]` → `[\u00e6\u0153]`, the same class); leaves the code as it is when
 * any other is left.
 */
function escapeRegExpNonAscii(code: string): string {
  const inClass = /\/\[[^\]\n\\]*(?:\\.[^\]\n\\]*)*$/
  for (const match of code.matchAll(/[^\x00-\x7f]+/g)) {
    if (!inClass.test(code.slice(Math.max(0, match.index - 200), match.index))) return code
  }
  return code.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * `build/.cache/cafes.mjs`: runs `cafes.cjs` as `bin.ts` does, compiled with the V8 code cache
 * `cafes.cjs.<hash>.v8cache` when there is one. When it is missing or rejected (another Node),
 * a `build` run writes it at its end, so that it holds every function the run compiled (V8
 * compiles functions lazily); the benchmark's warm-up run writes it. A new bundle gets a new
 * hash: V8 checks the source's length, not its text.
 *
 * V8 optimises a function with TurboFan, on another thread, once it has run a while; in a run
 * this short the work is mostly lost, and it competes for the CPU. A 4× larger budget leaves
 * that to the really hot code (the checksum of a big asset, say).
 */
const LOADER = `// Written by build/bench.ts: the bundled CLI, run with a V8 code cache.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { Script } from 'node:vm'

setFlagsFromString('--interrupt-budget=270336')
const url = new URL('./cafes.cjs', import.meta.url)
const filename = fileURLToPath(url)
const cacheFile = \`\${filename}.__HASH__.v8cache\`
let cachedData
try {
  cachedData = readFileSync(cacheFile)
} catch {}
const source = readFileSync(filename, 'utf8')
const wrapped = \`(function (exports, require, module, __filename, __dirname, __cafesImportMetaUrl) {\${source}\\n})\`
const script = new Script(wrapped, { filename, cachedData })
const module = { exports: {} }
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename), url.href)
const args = process.argv.slice(2)
process.exitCode = await module.exports.runCli(args)
if ((cachedData === undefined || script.cachedDataRejected) && args[0] === 'build') {
  try {
    const temporary = \`\${cacheFile}.\${process.pid}.tmp\`
    writeFileSync(temporary, script.createCachedData())
    renameSync(temporary, cacheFile)
  } catch {}
}
`

interface PlayerSize {
  target: PackageTarget
  raw: number
  minified: number
  gzipped: number
}

/** Writes `<target>.js` and `player.css` for the bundled CLI, and measures them. */
async function prebuildPlayer(): Promise<PlayerSize[]> {
  const dir = join(CACHE, 'player')
  mkdirSync(dir, { recursive: true })
  const sizes: PlayerSize[] = []
  for (const target of PACKAGE_TARGETS) {
    const [raw, minified] = await Promise.all([bundlePlayer(target, { minify: false }), bundlePlayer(target)])
    writeFileSync(join(dir, `${target}.js`), minified.js)
    writeFileSync(join(dir, 'player.css'), minified.css)
    sizes.push({
      target,
      raw: raw.js.length + raw.css.length,
      minified: minified.js.length + minified.css.length,
      gzipped: gzipSync(minified.js, { level: 9 }).length + gzipSync(minified.css, { level: 9 }).length,
    })
  }
  return sizes
}

/** Every schema: the SCORM ones the zips carry, and those the release validates against. */
function copySchemas(): void {
  const target = join(CACHE, 'schemas')
  rmSync(target, { recursive: true, force: true })
  cpSync(schemasDir(), target, { recursive: true })
}

/**
 * CPU seconds (user + system) used so far by this process's finished children, from
 * `/proc/self/stat` (Linux; 10 ms resolution), or undefined elsewhere. Less sensitive than wall
 * time to other work on the machine.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ')
    // After "pid (comm) ", field 3 is index 0: cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return undefined
  }
}

/** Runs the bundled CLI from the repository root; throws on a non-zero exit. */
function runCli(args: string[]): { seconds: number; cpuSeconds: number | undefined; stdout: string } {
  const cpuBefore = childrenCpuSeconds()
  const started = performance.now()
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: ROOT },
    encoding: 'utf8',
  })
  const seconds = (performance.now() - started) / 1000
  const cpuAfter = childrenCpuSeconds()
  if (result.status !== 0) throw new Error(`cafes ${args.join(' ')} exited ${result.status}:\n${result.stderr}`)
  const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore
  return { seconds, cpuSeconds, stdout: result.stdout }
}

/** Wall seconds of `node -e 0`: Node's own start-up on this machine, for reference. */
function nodeAloneSeconds(): number {
  const started = performance.now()
  const result = spawnSync(process.execPath, ['-e', '0'], { cwd: ROOT, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`node -e 0 exited ${result.status}:\n${result.stderr}`)
  return (performance.now() - started) / 1000
}

/** The part of `release.mjs --json`'s output used here. */
interface ReleaseRunReport {
  status: 'released' | 'failed'
  index: ReleaseIndex
  workers: number
  memory: { mainMaxRssBytes: number; workerMaxRssBytes: number[] }
}

/** The catalogue: `modules/` when it holds a module, else `examples/` (until the catalogue lands). */
function catalogueFolder(): { folder: string; note: string } {
  const modules = join(ROOT, 'modules')
  const hasModule = existsSync(modules) && readdirSync(modules, { recursive: true, encoding: 'utf8' }).some((name) => basename(name) === 'module.md')
  return hasModule ? { folder: 'modules', note: '' } : { folder: 'examples', note: ' (modules/ has no module yet: examples/ instead)' }
}

/** One `pnpm release` of the catalogue into a fresh folder, without pnpm's start-up; throws unless it released. */
function runRelease(modules: string, out: string): { seconds: number; cpuSeconds: number | undefined; report: ReleaseRunReport } {
  rmSync(out, { recursive: true, force: true })
  const cpuBefore = childrenCpuSeconds()
  const started = performance.now()
  const result = spawnSync(process.execPath, [RELEASE, '--modules', modules, '--out', out, '--json'], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: ROOT },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const seconds = (performance.now() - started) / 1000
  const cpuAfter = childrenCpuSeconds()
  // The workers' time is in it: the release waits for them, and the bench for the release.
  const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore
  if (result.status !== 0) throw new Error(`release of ${modules}/ exited ${result.status}:\n${result.stderr}\n${result.stdout.slice(0, 4000)}`)
  return { seconds, cpuSeconds, report: JSON.parse(result.stdout) as ReleaseRunReport }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`
}

/** Save → reload in `cafes preview`: from writing a page to the reload event the browser receives. */
const PREVIEW_RELOAD_TARGET_MS = 150

async function previewReloadSection(): Promise<string[]> {
  const { measureReload } = await import('@cafes/preview')
  const rows = [['module', 'target', 'median', 'runs', 'target', '']]
  for (const target of ['scorm2004', 'xapi'] as const) {
    const { runs, medianMs } = await measureReload('examples/demo-quiz', { cwd: ROOT, target, runs: 7 })
    rows.push(['demo-quiz', target, `${medianMs} ms`, runs.join(' '), `≤ ${PREVIEW_RELOAD_TARGET_MS} ms`, verdict(medianMs <= PREVIEW_RELOAD_TARGET_MS)])
  }
  return ['Preview: save → reload event (cafes preview, warm)', table(rows)]
}

/** Sections printed after the catalogue's. */
const PREVIEW_RELOAD_SECTIONS: (() => Promise<string[]>)[] = [previewReloadSection]

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'OVER'
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)))
  return rows
    .map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('   ')}`.trimEnd())
    .join('\n')
}

async function main(): Promise<void> {
  const esbuild = await loadEsbuild()
  mkdirSync(CACHE, { recursive: true })
  await bundleCli(esbuild)
  await bundleRelease(esbuild)
  const playerSizes = await prebuildPlayer()
  copySchemas()

  const out = mkdtempSync(join(tmpdir(), 'cafes-bench-'))
  const timedArgs = ['build', 'examples/texte-seul', '--target', 'scorm2004', '--out', out]
  runCli(timedArgs)
  // `node -e 0` after each run, so that both see the same load on the machine.
  const runs: ReturnType<typeof runCli>[] = []
  const nodeAlone: number[] = []
  for (let run = 0; run < RUNS; run++) {
    runs.push(runCli(timedArgs))
    nodeAlone.push(nodeAloneSeconds())
  }
  const times = runs.map((run) => run.seconds)
  const buildMedian = median(times)
  const nodeMedian = median(nodeAlone)
  const cpu = runs.every((run) => run.cpuSeconds !== undefined) ? median(runs.map((run) => run.cpuSeconds!)) : undefined

  const packages: PackageReport[] = []
  for (const example of ['texte-seul', 'demo-quiz']) {
    const args = ['build', `examples/${example}`, ...PACKAGE_TARGETS.flatMap((target) => ['--target', target]), '--out', out, '--json']
    packages.push(...(JSON.parse(runCli(args).stdout) as { packages: PackageReport[] }).packages)
  }

  const catalogue = catalogueFolder()
  const releaseOut = join(out, 'dist')
  runRelease(catalogue.folder, releaseOut)
  const releases = Array.from({ length: RELEASE_RUNS }, () => runRelease(catalogue.folder, releaseOut))
  rmSync(out, { recursive: true, force: true })
  const releaseTimes = releases.map((run) => run.seconds)
  const releaseMedian = median(releaseTimes)
  const releaseCpu = releases.every((run) => run.cpuSeconds !== undefined) ? median(releases.map((run) => run.cpuSeconds!)) : undefined
  const release = releases.at(-1)!.report
  const released = release.index.modules.flatMap((module) => module.targets.map((entry) => ({ module: module.id, ...entry })))
  const workerRss = release.memory.workerMaxRssBytes

  const lines = [
    `cafes bench   node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)}, bundled CLI ${CLI.slice(ROOT.length)}`,
    '',
    `Build time: node build/.cache/cafes.mjs ${timedArgs.slice(0, 4).join(' ')} (median of ${RUNS}, after 1 warm-up)`,
    table([
      ['median', 'min', 'max', 'CPU (median)', 'target', ''],
      [
        `${buildMedian.toFixed(3)} s`,
        `${Math.min(...times).toFixed(3)} s`,
        `${Math.max(...times).toFixed(3)} s`,
        cpu === undefined ? 'n/a' : `${cpu.toFixed(2)} s`,
        `≤ ${BUDGET.buildSeconds} s`,
        verdict(buildMedian <= BUDGET.buildSeconds),
      ],
    ]),
    `  of which Node's own start-up: node -e 0 takes ${nodeMedian.toFixed(3)} s here (median of ${RUNS}, between the runs), cafes ${(buildMedian - nodeMedian).toFixed(3)} s`,
    '',
    'Player, JS + CSS',
    table([
      ['target', 'raw', 'minified', 'gzipped', 'target', ''],
      ...playerSizes.map((size) => [
        size.target,
        formatBytes(size.raw),
        formatBytes(size.minified),
        formatBytes(size.gzipped),
        `≤ ${formatBytes(BUDGET.playerGzipBytes[size.target])} gz`,
        verdict(size.gzipped <= BUDGET.playerGzipBytes[size.target]),
      ]),
    ]),
    '',
    'Packages',
    table([
      ['module', 'target', 'zip', 'files', 'target', ''],
      ...packages.map((entry) => {
        const budgeted = entry.module === 'texte-seul' && entry.target === 'scorm2004'
        return [
          entry.module,
          entry.target,
          formatBytes(entry.size ?? 0),
          String(entry.fileCount ?? 0),
          budgeted ? `≤ ${formatBytes(BUDGET.textOnlyScorm2004Bytes)}` : '',
          budgeted ? verdict((entry.size ?? 0) <= BUDGET.textOnlyScorm2004Bytes) : '',
        ]
      }),
    ]),
    '',
    `Catalogue release: node build/.cache/release.mjs --modules ${catalogue.folder}${catalogue.note}`,
    `  ${release.index.modules.length} modules × ${PACKAGE_TARGETS.length} targets + facilitator edition = ${released.length} zips, validated and checksummed, ${release.workers} worker processes (median of ${RELEASE_RUNS}, after 1 warm-up)`,
    table([
      ['median', 'min', 'max', 'CPU (median)', 'target', ''],
      [
        `${releaseMedian.toFixed(2)} s`,
        `${Math.min(...releaseTimes).toFixed(2)} s`,
        `${Math.max(...releaseTimes).toFixed(2)} s`,
        releaseCpu === undefined ? 'n/a' : `${releaseCpu.toFixed(2)} s`,
        `≤ ${BUDGET.releaseSeconds} s on 2 cores`,
        verdict(releaseMedian <= BUDGET.releaseSeconds),
      ],
    ]),
    '',
    'Catalogue packages',
    table([
      ['module', 'target', 'zip', 'files'],
      ...released.map((entry) => [entry.module, entry.target, formatBytes(entry.size), String(entry.fileCount)]),
    ]),
    '',
    'Catalogue release, peak memory (maxRSS)',
    table([
      ['main', 'workers', 'worker max', 'main + workers'],
      [
        megabytes(release.memory.mainMaxRssBytes),
        workerRss.map(megabytes).join(', '),
        workerRss.length === 0 ? 'n/a' : megabytes(Math.max(...workerRss)),
        megabytes(release.memory.mainMaxRssBytes + workerRss.reduce((sum, bytes) => sum + bytes, 0)),
      ],
    ]),
    '',
  ]
  for (const section of PREVIEW_RELOAD_SECTIONS) lines.push(...(await section()), '')
  process.stdout.write(lines.join('\n'))
}

await main()
