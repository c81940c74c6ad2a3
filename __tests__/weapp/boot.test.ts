/**
 * The built mini-program (dist/weapp) boots in Node with stand-in WeChat
 * globals and talks to the real mock backend: a seeded owner signs in
 * through the pages themselves and the ballot list shows the ballots the
 * backend holds for their estate.
 */
import path from 'node:path'

import type { FastifyInstance } from 'fastify'

import { buildApp } from '../../mock-server/app'
import { testAccounts } from '../../mock-server/registers/test-accounts'
import { bootMiniProgram, type MiniProgram } from './mini-host'

const DIST = path.resolve(__dirname, '../../dist/weapp')
// The origin baked into the build (config/index.ts); the host sends its
// requests to the test server instead, as DevTools with domain checks off
// would send them to wherever that address points.
const BUILT_API_ORIGIN =
  process.env.WEAPP_API_BASE_URL ?? 'http://127.0.0.1:8787'
const MOCK_SMS = /验证码\s*(\d{6})/

let server: FastifyInstance
let origin: string

beforeAll(async () => {
  server = await buildApp({ dbPath: ':memory:', logger: false })
  origin = await server.listen({ port: 0, host: '127.0.0.1' })
})

afterAll(async () => {
  await server.close()
})

function openBallotTitles(estateId: string): string[] {
  const now = Date.now()
  const rows = server.ctx.db
    .prepare(
      `SELECT title FROM ballots
        WHERE estate_id = ? AND announced_at IS NOT NULL
          AND published_at IS NULL AND opens_at <= ? AND closes_at > ?`,
    )
    .all(estateId, now, now) as { title: string }[]
  return rows.map((row) => row.title)
}

function boot(openid: string): MiniProgram {
  return bootMiniProgram({
    dir: DIST,
    fromOrigin: BUILT_API_ORIGIN,
    toOrigin: origin.replace(/\/$/, ''),
    loginCode: `mock-wx.${openid}`,
  })
}

describe('the mini-program build', () => {
  it('boots and shows the sign-in page with the WeChat login', async () => {
    const mp = boot('boot-first-look')
    const page = await mp.openPage('pages/login/index')
    await page.waitForText('微信授权登录')
    expect(page.text()).toContain('第一步')
  })

  it('signs a seeded owner in and lists the open ballots of their estate', async () => {
    const owner = testAccounts().find((a) => a.key === 'owner')
    if (!owner) throw new Error('the seed has no single-unit owner')
    const mp = boot('boot-owner')

    const login = await mp.openPage('pages/login/index')
    await login.waitForText('微信授权登录')
    login.tap('微信授权登录')
    await login.waitForText('第二步')

    login.input('verify-name', owner.name)
    login.input('verify-id-number', owner.idNumber)
    login.input('verify-phone', owner.phone)
    login.tap('获取验证码')
    await login.waitFor(() => MOCK_SMS.test(login.text()), 'the mock SMS code')
    const code = MOCK_SMS.exec(login.text())?.[1] ?? ''
    login.input('verify-sms-code', code)
    login.tap('提交实名认证')
    await login.waitForText('认证成功')
    expect(login.text()).toContain(owner.name)

    const titles = openBallotTitles(owner.estateId)
    expect(titles.length).toBeGreaterThan(0)
    const list = await mp.openPage('pages/ballots/index')
    for (const title of titles) await list.waitForText(title)
    expect(list.text()).toContain('投票中')

    // Every request went to the backend, none failed for want of a token.
    expect(mp.requests.map((r) => new URL(r.url).pathname)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/identity/sms',
        '/api/identity/verify',
        `/api/estates/${owner.estateId}/ballots`,
      ]),
    )
  })
})
