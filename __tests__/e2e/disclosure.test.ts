/**
 * Public disclosure in a real browser: the property company types this
 * quarter's public-income statement on a phone. Its first try opens with
 * a balance that is not last quarter's closing one and is refused, in
 * Chinese, with every figure still in place; corrected, it goes up, and
 * an owner finds it in the feed and reads its table and chart. The
 * seeded statements cover the two completed quarters, so this quarter's
 * opening is the seeded closing balance (1,426,353.56 yuan).
 */
import type { Page } from 'playwright-core'

import { testAccounts } from '../../mock-server/registers/test-accounts'
import type { TestAccountKey } from '../../mock-server/registers/test-accounts'
import { quarterText } from '../../src/core/public-income'
import { quarterAt } from '../../src/features/notices/statement-draft'
import { openPhone, screenshot, startStack, type Stack } from './support'
import { button, openTab, seen, signInAs, STEP_TIMEOUT } from './voting-flows'

const TITLE = '本季度公共收益收支公示（浏览器测试）'
const LAST_CLOSING = '1,426,353.56'

jest.setTimeout(180_000)

let stack: Stack

beforeAll(async () => {
  stack = await startStack()
})

afterAll(async () => {
  await stack?.close()
})

async function signIn(page: Page, key: TestAccountKey): Promise<void> {
  const who = testAccounts().find((a) => a.key === key)
  if (!who) throw new Error(`no test account ${key}`)
  await signInAs(page, stack.baseUrl, who)
}

async function openNotices(page: Page): Promise<void> {
  await openTab(page, '公告')
  await seen(page, /^共 \d+ 条/).waitFor({ timeout: STEP_TIMEOUT })
}

async function typeInto(page: Page, label: string, text: string) {
  await page
    .getByRole('textbox', { name: label, exact: true })
    .filter({ visible: true })
    .fill(text)
}

describe('a public-income statement typed by staff', () => {
  it('is refused until it carries last quarter, then an owner reads its table', async () => {
    const quarter = quarterText(quarterAt(Date.now()))

    const staff = await openPhone(stack)
    await signIn(staff.page, 'property-company')
    await openNotices(staff.page)
    const page = staff.page
    await button(page, '发布公告').click()
    await page
      .getByRole('radio', { name: '公共收益公示' })
      .filter({ visible: true })
      .click()
    await page
      .getByRole('radio', { name: quarter })
      .filter({ visible: true })
      .click()
    await typeInto(page, '标题', TITLE)
    await typeInto(page, '正文', '本季度公共收益收支如下，请业主监督。')
    await typeInto(page, '期初结余（元）', '1,426,353.50')
    await typeInto(page, '收入第 1 项名称', '地面停车费')
    await typeInto(page, '收入第 1 项金额（元）', '0.1')
    await button(page, '添加一项收入').click()
    await typeInto(page, '收入第 2 项名称', '电梯广告费')
    await typeInto(page, '收入第 2 项金额（元）', '0.2')
    await typeInto(page, '支出第 1 项名称', '公共部位维修')
    await typeInto(page, '支出第 1 项金额（元）', '1,200')
    const totals = page
      .getByRole('status', { name: '自动合计' })
      .filter({ visible: true })
    await totals.scrollIntoViewIfNeeded()
    await expect(totals.innerText()).resolves.toBe(
      '收入合计：0.30 元\n支出合计：1,200.00 元\n期末结余：1,425,153.80 元',
    )
    await screenshot(page, 'disclosure-01-staff-types-statement')

    // The opening balance is six jiao short of last quarter's closing.
    await button(page, '下一步：核对').click()
    await button(page, '确认发布').click()
    const refusal = seen(page, '期初结余与上一季度公示的期末结余不一致')
    await refusal.waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, 'disclosure-02-refused-not-carried')

    await button(page, '返回修改').click()
    const opening = page
      .getByRole('textbox', { name: '期初结余（元）', exact: true })
      .filter({ visible: true })
    await expect(opening.inputValue()).resolves.toBe('1,426,353.50')
    await opening.fill(LAST_CLOSING)
    await button(page, '下一步：核对').click()
    await button(page, '确认发布').click()
    await seen(page, '公告详情').waitFor({ timeout: STEP_TIMEOUT })
    await seen(page, TITLE).waitFor({ timeout: STEP_TIMEOUT })

    const owner = await openPhone(stack)
    await signIn(owner.page, 'owner')
    await openNotices(owner.page)
    await owner.page
      .getByRole('tab', { name: '公共收益公示' })
      .filter({ visible: true })
      .click()
    await owner.page
      .getByRole('link', { name: new RegExp(TITLE) })
      .filter({ visible: true })
      .click()
    const table = owner.page
      .getByRole('table', { name: `${quarter}公共收益收支表，单位元` })
      .filter({ visible: true })
    await table.waitFor({ timeout: STEP_TIMEOUT })
    await expect(table.getByRole('row').allInnerTexts()).resolves.toEqual([
      '项目\n金额（元）',
      `期初结余（上季度结转）\n${LAST_CLOSING}`,
      '收入',
      '地面停车费\n0.10',
      '电梯广告费\n0.20',
      '收入合计\n0.30',
      '支出',
      '公共部位维修\n1,200.00',
      '支出合计\n1,200.00',
      '期末结余\n1,425,153.86',
    ])
    await seen(owner.page, '收支明细').scrollIntoViewIfNeeded()
    await screenshot(owner.page, 'disclosure-03-owner-reads-table')

    expect(staff.errors).toEqual([])
    expect(owner.errors).toEqual([])
  })
})
