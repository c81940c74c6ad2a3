/**
 * An owner of 丽泽华庭 votes in the seeded election of the estate's
 * first owners' committee: picks two of the five candidates (the picker
 * says 已选 2/3 and refuses nothing more than allowed), reviews the
 * names, passes the step-up check, confirms and holds a receipt naming
 * them. Screenshots in artifacts/e2e/election-*.png.
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
const BALLOT = 'lize-committee-2026'

jest.setTimeout(120_000)

let stack: Stack

beforeAll(async () => {
  stack = await startStack()
})

afterAll(async () => {
  await stack?.close()
})

describe('an owner votes in the committee election', () => {
  it('picks two of five candidates and gets a receipt naming them', async () => {
    const owner = testAccounts().find((a) => a.key === 'lize-owner')
    if (!owner) throw new Error('the seed has no 丽泽华庭 owner')
    const { page, errors } = await openPhone(stack)
    await signInAs(page, stack.baseUrl, owner)

    await openTab(page, '议事')
    const card = seen(page, '选举丽泽华庭第一届业主委员会')
    await card.waitFor({ timeout: STEP_TIMEOUT })
    await card.click()
    const vote = button(page, '去投票')
    await vote.waitFor({ timeout: STEP_TIMEOUT })
    await vote.click()

    const group = page
      .getByRole('group', { name: /选举业主委员会委员/ })
      .filter({ visible: true })
    await group.waitFor({ timeout: STEP_TIMEOUT })
    const candidates = group.getByRole('checkbox')
    await expect(candidates.count()).resolves.toBe(5)
    await seen(page, '已选 0/3').waitFor()
    await screenshot(page, 'election-01-candidates')

    await candidates.nth(0).click()
    await candidates.nth(2).click()
    await seen(page, '已选 2/3').waitFor({ timeout: STEP_TIMEOUT })
    await expect(candidates.nth(0).getAttribute('aria-checked')).resolves.toBe(
      'true',
    )
    const first = (await candidates.nth(0).getAttribute('aria-label')) ?? ''
    const third = (await candidates.nth(2).getAttribute('aria-label')) ?? ''
    const names = [first, third].map((label) => label.split(' ').at(-1))
    await screenshot(page, 'election-02-two-picked')

    await button(page, '下一步：核对选择').click()
    await seen(page, '核对您的选择').waitFor({ timeout: STEP_TIMEOUT })
    await seen(page, `选 ${names.join('、')}`).waitFor()
    await screenshot(page, 'election-03-review')
    await button(page, '下一步：验证身份').click()

    await button(page, '发送验证码').click()
    await page.getByLabel('短信验证码').fill(await mockSmsCode(page))
    await button(page, '验证并继续').click()
    await seen(page, /不可撤回/).waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, 'election-04-final-confirmation')
    await button(page, '确认提交').click()

    const receipt = seen(page, RECEIPT_CODE)
    await receipt.waitFor({ timeout: STEP_TIMEOUT })
    await button(page, '显示我的选择').click()
    await seen(page, `选 ${names.join('、')}`).waitFor()
    await screenshot(page, 'election-05-receipt')

    // The backend holds exactly those two picks for the owner's unit.
    const stored = stack.server.ctx.db
      .prepare(
        `SELECT v.choices FROM votes v JOIN persons p ON p.id = v.cast_by
          WHERE v.ballot_id = ? AND p.id_number = ?`,
      )
      .all(BALLOT, owner.idNumber) as { choices: string }[]
    expect(stored.map((s) => JSON.parse(s.choices))).toEqual([
      [
        {
          itemId: `${BALLOT}-1`,
          picks: [`${BALLOT}-1-c1`, `${BALLOT}-1-c3`],
        },
      ],
    ])
    expect(errors).toEqual([])
  })
})
