/**
 * Notices in a real browser: the residents' committee posts a notice with
 * a photo to building 3 only, and another to the whole estate whose text
 * holds a script tag. An owner of building 3 reads the first (which the
 * backend records) and sees the second as plain text, with nothing run;
 * an owner of building 6 never sees the first. Screenshots of each step
 * land in artifacts/e2e/.
 */
import { crc32, deflateSync } from 'node:zlib'

import type { Page } from 'playwright-core'

import type { TestAccountKey } from '../../mock-server/registers/test-accounts'
import { testAccounts } from '../../mock-server/registers/test-accounts'
import { openPhone, screenshot, startStack, type Stack } from './support'

const MOCK_SMS = /验证码\s*(\d{6})/
const STEP_TIMEOUT = 15_000

const LIFT_TITLE = '3号楼电梯年检（浏览器测试）'
const LIFT_BODY = '3号楼两部电梯周五上午轮流年检，每部约两小时。\n请错峰出行。'
const HOSTILE_TITLE = '小区通知：<b>请勿</b>在楼道堆物'
const HOSTILE_BODY =
  '<script>window.__pwned = "script"</script><img src=x onerror="window.__pwned = \'img\'">'

jest.setTimeout(180_000)

let stack: Stack

beforeAll(async () => {
  stack = await startStack()
})

afterAll(async () => {
  await stack?.close()
})

