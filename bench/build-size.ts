/**
 * Sizes of what ships: the mini-program package (total and largest files)
 * and the JavaScript the H5 app loads before its first page shows (raw
 * and gzip). Reads dist/; build first. Prints figures; asserts nothing.
 *
 *   npx tsx bench/build-size.ts
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const ROOT = path.resolve(__dirname, '..')
const LARGEST = 8

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile() && !dirent.name.startsWith('.'))
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

function weapp(): void {
  const dir = path.join(ROOT, 'dist', 'weapp')
  if (!fs.existsSync(dir)) return console.log('dist/weapp: not built')
  const files = filesUnder(dir)
    .filter((file) => !file.endsWith('.LICENSE.txt'))
    .map((file) => ({ file, size: fs.statSync(file).size }))
    .sort((a, b) => b.size - a.size)
  const total = files.reduce((sum, f) => sum + f.size, 0)
  console.log(`weapp package: ${kb(total)} in ${files.length} files`)
  for (const { file, size } of files.slice(0, LARGEST)) {
    console.log(`  ${kb(size).padStart(9)}  ${path.relative(dir, file)}`)
  }
}

function h5(): void {
  const dir = path.join(ROOT, 'dist', 'h5')
  const html = path.join(dir, 'index.html')
  if (!fs.existsSync(html)) return console.log('dist/h5: not built')
  const scripts = [
    ...fs.readFileSync(html, 'utf8').matchAll(/<script[^>]+src="([^"]+)"/g),
  ].map((match) => match[1])
  let raw = 0
  let gzip = 0
  for (const src of scripts) {
    const body = fs.readFileSync(path.join(dir, src.replace(/^\//, '')))
    raw += body.length
    gzip += zlib.gzipSync(body, { level: 9 }).length
  }
  console.log(
    `h5 first page: ${scripts.length} scripts, ${kb(raw)} raw, ${kb(gzip)} gzip`,
  )
  const all = filesUnder(dir).reduce((sum, f) => sum + fs.statSync(f).size, 0)
  console.log(`h5 build in all: ${kb(all)}`)
}

weapp()
h5()
