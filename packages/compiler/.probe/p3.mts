import { pageProcessor } from '/work/main/packages/compiler/src/processor.ts'
import { VFile } from 'vfile'
const p = pageProcessor()
const [kind, a, b] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])]
const gen: Record<string, () => string> = {
  list: () => Array.from({ length: a }, () => '- '.repeat(b) + 'x').join('\n'),
  quote: () => Array.from({ length: a }, (_, i) => '>'.repeat(i % (b + 1)) + ' x').join('\n'),
  em: () => Array.from({ length: a }, () => '*a'.repeat(b)).join('\n'),
  links: () => Array.from({ length: a }, () => '[a]('.repeat(b)).join('\n'),
  indent: () => Array.from({ length: a }, (_, i) => ' '.repeat(2 * (i % b)) + '- x').join('\n'),
  prose: () => Array.from({ length: a }, () => 'Une phrase *simple* avec un [lien](#x) et `code`. '.repeat(b)).join('\n\n'),
}
const t = performance.now()
try { p.processSync(new VFile({ path: '/x/01-a.md', value: '# T\n\n' + gen[kind]!() })) ; console.log(kind, a, b, Math.round(performance.now() - t), 'ms') } catch (e) { console.log(kind, a, b, 'THREW', Math.round(performance.now() - t), String(e).slice(0, 60)) }
