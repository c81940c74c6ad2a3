/**
 * An owner votes, waits for the vote to be sealed, checks on the phone
 * that it is in a block signed by the endorsers, and then audits a closed
 * ballot of their estate in full. The app checks against the public keys
 * its build embeds, which are the keys this test server signs with
 * (.data/keys). Screenshots in artifacts/e2e/.
 */
import type { Page } from 'playwright-core'

import { testAccounts } from '../../mock-server/registers/test-accounts'
import { startSealing } from '../../mock-server/services/ledger'
import { openPhone, screenshot, startStack, type Stack } from './support'

const MOCK_SMS = /验证码\s*(\d{6})/
const RECEIPT_CODE = /[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}/
const STEP_TIMEOUT = 15_000
const SEAL_EVERY_MS = 1000
const CLOSED_BALLOT = 'chenxi-audit-2025'

jest.setTimeout(180_000)

let stack: Stack
let stopSealing: () => void

beforeAll(async () => {
  stack = await startStack()
  // As main.ts's server does, a little faster so the test waits less.
  stopSealing = startSealing(stack.server.ctx, SEAL_EVERY_MS, (error) => {
    throw error
  })
})

afterAll(async () => {
  stopSealing?.()
  await stack?.close()
})

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

function sealedThrough(ballotId: string): number {
  const row = stack.server.ctx.db
    .prepare('SELECT max(to_seq) AS seq FROM ledger_blocks WHERE ballot_id = ?')
    .get(ballotId) as { seq: number | null }
  return row.seq ?? 0
}

async function signInAndVote(page: Page, ballotTitle: string) {
  const owner = testAccounts().find((a) => a.key === 'owner')
  if (!owner) throw new Error('the seed has no single-unit owner')
  await page.goto(stack.baseUrl)
  await page
    .getByRole('button', { name: '随申办授权登录' })
    .click({ timeout: STEP_TIMEOUT })
  await page.getByLabel('姓名').fill(owner.name)
  await page.getByLabel('身份证号').fill(owner.idNumber)
  await page.getByLabel('手机号').fill(owner.phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  await page.getByLabel('短信验证码').fill(await mockSmsCode(page))
  await page.getByRole('button', { name: '提交实名认证' }).click()
  await page
    .getByRole('button', { name: '进入邻里共治' })
    .click({ timeout: STEP_TIMEOUT })

  await page.getByText('议事', { exact: true }).last().click()
  await seen(page, ballotTitle).click({ timeout: STEP_TIMEOUT })
  await page.getByRole('button', { name: '去投票' }).click({
    timeout: STEP_TIMEOUT,
  })
  const groups = page.getByRole('radiogroup')
  await groups.first().waitFor({ timeout: STEP_TIMEOUT })
  const items = await groups.count()
  for (let i = 0; i < items; i++) {
    await groups.nth(i).getByRole('radio', { name: '同意' }).click()
  }
  await page.getByRole('button', { name: '下一步：核对选择' }).click()
  await page.getByRole('button', { name: '下一步：验证身份' }).click()
  await page.getByRole('button', { name: '发送验证码' }).click()
  await page.getByLabel('短信验证码').fill(await mockSmsCode(page))
  await page.getByRole('button', { name: '验证并继续' }).click()
  await page.getByRole('button', { name: '确认提交' }).click({
    timeout: STEP_TIMEOUT,
  })
  return owner
}

describe('an owner checks the record from their phone', () => {
  it('votes, verifies the sealed vote and audits a closed ballot', async () => {
    const owner = testAccounts().find((a) => a.key === 'owner')
    if (!owner) throw new Error('the seed has no single-unit owner')
    const ballot = openBallot(owner.estateId)
    const { page, errors } = await openPhone(stack)
    await signInAndVote(page, ballot.title)

    // The receipt: signed, checked offline, the choice hidden until asked.
    await seen(page, RECEIPT_CODE).waitFor({ timeout: STEP_TIMEOUT })
    await seen(
      page,
      '✓ 回执签名有效：已在本机用应用内置的公钥核对，无需联网',
    ).waitFor()
    await seen(page, '选择已隐藏，以免旁人看到').waitFor()
    expect(await seen(page, '同意').count()).toBe(0)
    await screenshot(page, '11-receipt-signed-choice-hidden')
    await page.getByRole('button', { name: '显示我的选择' }).click()
    await seen(page, '同意').waitFor()
    await page.getByRole('button', { name: '隐藏我的选择' }).click()

    // Wait for the sealing timer to cover the vote, as an owner would.
    const seq = (
      stack.server.ctx.db
        .prepare(
          `SELECT v.seq FROM votes v JOIN persons p ON p.id = v.cast_by
            WHERE v.ballot_id = ? AND p.id_number = ?`,
        )
        .get(ballot.id, owner.idNumber) as { seq: number }
    ).seq
    const deadline = Date.now() + STEP_TIMEOUT
    while (sealedThrough(ballot.id) < seq) {
      if (Date.now() > deadline) throw new Error('the vote was never sealed')
      await page.waitForTimeout(200)
    }

    await page.getByRole('button', { name: '核验我的投票' }).click()
    const verdict = seen(
      page,
      /^✓ 已记录，已由 3 方中的 3 方（镇政府、居委会、业委会）签署封存，于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/,
    )
    await verdict.waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, '12-vote-verified')
    await page.getByRole('button', { name: '查看核验细节' }).click()
    await seen(
      page,
      /✓ 默克尔路径：从您的条目经 \d+ 步算到第 \d+ 个区块的根/,
    ).waitFor()
    await seen(page, /✓ 业委会的签名/).waitFor()
    await screenshot(page, '13-verification-details')

    // A closed ballot of the estate, checked in full.
    const closedTitle = (
      stack.server.ctx.db
        .prepare('SELECT title FROM ballots WHERE id = ?')
        .get(CLOSED_BALLOT) as { title: string }
    ).title
    // Back to the tab pages, as the phone's back gesture does.
    const meTab = page.getByText('我的', { exact: true }).filter({
      visible: true,
    })
    while ((await meTab.count()) === 0) {
      await page.goBack()
      await page.waitForTimeout(500)
    }
    await meTab.last().click()
    await page.getByRole('button', { name: '核验表决记录' }).click({
      timeout: STEP_TIMEOUT,
    })
    await seen(page, closedTitle).click({ timeout: STEP_TIMEOUT })
    await page.getByRole('button', { name: '开始全量核验' }).click({
      timeout: STEP_TIMEOUT,
    })
    await seen(page, '✓ 全量核验通过：记录完整，未发现改动').waitFor({
      timeout: 60_000,
    })
    await seen(page, '结果尚未公布，未作比对').waitFor()
    await screenshot(page, '14-audit-passed')

    const entries = (
      stack.server.ctx.db
        .prepare('SELECT count(*) AS n FROM record_entries WHERE ballot_id = ?')
        .get(CLOSED_BALLOT) as { n: number }
    ).n
    await seen(page, `记录：共 ${entries} 条`).waitFor()
    expect(errors).toEqual([])
  })
})
