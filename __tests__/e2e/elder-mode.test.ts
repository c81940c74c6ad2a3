/**
 * 长辈模式 from a person's side: switched on in 我的, it enlarges the type
 * of the screens and of the tab bar, survives a reload, and the vote flow
 * then asks one item per screen.
 */
import type { Page } from 'playwright-core'

import { testAccounts } from '../../mock-server/registers/test-accounts'
import { openPhone, screenshot, startStack, type Stack } from './support'
import { button, openTab, seen, signInAs, STEP_TIMEOUT } from './voting-flows'

jest.setTimeout(120_000)

let stack: Stack

beforeAll(async () => {
  stack = await startStack()
})

afterAll(async () => {
  await stack?.close()
})

/** The computed font size, in CSS pixels, of what shows `text`. */
async function fontSize(page: Page, text: string): Promise<number> {
  const size = await seen(page, text).evaluate(
    (element) => getComputedStyle(element).fontSize,
  )
  return Number.parseFloat(size)
}

function tabLabel(page: Page, name: string) {
  return page.locator('.weui-tabbar__label', { hasText: name }).first()
}

describe('elder mode', () => {
  it('enlarges the screens and the tab bar, and keeps doing so after a reload', async () => {
    const owner = testAccounts().find((a) => a.key === 'owner')
    if (!owner) throw new Error('the seed has no single-unit owner')
    const { page, errors } = await openPhone(stack)
    await signInAs(page, stack.baseUrl, owner)

    await openTab(page, '我的')
    const toggle = page.getByRole('switch', { name: '长辈模式' })
    await toggle.waitFor({ timeout: STEP_TIMEOUT })
    const textBefore = await fontSize(page, '退出登录')
    const tabBefore = Number.parseFloat(
      await tabLabel(page, '议事').evaluate(
        (e) => getComputedStyle(e).fontSize,
      ),
    )
    await toggle.click()
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true')
    await screenshot(page, 'elder-01-me')

    const textAfter = await fontSize(page, '退出登录')
    const tabAfter = Number.parseFloat(
      await tabLabel(page, '议事').evaluate(
        (e) => getComputedStyle(e).fontSize,
      ),
    )
    expect(textAfter).toBeGreaterThanOrEqual(20)
    expect(textAfter).toBeGreaterThan(textBefore)
    expect(tabAfter).toBeGreaterThan(tabBefore)

    await page.reload()
    await openTab(page, '议事')
    await seen(page, '投票中').waitFor({ timeout: STEP_TIMEOUT })
    await screenshot(page, 'elder-02-ballots')
    const reloaded = Number.parseFloat(
      await tabLabel(page, '议事').evaluate(
        (e) => getComputedStyle(e).fontSize,
      ),
    )
    expect(reloaded).toBe(tabAfter)

    await seen(page, '改变共有部分用途增设地面停车位').click()
    await button(page, '去投票').click({ timeout: STEP_TIMEOUT })
    // One item per screen: one group of choices, and a way to the next.
    await page
      .getByRole('radiogroup')
      .first()
      .waitFor({ timeout: STEP_TIMEOUT })
    await expect(page.getByRole('radiogroup').count()).resolves.toBe(1)
    await screenshot(page, 'elder-03-one-item')
    expect(errors).toEqual([])
  })
})
