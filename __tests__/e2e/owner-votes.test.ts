/**
 * A seeded owner opens the H5 app for the first time, signs in with the
 * mocked 随申办 authorisation and real-name verification, opens an open
 * ballot of their estate, votes on every item and holds a receipt. Each
 * step leaves a screenshot in artifacts/e2e/.
 */
import type { Page } from 'playwright-core'

import { testAccounts } from '../../mock-server/registers/test-accounts'
import { openPhone, screenshot, startStack, type Stack } from './support'

const MOCK_SMS = /验证码\s*(\d{6})/
const RECEIPT_CODE = /[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}/
const STEP_TIMEOUT = 15_000

jest.setTimeout(120_000)

let stack: Stack

beforeAll(async () => {
  stack = await startStack()
})

afterAll(async () => {
  await stack?.close()
})

// Taro's H5 router keeps earlier pages in the document, hidden; a person
// only reads what is shown.
function seen(page: Page, text: string | RegExp) {
  return page.getByText(text).filter({ visible: true }).first()
}

async function mockSmsCode(page: Page): Promise<string> {
  const hint = seen(page, MOCK_SMS)
  await hint.waitFor({ timeout: STEP_TIMEOUT })
  const code = MOCK_SMS.exec(await hint.innerText())?.[1]
  if (!code) throw new Error('the mock SMS hint shows no code')
  return code
}

function openBallot(estateId: string): { id: string; title: string } {
  const now = Date.now()
  return stack.server.ctx.db
    .prepare(
      `SELECT id, title FROM ballots
        WHERE estate_id = ? AND announced_at IS NOT NULL
          AND published_at IS NULL AND opens_at <= ? AND closes_at > ?
        ORDER BY closes_at LIMIT 1`,
    )
    .get(estateId, now, now) as { id: string; title: string }
}

describe('an owner votes from their phone', () => {
  it('signs in, votes on every item of an open ballot and gets a receipt', async () => {
    const owner = testAccounts().find((a) => a.key === 'owner')
    if (!owner) throw new Error('the seed has no single-unit owner')
    const ballot = openBallot(owner.estateId)
    const { page, errors } = await openPhone(stack)

    await page.goto(stack.baseUrl)
    const login = page.getByRole('button', { name: '随申办授权登录' })
    await login.waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, '01-sign-in')
    await login.click()

    await page.getByLabel('姓名').fill(owner.name)
    await page.getByLabel('身份证号').fill(owner.idNumber)
    await page.getByLabel('手机号').fill(owner.phone)
    await page.getByRole('button', { name: '获取验证码' }).click()
    await page.getByLabel('短信验证码').fill(await mockSmsCode(page))
    await screenshot(page, '02-real-name-verification')
    await page.getByRole('button', { name: '提交实名认证' }).click()

    await seen(page, '认证成功').waitFor({ timeout: STEP_TIMEOUT })
    await seen(page, owner.name).waitFor()
    await screenshot(page, '03-verified-owner')
    await page.getByRole('button', { name: '进入邻里共治' }).click()

    await page.getByText('议事', { exact: true }).last().click()
    const card = seen(page, ballot.title)
    await card.waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, '04-ballot-list')
    await card.click()

    const vote = page.getByRole('button', { name: '去投票' })
    await vote.waitFor({ timeout: STEP_TIMEOUT })
    await seen(page, /三分之二/).waitFor()
    await screenshot(page, '05-ballot-detail')
    await vote.click()

    const groups = page.getByRole('radiogroup')
    await groups.first().waitFor({ timeout: STEP_TIMEOUT })
    const items = await groups.count()
    expect(items).toBeGreaterThan(0)
    for (let i = 0; i < items; i++) {
      await groups.nth(i).getByRole('radio', { name: '同意' }).click()
    }
    await expect(
      groups
        .first()
        .getByRole('radio', { name: '同意' })
        .getAttribute('aria-checked'),
    ).resolves.toBe('true')
    await screenshot(page, '06-choices')
    await page.getByRole('button', { name: '下一步：核对选择' }).click()

    await seen(page, '核对您的选择').waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, '07-review')
    await page.getByRole('button', { name: '下一步：验证身份' }).click()

    await page.getByRole('button', { name: '发送验证码' }).click()
    await page.getByLabel('短信验证码').fill(await mockSmsCode(page))
    await screenshot(page, '08-step-up')
    await page.getByRole('button', { name: '验证并继续' }).click()

    await seen(page, /不可撤回/).waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, '09-final-confirmation')
    await page.getByRole('button', { name: '确认提交' }).click()

    const receipt = seen(page, RECEIPT_CODE)
    await receipt.waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, '10-receipt')
    const shown = RECEIPT_CODE.exec(await receipt.innerText())?.[0]

    // The receipt on screen is the vote the backend holds.
    const stored = stack.server.ctx.db
      .prepare(
        `SELECT v.entry_hash AS hash FROM votes v
           JOIN persons p ON p.id = v.cast_by
          WHERE v.ballot_id = ? AND p.id_number = ?`,
      )
      .all(ballot.id, owner.idNumber) as { hash: string }[]
    expect(stored).toHaveLength(1)
    const { receiptCode } = await import('@/core/record')
    expect(shown).toBe(receiptCode(stored[0].hash))
    expect(errors).toEqual([])
  })
})
