/**
 * The owners' committee of 晨曦名邸 puts an election on a ballot in the
 * H5 app: a draft for the whole estate, an item made an election of two
 * committee members from three candidates (one keeps their name back),
 * the roll checked, the ballot announced; an owner then reads the
 * candidates, as published, on the ballot's page.
 */
import { testAccounts } from '../../mock-server/registers/test-accounts'
import type { TestAccountKey } from '../../mock-server/registers/test-accounts'
import { movableClock } from './movable-clock'
import { openPhone, screenshot, startStack, type Stack } from './support'
import { button, openTab, seen, signInAs, STEP_TIMEOUT } from './voting-flows'

const TITLE = '增补晨曦名邸业主委员会委员'

const CANDIDATES = [
  { name: '周建国', statement: '退休工程师，愿意盯紧维修工程的质量。' },
  { name: '陈美玲', statement: '做财务工作，会按季度公开公共收益账目。' },
  { name: '刘志强', statement: '常在小区，晚上和周末都能处理问题。' },
]

jest.setTimeout(240_000)

const clock = movableClock()
let stack: Stack

beforeAll(async () => {
  stack = await startStack({ now: clock.now })
})

afterAll(async () => {
  await stack?.close()
})

function account(key: TestAccountKey) {
  const found = testAccounts().find((a) => a.key === key)
  if (!found) throw new Error(`the seed has no ${key}`)
  return found
}

describe('the owners committee puts an election on a ballot', () => {
  it('adds three candidates, sees the roll and announces it', async () => {
    const { page, errors } = await openPhone(stack)

    await signInAs(page, stack.baseUrl, account('owners-committee'))
    await openTab(page, '我的')
    await button(page, '组织表决（工作人员）').click({ timeout: STEP_TIMEOUT })
    await button(page, '新建表决').click({ timeout: STEP_TIMEOUT })
    await page.getByLabel('表决标题').fill(TITLE)
    await button(page, '保存草稿').click()

    await page
      .getByRole('heading', { name: '表决事项（0 项）' })
      .waitFor({ timeout: STEP_TIMEOUT })
    await page.getByLabel('事项名称').fill('选举业主委员会委员')
    await page.getByRole('radio', { name: '选举（业主委员会委员）' }).click()
    await page.getByLabel('应选人数').fill('2')
    await page.getByLabel('每位业主最多可选').fill('2')
    for (const [index, c] of CANDIDATES.entries()) {
      if (index > 0) await button(page, '添加候选人').click()
      await page.getByLabel(`${index + 1} 号候选人姓名`).fill(c.name)
      await page.getByLabel(`${index + 1} 号候选人简介`).fill(c.statement)
    }
    const third = page.getByRole('listitem', { name: '3 号候选人' })
    await third.getByRole('checkbox', { name: '公开姓名' }).click()
    await seen(page, '业主看到：刘*强 · 无照片 · 公开简介').waitFor()
    await screenshot(page, 'election-staff-01-candidates')

    await button(page, '添加事项').click()
    await seen(page, '第 1 项 选举业主委员会委员').waitFor({
      timeout: STEP_TIMEOUT,
    })
    await seen(page, '选举：应选 2 名，每人最多选 2 名').waitFor()
    await seen(page, '3 号 刘志强').waitFor()
    await seen(page, /房屋 \d+ 套 · 专有部分面积 .* 平方米/).waitFor({
      timeout: STEP_TIMEOUT,
    })
    await screenshot(page, 'election-staff-02-item-and-roll')

    await button(page, '公告表决').click()
    await button(page, '确认公告').click()
    await seen(page, '已公告').waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, 'election-staff-03-announced')

    const ballot = stack.server.ctx.db
      .prepare('SELECT id FROM ballots WHERE title = ?')
      .get(TITLE) as { id: string }
    const owner = await openPhone(stack)
    await signInAs(owner.page, stack.baseUrl, account('owner'))
    await owner.page.goto(
      `${stack.baseUrl}/#/pages/ballot/index?id=${ballot.id}`,
    )
    await owner.page
      .getByRole('listitem', { name: '3 号候选人 刘*强' })
      .waitFor({ timeout: STEP_TIMEOUT })
    await seen(owner.page, '做财务工作，会按季度公开公共收益账目。').waitFor()
    await screenshot(owner.page, 'election-staff-04-owner-reads')

    expect(errors).toEqual([])
    expect(owner.errors).toEqual([])
  })
})
