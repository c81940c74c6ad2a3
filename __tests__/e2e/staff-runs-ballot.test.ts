/**
 * A member of the owners' committee runs a ballot from draft to published
 * result in the H5 app: drafts it for a few units, adds an item, checks
 * the roll, announces it; two owners vote once it opens; after the close
 * the member publishes the result, which writes the decision notice.
 * The backend's clock is moved between the steps (days pass); the staff
 * member signs in again each time, as their session has run out.
 */
import { testAccounts } from '../../mock-server/registers/test-accounts'
import type { BallotDetail } from '@/core/api-types'
import type { TestAccountKey } from '../../mock-server/registers/test-accounts'
import { postVote, signIn, stepUp } from '../api/helpers'
import { movableClock } from './movable-clock'
import { openPhone, screenshot, startStack, type Stack } from './support'
import {
  button,
  openTab,
  seen,
  signInAgain,
  signInAs,
  STEP_TIMEOUT,
} from './voting-flows'

const TITLE = '更换 3 号楼单元门禁'

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

/** "3号楼1201室" → "3-1201", as the editor takes units. */
function unitCode(label: string): string {
  const match = /^(\d+)号楼(\d+)室$/.exec(label)
  if (!match) throw new Error(`not a unit label: ${label}`)
  return `${match[1]}-${match[2]}`
}

/** An owner votes 同意 on every item through the API, as the app does. */
async function ownerVotes(key: TestAccountKey, ballotId: string) {
  const t = { app: stack.server, clock }
  const who = await signIn(t, key)
  const detail = await stack.server.inject({
    method: 'GET',
    url: `/api/ballots/${ballotId}`,
    headers: { authorization: `Bearer ${who.token}` },
  })
  const ballot = detail.json<BallotDetail>()
  const response = await postVote(stack.server, who.token, ballotId, {
    voterId: ballot.myVoters[0].voterId,
    choices: ballot.items.map((i) => ({ itemId: i.id, choice: 'agree' })),
    stepUpToken: await stepUp(t, who.token, ballotId),
  })
  expect(response.statusCode).toBe(201)
}

describe('a staff member runs a ballot', () => {
  it('drafts, announces, watches the turnout and publishes the result', async () => {
    const staff = account('owners-committee')
    const units = [
      ...account('owner').units,
      ...account('multi-owner').units,
    ].map(unitCode)
    const { page, errors } = await openPhone(stack)

    await signInAs(page, stack.baseUrl, staff)
    await openTab(page, '我的')
    await button(page, '组织表决（工作人员）').click({ timeout: STEP_TIMEOUT })
    await seen(page, '业委会').waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, 'staff-01-ballot-list')
    await button(page, '新建表决').click()

    await page.getByLabel('表决标题').fill(TITLE)
    await page.getByRole('radio', { name: '部分房屋的业主' }).click()
    await page.getByLabel('房屋（楼号-室号）').fill(units.join('、'))
    await screenshot(page, 'staff-02-new-draft')
    await button(page, '保存草稿').click()

    await page
      .getByRole('heading', { name: '表决事项（0 项）' })
      .waitFor({ timeout: STEP_TIMEOUT })
    await page.getByLabel('事项名称').fill('使用公共收益更换单元门禁')
    await button(page, '添加事项').click()
    await seen(page, '第 1 项 使用公共收益更换单元门禁').waitFor({
      timeout: STEP_TIMEOUT,
    })
    // Four units, two owners: three units of one buyer are one person.
    await seen(page, /房屋 4 套 · .* · 业主人数 2 人/).waitFor()
    await screenshot(page, 'staff-03-draft-with-roll')
    await button(page, '公告表决').click()
    await button(page, '确认公告').click()
    await seen(page, '已公告').waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, 'staff-04-announced')

    const ballot = stack.server.ctx.db
      .prepare('SELECT id, opens_at, closes_at FROM ballots WHERE title = ?')
      .get(TITLE) as { id: string; opens_at: number; closes_at: number }

    // Fifteen days on, voting opens; both owners vote.
    clock.moveTo(ballot.opens_at)
    await ownerVotes('owner', ballot.id)
    await ownerVotes('multi-owner', ballot.id)
    // The session ran out meanwhile: signing in again returns to the page.
    await page.reload()
    await signInAgain(page)
    await seen(page, '已有 2 户投票，其中 0 户由代理人投票').waitFor({
      timeout: STEP_TIMEOUT,
    })
    await seen(page, /不显示同意、反对的票数/).waitFor()
    await screenshot(page, 'staff-05-turnout-while-open')

    // After the deadline: count, then publish.
    clock.moveTo(ballot.closes_at)
    await page.reload()
    await signInAgain(page)
    await seen(page, '✓ 通过').waitFor({ timeout: STEP_TIMEOUT })
    await seen(page, '第一步：参与表决的业主够不够').scrollIntoViewIfNeeded()
    await screenshot(page, 'staff-06-count-before-publishing')
    await button(page, '公布结果').click()
    await button(page, '确认公布').click()
    await seen(page, '✓ 结果已公布，已生成决定公告').waitFor({
      timeout: STEP_TIMEOUT,
    })
    await screenshot(page, 'staff-07-published')

    const notice = stack.server.ctx.db
      .prepare(
        "SELECT title FROM notices WHERE source_ballot_id = ? AND category = 'decision'",
      )
      .get(ballot.id)
    expect(notice).toEqual({ title: `表决结果公布：${TITLE}` })
    expect(errors).toEqual([])
  })
})
