/**
 * A repair case from a resident's photo to a confirmed, rated fix, in two
 * phones side by side: an owner reports a problem with a photo, the
 * property company's staff accept it, assign a team, start and resolve
 * it, and the owner confirms and rates it. Then the owner opens a works
 * project with its cost-sharing table. Screenshots in artifacts/e2e/.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'

import type { TestAccountKey } from '../../mock-server/registers/test-accounts'
import { testAccounts } from '../../mock-server/registers/test-accounts'
import { openPhone, screenshot, startStack, type Stack } from './support'
import { roadPhoto } from './test-photo'

const MOCK_SMS = /验证码\s*(\d{6})/
const STEP_TIMEOUT = 15_000

jest.setTimeout(180_000)

let stack: Stack
let photoPath: string

beforeAll(async () => {
  stack = await startStack()
  photoPath = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'linli-')),
    'road.png',
  )
  fs.writeFileSync(photoPath, roadPhoto())
})

afterAll(async () => {
  await stack?.close()
})

function seen(page: Page, text: string | RegExp) {
  return page.getByText(text).filter({ visible: true }).first()
}

function button(page: Page, name: string | RegExp) {
  return page.getByRole('button', { name }).filter({ visible: true }).first()
}

function radio(page: Page, group: string, name: string) {
  return page
    .getByRole('radiogroup', { name: group })
    .filter({ visible: true })
    .first()
    .getByRole('radio', { name, exact: true })
}

async function signIn(page: Page, key: TestAccountKey): Promise<void> {
  const who = testAccounts().find((a) => a.key === key)
  if (!who) throw new Error(`no test account ${key}`)
  await page.goto(stack.baseUrl)
  const login = page.getByRole('button', { name: '随申办授权登录' })
  await login.waitFor({ timeout: STEP_TIMEOUT })
  await login.click()
  await page.getByLabel('姓名').fill(who.name)
  await page.getByLabel('身份证号').fill(who.idNumber)
  await page.getByLabel('手机号').fill(who.phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  const hint = seen(page, MOCK_SMS)
  await hint.waitFor({ timeout: STEP_TIMEOUT })
  const code = MOCK_SMS.exec(await hint.innerText())?.[1] ?? ''
  await page.getByLabel('短信验证码').fill(code)
  await page.getByRole('button', { name: '提交实名认证' }).click()
  await seen(page, '认证成功').waitFor({ timeout: STEP_TIMEOUT })
  await page.getByRole('button', { name: '进入邻里共治' }).click()
}

async function openRepairsTab(page: Page): Promise<void> {
  await page.getByText('报修', { exact: true }).last().click()
  await button(page, '我要报修').waitFor({ timeout: STEP_TIMEOUT })
}

/** Staff choose a move, fill what it needs, and confirm it. */
async function staffMove(
  page: Page,
  move: string,
  fill: { label: string; value: string } | null = null,
): Promise<void> {
  await button(page, move).click()
  if (fill) {
    await page.getByLabel(fill.label).filter({ visible: true }).fill(fill.value)
  }
  await button(page, `确认${move}`).click()
}

