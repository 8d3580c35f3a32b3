/**
 * Reads the front matter of `module.md` into `file.data.frontMatter`; warns about one anywhere else.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { defaultMeta, validateFrontMatter } from '../frontmatter.js'
import { report } from '../report.js'
import { rules } from '../rules.js'

export function remarkCafesFrontmatter() {
  return function (tree: Root, file: VFile): undefined {
    const first = tree.children[0]
    const yaml = first?.type === 'yaml' ? first : undefined
    if (file.basename !== 'module.md') {
      if (yaml) report(file, rules.frontmatterOutsideModule, {}, yaml.position)
      return
    }
    const start = yaml?.position?.start ?? { line: 1, column: 1 }
    if (!yaml) {
      report(file, rules.frontmatterMissing, {}, start)
      file.data.frontMatter = { meta: defaultMeta(), keys: {}, values: {} }
      return
    }
    // The YAML starts on the line after the opening `---`.
    file.data.frontMatter = validateFrontMatter(yaml.value, start.line + 1, file, start)
  }
}
