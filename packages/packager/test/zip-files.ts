import type { PackageFile } from '../src/package-file.js'

/** Files that exercise both methods: text (deflated), media (stored), an empty file, nested folders. */
export function zipTestFiles(): PackageFile[] {
  const png = Buffer.alloc(3000)
  for (let index = 0; index < png.length; index++) png[index] = (index * 7919) % 251
  return [
    { path: 'player.js', data: Buffer.from('console.log("cafes");\n'.repeat(50)) },
    { path: 'index.html', data: Buffer.from('<!doctype html><title>x</title>\n') },
    { path: 'assets/photo.png', data: png },
    { path: 'assets/empty.txt', data: Buffer.alloc(0) },
    { path: 'assets/sub/clip.mp4', data: Buffer.from('not really a video') },
    { path: 'imsmanifest.xml', data: Buffer.from('<?xml version="1.0"?><manifest/>\n') },
  ]
}