function seen(page: Page, text: string | RegExp) {
  return page.getByText(text).filter({ visible: true }).first()
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A 240×160 PNG in three bands, big enough to see in a screenshot. */
function photo(): Buffer {
  const width = 240
  const height = 160
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    const colour =
      y < 53 ? [10, 79, 163] : y < 106 ? [255, 255, 255] : [23, 105, 47]
    for (let x = 0; x < width; x++) row.set(colour, 1 + x * 3)
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
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

async function openNoticesTab(page: Page): Promise<void> {
  await page.getByText('公告', { exact: true }).last().click()
  await seen(page, /^共 \d+ 条/).waitFor({ timeout: STEP_TIMEOUT })
}

async function postNotice(
  page: Page,
  fill: () => Promise<void>,
  shot: string,
): Promise<void> {
  await page.getByRole('button', { name: '发布公告' }).click()
  await seen(page, '公告类别').waitFor({ timeout: STEP_TIMEOUT })
  await fill()
  await screenshot(page, shot)
  await page.getByRole('button', { name: '下一步：核对' }).click()
  await page.getByRole('button', { name: '确认发布' }).click()
}

async function typeInto(page: Page, label: string, text: string) {
  await page
    .getByRole('textbox', { name: label, exact: true })
    .filter({ visible: true })
    .fill(text)
}

describe('notices from staff to one building', () => {
  it('reach owners of that building only, read as text, with the read recorded', async () => {
    const dialogs: string[] = []

    // The residents' committee posts to building 3, with a photo.
    const staff = await openPhone(stack)
    staff.page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await signIn(staff.page, 'residents-committee')
    await openNoticesTab(staff.page)
    await postNotice(
      staff.page,
      async () => {
        const page = staff.page
        await typeInto(page, '标题', LIFT_TITLE)
        await typeInto(page, '正文', LIFT_BODY)
        await page.getByRole('radio', { name: '指定楼栋' }).click()
        await page.getByRole('checkbox', { name: '3号楼', exact: true }).click()
        const [chooser] = await Promise.all([
          page.waitForEvent('filechooser'),
          page.getByRole('button', { name: '添加图片' }).click(),
        ])
        await chooser.setFiles({
          name: 'lift.png',
          mimeType: 'image/png',
          buffer: photo(),
        })
        await seen(page, /^图片 1（/).waitFor({ timeout: STEP_TIMEOUT })
      },
      'notices-01-staff-writes',
    )
    await seen(staff.page, '公告详情').waitFor({ timeout: STEP_TIMEOUT })
    await seen(staff.page, LIFT_TITLE).waitFor({ timeout: STEP_TIMEOUT })
    await seen(staff.page, '范围：3号楼').waitFor()
    await seen(staff.page, /已读 0 人/).waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(staff.page, 'notices-02-staff-posted')

    // And one to the whole estate whose text holds markup and a script.
    await staff.page.goBack()
    await openNoticesTab(staff.page)
    await postNotice(
      staff.page,
      async () => {
        await typeInto(staff.page, '标题', HOSTILE_TITLE)
        await typeInto(staff.page, '正文', HOSTILE_BODY)
      },
      'notices-03-staff-writes-markup',
    )
    await seen(staff.page, HOSTILE_BODY).waitFor({ timeout: STEP_TIMEOUT })

    const { db } = stack.server.ctx
    const lift = db
      .prepare('SELECT id, audience FROM notices WHERE title = ?')
      .get(LIFT_TITLE) as { id: string; audience: string }
    expect(JSON.parse(lift.audience)).toEqual({
      kind: 'buildings',
      buildings: ['3'],
    })

    // An owner of building 3 sees it unread, opens it, sees the photo.
    const owner = await openPhone(stack)
    owner.page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await signIn(owner.page, 'owner')
    await openNoticesTab(owner.page)
    const card = owner.page
      .getByRole('link', { name: new RegExp(`^未读，.*${LIFT_TITLE}`) })
      .filter({ visible: true })
    await card.waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(owner.page, 'notices-04-owner-feed')
    await card.click()
    await seen(owner.page, /请错峰出行/).waitFor({ timeout: STEP_TIMEOUT })
    const image = owner.page.locator('img').filter({ visible: true }).first()
    await image.waitFor({ timeout: STEP_TIMEOUT })
    await expect(
      image.evaluate((img: HTMLImageElement) =>
        img.complete ? img.naturalWidth : 0,
      ),
    ).resolves.toBe(240)
    await screenshot(owner.page, 'notices-05-owner-reads')
    const person = testAccounts().find((a) => a.key === 'owner')
    const reads = db
      .prepare(
        `SELECT count(*) AS n FROM notice_reads r JOIN persons p
           ON p.id = r.person_id WHERE r.notice_id = ? AND p.id_number = ?`,
      )
      .get(lift.id, person?.idNumber) as { n: number }
    expect(reads.n).toBe(1)

    // The estate-wide notice shows its markup as the characters typed.
    await owner.page.goBack()
    await openNoticesTab(owner.page)
    await owner.page
      .getByRole('link', { name: new RegExp('请勿') })
      .filter({ visible: true })
      .click()
    await seen(owner.page, HOSTILE_BODY).waitFor({ timeout: STEP_TIMEOUT })
    await seen(owner.page, HOSTILE_TITLE).waitFor()
    await screenshot(owner.page, 'notices-06-markup-as-text')
    const page = owner.page
    await expect(
      page.evaluate(() => (window as { __pwned?: string }).__pwned),
    ).resolves.toBeUndefined()
    await expect(
      page.evaluate(
        () =>
          Array.from(document.querySelectorAll('script, b, img')).filter(
            (el) =>
              el.textContent?.includes('__pwned') ||
              el.getAttribute('onerror') !== null ||
              el.textContent === '请勿',
          ).length,
      ),
    ).resolves.toBe(0)

    // The quarter's public income: a table that adds up, and a chart.
    await page.goBack()
    await openNoticesTab(page)
    await page
      .getByRole('tab', { name: '公共收益公示' })
      .filter({ visible: true })
      .click()
    await page
      // Newest first: the last completed quarter, whatever today is.
      .getByRole('link', { name: /公共收益收支情况公示/ })
      .filter({ visible: true })
      .first()
      .click()
    const chart = page
      .getByRole('img', { name: /^收支图：期初结余/ })
      .filter({ visible: true })
    await chart.waitFor({ timeout: STEP_TIMEOUT })
    await expect(chart.getAttribute('aria-label')).resolves.toBe(
      '收支图：期初结余 1,248,399.86 元，本季收入 231,800.00 元，本季支出 53,846.30 元，期末结余 1,426,353.56 元',
    )
    await seen(page, '收支明细').scrollIntoViewIfNeeded()
    await screenshot(page, 'notices-08-public-income-table')
    await chart.scrollIntoViewIfNeeded()
    await screenshot(page, 'notices-09-public-income-chart')

    // The tripartite agreement's rectification list, with its history.
    await page.goBack()
    await openNoticesTab(page)
    await page
      .getByRole('tab', { name: '整改公示' })
      .filter({ visible: true })
      .click()
    await page
      .getByRole('link', { name: /三方联建协议/ })
      .filter({ visible: true })
      .click()
    const summary = seen(page, /^共 5 项，已完成 2 项，逾期 1 项/)
    await summary.waitFor({ timeout: STEP_TIMEOUT })
    await summary.scrollIntoViewIfNeeded()
    await screenshot(page, 'notices-10-rectification')

    // An owner of building 6 sees the estate-wide notice, not building 3's.
    const other = await openPhone(stack)
    await signIn(other.page, 'co-owner-a')
    await openNoticesTab(other.page)
    await seen(other.page, HOSTILE_TITLE).waitFor({ timeout: STEP_TIMEOUT })
    await expect(other.page.getByText(LIFT_TITLE).count()).resolves.toBe(0)
    await screenshot(other.page, 'notices-07-other-building')

    expect(dialogs).toEqual([])
    expect(staff.errors).toEqual([])
    expect(owner.errors).toEqual([])
    expect(other.errors).toEqual([])
  })
})
