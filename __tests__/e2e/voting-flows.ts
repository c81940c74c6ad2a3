/**
 * Steps the voting browser tests share: signing a test account in as a
 * person does it, and finding what is shown on Taro's H5 pages.
 */
import type { Page } from 'playwright-core'

import type { TestAccount } from '../../mock-server/registers/test-accounts'

const MOCK_SMS = /验证码\s*(\d{6})/
export const STEP_TIMEOUT = 15_000

// Taro's H5 router keeps earlier pages in the document, hidden; a person
// only reads what is shown.
export function seen(page: Page, text: string | RegExp) {
  return page.getByText(text).filter({ visible: true }).first()
}

export function button(page: Page, name: string | RegExp) {
  return page.getByRole('button', { name }).filter({ visible: true }).first()
}

export async function mockSmsCode(page: Page): Promise<string> {
  const hint = seen(page, MOCK_SMS)
  await hint.waitFor({ timeout: STEP_TIMEOUT })
  const code = MOCK_SMS.exec(await hint.innerText())?.[1]
  if (!code) throw new Error('the mock SMS hint shows no code')
  return code
}

/** The mocked 随申办 authorisation and real-name verification. */
export async function signInAs(
  page: Page,
  baseUrl: string,
  who: TestAccount,
): Promise<void> {
  await page.goto(baseUrl)
  const login = page.getByRole('button', { name: '随申办授权登录' })
  await login.waitFor({ timeout: STEP_TIMEOUT })
  await login.click()
  await page.getByLabel('姓名').fill(who.name)
  await page.getByLabel('身份证号').fill(who.idNumber)
  await page.getByLabel('手机号').fill(who.phone)
  await button(page, '获取验证码').click()
  await page.getByLabel('短信验证码').fill(await mockSmsCode(page))
  await button(page, '提交实名认证').click()
  await seen(page, '认证成功').waitFor({ timeout: STEP_TIMEOUT })
  await button(page, '进入邻里共治').click()
}

/** Signs in again after the session ran out (the device stays bound). */
export async function signInAgain(page: Page): Promise<void> {
  const login = button(page, '随申办授权登录')
  await login.waitFor({ timeout: STEP_TIMEOUT })
  await login.click()
  await button(page, '进入邻里共治').click({ timeout: STEP_TIMEOUT })
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByText(name, { exact: true }).last().click()
}
