/**
 * ASCII names: package paths of authors' files (LMSs and zip tools choke on accents) and page ids.
 */

/** Letters NFD does not decompose. */
const LETTERS: Record<string, string> = { æ: 'ae', œ: 'oe', ß: 'ss', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' }

/** Lower-case ASCII, accents stripped (`É` → `e`, `œ` → `oe`); other characters are kept. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[æœßøđðþłı]/g, (letter) => LETTERS[letter] ?? letter)
}

/** One path segment as `[a-z0-9._-]`: `Café Noir.PNG` → `cafe-noir.png`, `日本.png` → `file.png`. */
function asciiSegment(segment: string): string {
  const dot = segment.lastIndexOf('.')
  if (dot <= 0) return asciiWord(segment) || 'file'
  const extension = asciiWord(segment.slice(dot + 1))
  return `${asciiWord(segment.slice(0, dot)) || 'file'}${extension ? `.${extension}` : ''}`
}

function asciiWord(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/-*\.-*/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
}

/**
 * The path a module-relative file gets in the package: ASCII lower-case `[a-z0-9._/-]`, `/` separators,
 * e.g. `assets/Café Noir.PNG` → `assets/cafe-noir.png`.
 */
export function packagePath(relativePath: string): string {
  return relativePath.split('/').map(asciiSegment).join('/')
}

/** `[a-z0-9]+(-[a-z0-9]+)*`, or `''` when nothing is left: `Quiz final` → `quiz-final`. */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A page's id from its file name: `module.md` → `index`, `02-quiz.md` → `quiz`, `01.md` → `page-01`. */
export function pageId(fileName: string): string {
  if (fileName === 'module.md') return 'index'
  const stem = fileName.replace(/\.md$/, '')
  return slugify(stem.replace(/^\d+[-_]?/, '')) || `page-${slugify(stem) || 'untitled'}`
}
