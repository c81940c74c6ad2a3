/**
 * Starts the mock backend: `npx tsx mock-server/main.ts`.
 *
 * PORT (default 8787) and HOST (default 127.0.0.1) choose where it
 * listens; DB_PATH (default .data/linli.sqlite) where it keeps its store,
 * which survives a restart and is seeded with synthetic registers and
 * ballots when empty. When the H5 app has been built (dist/h5) it is
 * served at / from the same port. At start it prints the URL and the
 * seeded test accounts a tester signs in with.
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

import { buildApp } from './app'
import { SEAL_EVERY_MS } from './services/ledger'
import type { TestAccount } from './registers/test-accounts'
import { testAccounts } from './registers/test-accounts'

const DEFAULT_PORT = 8787
const DEFAULT_HOST = '127.0.0.1'
const ROOT = resolve(__dirname, '..')
const DEFAULT_DB = resolve(ROOT, '.data', 'linli.sqlite')
const H5_DIR = resolve(ROOT, 'dist', 'h5')

export { testAccounts }

/** The test accounts as text lines, for this start-up and for scripts. */
export function formatTestAccounts(accounts: readonly TestAccount[]): string {
  const lines = accounts.map((a) =>
    [
      `  ${a.label}`,
      `    ${a.name}  身份证 ${a.idNumber}  手机 ${a.phone}`,
      `    ${a.units.length > 0 ? `${a.units.join('、')}；` : ''}${a.canDo}`,
    ].join('\n'),
  )
  return ['测试账号（合成数据；验证码见接口返回的 mockCode）：', ...lines].join(
    '\n',
  )
}

export async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? DEFAULT_PORT)
  const host = process.env.HOST ?? DEFAULT_HOST
  const dbPath = resolve(process.env.DB_PATH ?? DEFAULT_DB)
  mkdirSync(dirname(dbPath), { recursive: true })

  const app = await buildApp({
    dbPath,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    staticDir: H5_DIR,
    sealEveryMs: SEAL_EVERY_MS,
  })
  if (app.seedReport) {
    const r = app.seedReport
    app.log.info(
      `seeded ${r.persons} persons, ${r.units} units, ${r.ballots} ballots, ${r.votes} votes in ${r.ms} ms`,
    )
  }

  const close = () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', close)
  process.once('SIGTERM', close)

  await app.listen({ port, host })
  const url = `http://${host}:${port}/`
  // Not a log line: the welcome a person reads in the terminal, with the
  // accounts to sign in as. Requests and errors go through app.log.
  process.stdout.write(
    [
      '',
      `邻里共治 mock backend: ${url}  (API ${url}api, OpenAPI ${url}api/openapi.json)`,
      `store: ${dbPath}`,
      '',
      formatTestAccounts(testAccounts()),
      '',
    ].join('\n'),
  )
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('[mock-server] failed to start', error)
    process.exit(1)
  })
}
