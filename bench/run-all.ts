/**
 * `npm run bench`: every benchmark in this folder, one after another, each
 * in its own process so one's garbage does not slow the next. They print
 * figures; none of them asserts anything. Build both targets first for
 * the size figures.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const BENCHMARKS = [
  'tally.ts',
  'ledger-seal.ts',
  'ledger-audit.ts',
  'build-size.ts',
]

for (const file of BENCHMARKS) {
  console.log(`\n== bench/${file} ==`)
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), path.join(__dirname, file)],
    { stdio: 'inherit' },
  )
  if (result.status !== 0) process.exitCode = 1
}
