/**
 * Checks images (alternative text; a file of the module, never the network) and writes their package
 * path into the tree (`assets/Café Noir.PNG` → `assets/cafe-noir.png`). The files they name are
 * collected in `file.data.assets`, for `load.ts` to check on disk.
 */
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { packagePath } from '../ascii.js'
import { assetTarget } from '../asset-url.js'
import type { AssetReference } from '../page.js'
import { report } from '../report.js'
import { rules } from '../rules.js'

export function remarkCafesImage() {
  return function (tree: Root, file: VFile): undefined {
    const assets: AssetReference[] = []
    visit(tree, 'image', (node) => {
      const url = node.url
      if (node.alt === null || node.alt === undefined || node.alt.trim() === '') {
        report(file, rules.imageMissingAlt, { url }, node.position)
      }
      const target = assetTarget(url)
      if (target.kind === 'data') return
      if (target.kind === 'file') {
        const reference: AssetReference = { url, path: target.path, packagePath: packagePath(target.path) }
        if (node.position) reference.place = node.position
        assets.push(reference)
        node.url = reference.packagePath
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, loading: 'lazy' } }
        return
      }
      if (target.kind === 'external') report(file, rules.assetExternal, { url }, node.position)
      else report(file, rules.assetOutsideModule, { url, base: 'the module folder' }, node.position)
      node.url = ''
    })
    file.data.assets = assets
  }
}
