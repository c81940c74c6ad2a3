/**
 * What every browser test needs: the mock backend serving the real H5
 * build on a fresh in-memory store, a headless Chromium from Debian, and a
 * place for screenshots. The browser runs in a zone far from Shanghai so
 * that every time on screen proves it is shown in Shanghai time.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type Page } from 'playwright-core'

import { buildApp } from '../../mock-server/app'

const ROOT = path.resolve(__dirname, '../..')
export const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Without the networking flags Chromium keeps reaching for Google's hosts,
// which this machine's closed network refuses.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const PHONE = { width: 390, height: 844 }

export interface Stack {
  baseUrl: string
  server: FastifyInstance
  browser: Browser
  close(): Promise<void>
}

export interface StackOptions {
  /** The backend's clock; a test that moves time passes a movable one. */
  now?: () => number
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const server = await buildApp({
    dbPath: ':memory:',
    logger: false,
    staticDir: path.join(ROOT, 'dist', 'h5'),
    now: options.now,
  })
  const address = await server.listen({ port: 0, host: '127.0.0.1' })
  // Playwright gives each launch a fresh, empty profile of its own.
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    .catch(async (error: unknown) => {
      await server.close()
      throw error
    })
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  return {
    baseUrl: address,
    server,
    browser,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

/**
 * A fresh phone-sized page, as a person opening the app for the first
 * time, with every error the page throws collected for the test to check.
 */
export async function openPhone(
  stack: Stack,
): Promise<{ page: Page; errors: string[] }> {
  const context = await stack.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'America/Los_Angeles',
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return { page, errors }
}

/**
 * What the phone's screen shows. Not a full-page shot: Taro's H5 pages
 * scroll inside their own container, and the document behind them is
 * blank.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Taro's router slides a new page in: it renders off screen first and is
  // marked shown a moment later. Wait for the top page to arrive, as the
  // eye does. (A cancelled animation rejects `finished`; it has stopped.)
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll('.taro_page')).filter(
      (element) => getComputedStyle(element).display !== 'none',
    )
    const top = pages[pages.length - 1]
    return !top || top.classList.contains('taro_page_show')
  })
  await page.evaluate(async () => {
    await Promise.allSettled(document.getAnimations().map((a) => a.finished))
  })
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) })
}
