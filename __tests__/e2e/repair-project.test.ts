/**
 * Works on a common part, in two phones: the property company's staff
 * turn a seeded road case into a project (budget, a 60/40 split with the
 * developer, the approving ballot, a milestone), then move its progress;
 * an owner on the residents' inspection team logs a site check with a
 * photo. Screenshots in artifacts/e2e/.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'

import type { TestAccountKey } from '../../mock-server/registers/test-accounts'
import { testAccounts } from '../../mock-server/registers/test-accounts'
import { openPhone, screenshot, startStack, type Stack } from './support'
import { roadPhoto } from './test-photo'
import { button, seen, signInAs, STEP_TIMEOUT } from './voting-flows'

// An in-progress case about the main road of buildings 9–24, no project.
const CASE_ID = 'S-CHENXI-ROAD'
const PROJECT_ID = `PJ-${CASE_ID}`

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

async function signIn(page: Page, key: TestAccountKey): Promise<void> {
  const who = testAccounts().find((a) => a.key === key)
  if (!who) throw new Error(`no test account ${key}`)
  await signInAs(page, stack.baseUrl, who)
  await seen(page, '首页').waitFor({ timeout: STEP_TIMEOUT })
}

function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).filter({ visible: true })
}

function radio(page: Page, group: string, name: string) {
  return page
    .getByRole('radiogroup', { name: group })
    .filter({ visible: true })
    .first()
    .getByRole('radio', { name, exact: true })
}

describe('a works project on a common part', () => {
  it('is made from a case by staff, moved forward, and checked on site by the inspection team', async () => {
    const staff = await openPhone(stack)
    const s = staff.page
    await signIn(s, 'property-company')
    await s.goto(`${stack.baseUrl}/#/pages/repair-case/index?id=${CASE_ID}`)
    await button(s, /转为工程项目/).click({ timeout: STEP_TIMEOUT })

    await field(s, '工程名称').waitFor({ timeout: STEP_TIMEOUT })
    await field(s, '工程名称').fill('9–24号楼主干道路面翻修')
    await field(s, '预算（元）').fill('186500.01')
    await field(s, '第 1 方比例（%）').fill('60')
    await seen(s, '合计 60%，还差 40%').waitFor()
    await button(s, '添加分摊方').click()
    await field(s, '第 2 方名称').fill('开发商')
    await field(s, '第 2 方比例（%）').fill('40')
    await radio(s, '第 2 方怎样分摊', '其他单位（整笔承担）').click()
    await seen(s, '合计 100%，可以提交').waitFor()
    await radio(s, '批准的表决（已公布结果）', '选聘物业服务企业').click()
    await button(s, '添加节点').click()
    await field(s, '第 1 个节点名称').fill('铣刨旧路面')
    await field(s, '第 1 个节点计划日期').fill('2027-01-15')

    // The left-over fen goes to the owners, whose remainder is larger.
    const preview = s.getByRole('table', { name: '分摊预览' })
    await expect(preview.getByRole('row').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/全体业主（60%）\s*¥111,900\.01 \*/),
      expect.stringMatching(/开发商（40%）\s*¥74,600\.00/),
      expect.stringMatching(/合计\s*¥186,500\.01/),
    ])
    await screenshot(s, 'repair-project-01-form')
    await button(s, '确认立项').click()

    await seen(s, '经业主表决通过：选聘物业服务企业').waitFor({
      timeout: STEP_TIMEOUT,
    })
    await seen(s, '全体业主（60%）').waitFor()
    await screenshot(s, 'repair-project-02-created')

    await field(s, '进度（0–100）').fill('30')
    await radio(s, '同时标记完成的节点', '1. 铣刨旧路面').click()
    await field(s, '进展说明（选填）').fill('旧路面已铣刨完毕')
    await button(s, '保存进度').click()
    await seen(s, '进度 30%').waitFor({ timeout: STEP_TIMEOUT })
    await seen(s, /✓ 已完成 · 铣刨旧路面/).waitFor()
    await screenshot(s, 'repair-project-03-progress')

    // An owner on the residents' inspection team, on a phone of their own.
    const inspector = await openPhone(stack)
    const i = inspector.page
    await signIn(i, 'multi-owner')
    await i.goto(
      `${stack.baseUrl}/#/pages/repair-project/index?id=${PROJECT_ID}`,
    )
    await radio(i, '检查结论', '发现问题').click({ timeout: STEP_TIMEOUT })
    await field(i, '检查情况').fill('12号楼前井盖比路面低约 2 厘米')
    const chooser = i.waitForEvent('filechooser')
    await button(i, /添加照片/).click()
    await (await chooser).setFiles(photoPath)
    await i
      .getByRole('list', { name: '现场照片，已添加 1 张' })
      .waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(i, 'repair-project-04-site-check-form')
    await button(i, '提交检查记录').click()
    await seen(
      i,
      /发现问题：12号楼前井盖比路面低约 2 厘米（照片 1 张）/,
    ).waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(i, 'repair-project-05-site-check-logged')

    const db = stack.server.ctx.db
    expect(
      db
        .prepare(
          'SELECT progress, budget_fen, ballot_id FROM repair_projects WHERE id = ?',
        )
        .get(PROJECT_ID),
    ).toEqual({
      progress: 30,
      budget_fen: 18650001,
      ballot_id: 'chenxi-property-2025',
    })
    expect(
      db
        .prepare(
          'SELECT passed, note, photo_ids FROM repair_inspections WHERE project_id = ?',
        )
        .all(PROJECT_ID)
        .map((r) => ({
          ...(r as { passed: number; note: string; photo_ids: string }),
          photo_ids: JSON.parse((r as { photo_ids: string }).photo_ids)
            .length as number,
        })),
    ).toEqual([
      { passed: 0, note: '12号楼前井盖比路面低约 2 厘米', photo_ids: 1 },
    ])
    expect(staff.errors).toEqual([])
    expect(inspector.errors).toEqual([])
  })
})
