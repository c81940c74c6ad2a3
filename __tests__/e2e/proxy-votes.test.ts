/**
 * An owner authorises a proxy in the app and the proxy, who lives in
 * another estate, finds the ballot in their list and casts the owner's
 * vote. Each step leaves a screenshot in artifacts/e2e/.
 */
import { testAccounts } from '../../mock-server/registers/test-accounts'
import { openPhone, screenshot, startStack, type Stack } from './support'
import {
  button,
  mockSmsCode,
  openTab,
  seen,
  signInAs,
  STEP_TIMEOUT,
} from './voting-flows'

const RECEIPT_CODE = /[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}/
const BALLOT = {
  id: 'chenxi-property-roads',
  title: '续聘物业服务企业及使用维修资金修缮小区道路',
}

jest.setTimeout(180_000)

let stack: Stack

beforeAll(async () => {
  stack = await startStack()
})

afterAll(async () => {
  await stack?.close()
})

function account(key: string) {
  const found = testAccounts().find((a) => a.key === key)
  if (!found) throw new Error(`the seed has no ${key}`)
  return found
}

describe('a proxy votes for an owner', () => {
  it('is authorised by the owner, finds the ballot and casts the owner’s vote', async () => {
    const grantor = account('proxy-grantor')
    const holder = account('proxy-holder')
    const owner = await openPhone(stack)
    const proxy = await openPhone(stack)

    // The proxy has verified in the app before: only then can they be named.
    await signInAs(proxy.page, stack.baseUrl, holder)

    await signInAs(owner.page, stack.baseUrl, grantor)
    await openTab(owner.page, '议事')
    await seen(owner.page, BALLOT.title).click({ timeout: STEP_TIMEOUT })
    await button(owner.page, '委托他人投票').click({ timeout: STEP_TIMEOUT })
    await owner.page.getByLabel('代理人姓名').fill(holder.name)
    await owner.page.getByLabel('代理人身份证号').fill(holder.idNumber)
    await screenshot(owner.page, 'proxy-01-owner-names-proxy')
    await button(owner.page, '下一步：确认委托').click()
    await seen(owner.page, /仅限本次表决/).waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(owner.page, 'proxy-02-owner-confirms')
    await button(owner.page, '确认委托').click()
    await seen(owner.page, /有效，代理人尚未投票/).waitFor({
      timeout: STEP_TIMEOUT,
    })
    await screenshot(owner.page, 'proxy-03-owner-sees-proxy')

    await openTab(proxy.page, '议事')
    await seen(proxy.page, '我代理的表决').waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(proxy.page, 'proxy-04-proxy-list')
    await seen(proxy.page, BALLOT.title).click()
    await seen(proxy.page, /受业主 .+ 委托/).waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(proxy.page, 'proxy-05-proxy-detail')
    await button(proxy.page, '去投票').click()

    const groups = proxy.page.getByRole('radiogroup')
    await groups.first().waitFor({ timeout: STEP_TIMEOUT })
    const items = await groups.count()
    for (let i = 0; i < items; i++) {
      await groups.nth(i).getByRole('radio', { name: '同意' }).click()
    }
    await seen(proxy.page, /您受业主 .+ 委托代为投票/).waitFor()
    await screenshot(proxy.page, 'proxy-06-proxy-chooses')
    await button(proxy.page, '下一步：核对选择').click()
    await button(proxy.page, '下一步：验证身份').click()
    await button(proxy.page, '发送验证码').click()
    await proxy.page
      .getByLabel('短信验证码')
      .fill(await mockSmsCode(proxy.page))
    await button(proxy.page, '验证并继续').click()
    await button(proxy.page, '确认提交').click({ timeout: STEP_TIMEOUT })
    await seen(proxy.page, RECEIPT_CODE).waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(proxy.page, 'proxy-07-proxy-receipt')

    // The backend holds the vote as the owner's unit's, cast by proxy.
    const stored = stack.server.ctx.db
      .prepare(
        `SELECT v.proxy_id FROM votes v JOIN persons p ON p.id = v.cast_by
          WHERE v.ballot_id = ? AND p.id_number = ?`,
      )
      .all(BALLOT.id, holder.idNumber) as { proxy_id: string | null }[]
    expect(stored).toHaveLength(1)
    expect(stored[0].proxy_id).toMatch(/^X[0-9A-F]{16}$/)

    await owner.page.reload()
    await seen(owner.page, /代理人已投票/).waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(owner.page, 'proxy-08-owner-sees-used')
    expect(owner.errors).toEqual([])
    expect(proxy.errors).toEqual([])
  })
})
