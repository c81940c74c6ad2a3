/**
 * Builds a target only when its inputs changed since the last build, so
 * `npm start` and the tests that need a build do not pay 10–20 s each time.
 * The stamp is a hash of every input file's content and of the settings
 * baked into the build (the API base URL).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { shippedPublicKeys } from '../config/ledger-keys'

export type Target = 'h5' | 'weapp'

const ROOT = path.resolve(__dirname, '..')
const INPUTS = [
  'src',
  'config',
  'types',
  'babel.config.js',
  'package-lock.json',
]
const STAMP_FILE = '.build-stamp'

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry)
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return [entry]
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) =>
      path.relative(ROOT, path.join(dirent.parentPath, dirent.name)),
    )
}

export function inputStamp(target: Target): string {
  const hash = createHash('sha256')
  hash.update(`${target}\n`)
  hash.update(`${process.env.WEAPP_API_BASE_URL ?? ''}\n`)
  hash.update(`${process.env.H5_API_BASE_URL ?? ''}\n`)
  // The build embeds the record's public keys: new keys, new build.
  hash.update(`${JSON.stringify(shippedPublicKeys())}\n`)
  const files = INPUTS.flatMap(filesUnder).sort()
  for (const file of files) {
    hash.update(`${file}\n`)
    hash.update(fs.readFileSync(path.join(ROOT, file)))
  }
  return hash.digest('hex')
}

export function outputDir(target: Target): string {
  return path.join(ROOT, 'dist', target)
}

export function isFresh(target: Target): boolean {
  const stamp = path.join(outputDir(target), STAMP_FILE)
  return (
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === inputStamp(target)
  )
}

/**
 * Builds `target` unless its stamp matches (or `force`); throws if the
 * build fails. The stamp is written only after a build that succeeded.
 */
export function ensureBuild(target: Target, force = false): 'fresh' | 'built' {
  if (!force && isFresh(target)) return 'fresh'
  const stamp = inputStamp(target)
  const started = Date.now()
  console.log(`[build] building dist/${target}…`)
  const result = spawnSync(
    process.execPath,
    [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', target],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
  if (result.status !== 0) {
    throw new Error(`taro build --type ${target} failed (${result.status})`)
  }
  fs.writeFileSync(path.join(outputDir(target), STAMP_FILE), stamp)
  console.log(`[build] dist/${target} built in ${Date.now() - started} ms`)
  return 'built'
}

// tsx scripts/ensure-build.ts [--force] h5|weapp ...
if (require.main === module) {
  const args = process.argv.slice(2)
  const force = args.includes('--force')
  const targets = args.filter((arg): arg is Target =>
    ['h5', 'weapp'].includes(arg),
  )
  for (const target of targets) {
    console.log(`[build] dist/${target}: ${ensureBuild(target, force)}`)
  }
}
