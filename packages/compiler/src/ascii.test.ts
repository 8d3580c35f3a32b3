import { describe, expect, it } from 'vitest'
import { packagePath, pageId, slugify } from './ascii.js'

describe('packagePath', () => {
  it.each([
    ['assets/tasse.svg', 'assets/tasse.svg'],
    ['assets/Café Noir.PNG', 'assets/cafe-noir.png'],
    ['Images/Été 2024/Œuvre (1).jpg', 'images/ete-2024/oeuvre-1.jpg'],
    ['assets/Straße_ß.webp', 'assets/strasse_ss.webp'],
    ['assets/日本.png', 'assets/file.png'],
    ['assets/a  --  b.tar.gz', 'assets/a-b.tar.gz'],
  ])('%s → %s', (source, expected) => {
    expect(packagePath(source)).toBe(expected)
    expect(packagePath(source)).toMatch(/^[a-z0-9._/-]+$/)
  })
})

describe('pageId', () => {
  it.each([
    ['module.md', 'index'],
    ['02-quiz.md', 'quiz'],
    ['01_Contexte général.md', 'contexte-general'],
    ['10-fin.md', 'fin'],
    ['annexe.md', 'annexe'],
    ['01.md', 'page-01'],
    ['2024-bilan.md', 'bilan'],
  ])('%s → %s', (name, id) => {
    expect(pageId(name)).toBe(id)
  })
})

describe('slugify', () => {
  it('keeps [a-z0-9] runs joined by single hyphens', () => {
    expect(slugify('  Ça, c’est l’IA !  ')).toBe('ca-c-est-l-ia')
    expect(slugify('---')).toBe('')
  })
})