describe('a repair case from photo to confirmed fix', () => {
  it('is reported with a photo, handled by staff, confirmed and rated by the resident', async () => {
    const resident = await openPhone(stack)
    const r = resident.page
    await signIn(r, 'owner')
    await openRepairsTab(r)
    await seen(r, '您还没有报修').waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(r, 'repair-01-tab')

    // The report, with a photo through the browser's file chooser.
    await button(r, '我要报修').click()
    await radio(r, '问题类别', '道路铺装').waitFor({ timeout: STEP_TIMEOUT })
    await radio(r, '问题类别', '道路铺装').click()
    await radio(r, '问题位置', '公共区域').click()
    await radio(r, '哪一处公共区域', '主干道路（1–8号楼）').click()
    await r.getByLabel('描述').fill('3号楼门前路面塌陷，雨天积水，老人容易绊倒')
    await radio(r, '紧急程度', '较急').click()
    const chooser = r.waitForEvent('filechooser')
    await button(r, /添加照片/).click()
    await (await chooser).setFiles(photoPath)
    await r
      .getByRole('list', { name: '照片，已添加 1 张' })
      .waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(r, 'repair-02-report-form')
    await button(r, '确认提交报修').click()

    await seen(r, '已提交').waitFor({ timeout: STEP_TIMEOUT })
    const caseId = /R\d{8}-\d{4}/.exec(
      await seen(r, /编号 R\d{8}-\d{4}/).innerText(),
    )?.[0]
    if (!caseId) throw new Error('the case page shows no case number')
    // The photo arrives through its signed link and is drawn.
    await r.waitForFunction(
      () =>
        Array.from(
          document.querySelectorAll<HTMLImageElement>(
            '.repair-photos__image img',
          ),
        ).some((img) => img.complete && img.naturalWidth === 160),
      undefined,
      { timeout: STEP_TIMEOUT },
    )
    await screenshot(r, 'repair-03-case-submitted')

    const stored = stack.server.ctx.db
      .prepare(
        `SELECT c.state, count(p.file_id) AS photos FROM repair_cases c
           LEFT JOIN repair_case_photos p ON p.case_id = c.id
          WHERE c.id = ? GROUP BY c.id`,
      )
      .get(caseId)
    expect(stored).toEqual({ state: 'submitted', photos: 1 })

    // Staff of the property company, on a phone of their own.
    const staff = await openPhone(stack)
    const s = staff.page
    await signIn(s, 'property-company')
    await openRepairsTab(s)
    await button(s, '报修队列（工作人员）').click()
    const card = s
      .getByRole('link', { name: /道路铺装 · 主干道路（1–8号楼）/ })
      .filter({ visible: true })
      .first()
    await card.waitFor({ timeout: STEP_TIMEOUT })
    await seen(s, /其中 \d+ 条已超时/).waitFor()
    await screenshot(s, 'repair-04-staff-queue')
    await card.click()

    await button(s, '受理').waitFor({ timeout: STEP_TIMEOUT })
    await staffMove(s, '受理')
    await staffMove(s, '派单', { label: '承接班组或人员', value: '工程维修组' })
    await staffMove(s, '开始处理')
    await staffMove(s, '处理完成', {
      label: '处理情况',
      value: '已用沥青修补塌陷处并压实',
    })
    await seen(s, '已解决待确认').waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(s, 'repair-05-staff-resolved')

    // Back to the resident: the whole timeline, then confirm and rate.
    await r.reload()
    await button(r, '确认已解决').waitFor({ timeout: STEP_TIMEOUT })
    await seen(r, '派单给 工程维修组').waitFor()
    await seen(r, '说明：已用沥青修补塌陷处并压实').waitFor()
    await screenshot(r, 'repair-06-resident-timeline')
    await button(r, '确认已解决').click()

    await radio(r, '满意度', '5 星 很满意').click()
    await r.getByLabel('评价（选填）').fill('两天就修好了')
    await screenshot(r, 'repair-07-rating')
    await button(r, '提交评价').click()
    await seen(r, '5 星（很满意）').waitFor({ timeout: STEP_TIMEOUT })
    await seen(r, '已确认办结').waitFor()
    await screenshot(r, 'repair-08-closed-and-rated')

    const closed = stack.server.ctx.db
      .prepare(
        'SELECT state, rating, rating_comment, team FROM repair_cases WHERE id = ?',
      )
      .get(caseId)
    expect(closed).toEqual({
      state: 'closed',
      rating: 5,
      rating_comment: '两天就修好了',
      team: '工程维修组',
    })
    const actions = (
      stack.server.ctx.db
        .prepare(
          'SELECT action FROM repair_events WHERE case_id = ? ORDER BY seq',
        )
        .all(caseId) as { action: string }[]
    ).map((e) => e.action)
    expect(actions).toEqual([
      'report',
      'accept',
      'assign',
      'start',
      'resolve',
      'confirm',
      'rated',
    ])

    // A works project on a common part, with its cost-sharing table.
    await r.goto(
      `${stack.baseUrl}/#/pages/repair-project/index?id=PJ-S-CHENXI-LIFT`,
    )
    await seen(r, '9号楼业主（100%）').waitFor({ timeout: STEP_TIMEOUT })
    await seen(r, /业委会批准|业主委员会批准/).waitFor()
    await screenshot(r, 'repair-09-project')

    expect(resident.errors).toEqual([])
    expect(staff.errors).toEqual([])
  })
})
