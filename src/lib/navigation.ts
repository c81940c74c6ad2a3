/**
 * Routes and the few moves between them. Pages navigate; features report
 * what happened through callbacks and do not know the routes.
 */
import Taro from '@tarojs/taro'

import { warn } from './log'

export const ROUTES = {
  home: '/pages/home/index',
  ballots: '/pages/ballots/index',
  repairs: '/pages/repairs/index',
  notices: '/pages/notices/index',
  me: '/pages/me/index',
  ballot: '/pages/ballot/index',
  vote: '/pages/vote/index',
  receipt: '/pages/receipt/index',
  login: '/pages/login/index',
  repairReport: '/pages/repair-report/index',
  repairCase: '/pages/repair-case/index',
  repairQueue: '/pages/repair-queue/index',
  repairProject: '/pages/repair-project/index',
  repairProjectNew: '/pages/repair-project-new/index',
  notice: '/pages/notice/index',
  noticePost: '/pages/notice-post/index',
  ballotResult: '/pages/ballot-result/index',
  proxies: '/pages/proxies/index',
  staffBallots: '/pages/staff-ballots/index',
  ballotEditor: '/pages/ballot-editor/index',
  ballotManage: '/pages/ballot-manage/index',
  audit: '/pages/audit/index',
} as const

const TAB_ROUTES: readonly string[] = [
  ROUTES.home,
  ROUTES.ballots,
  ROUTES.repairs,
  ROUTES.notices,
  ROUTES.me,
]

export function withQuery(
  route: string,
  query: Record<string, string | undefined>,
): string {
  const pairs = Object.entries(query)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return pairs.length > 0 ? `${route}?${pairs.join('&')}` : route
}

function pathOf(url: string): string {
  const path = url.split('?')[0]
  return path.startsWith('/') ? path : `/${path}`
}

function report(move: string) {
  return (cause: unknown) => warn(`${move} failed`, cause)
}

/** Opens a page; tab pages must be reached with switchTab. */
export function openPage(url: string): void {
  if (TAB_ROUTES.includes(pathOf(url))) {
    Taro.switchTab({ url: pathOf(url) }).catch(report('switchTab'))
  } else {
    Taro.navigateTo({ url }).catch(report('navigateTo'))
  }
}

/** Replaces the current page, for moves that should not be gone back to. */
export function replacePage(url: string): void {
  if (TAB_ROUTES.includes(pathOf(url))) {
    Taro.switchTab({ url: pathOf(url) }).catch(report('switchTab'))
  } else {
    Taro.redirectTo({ url }).catch(report('redirectTo'))
  }
}

// Router bookkeeping Taro adds to page parameters; not part of the route.
const INTERNAL_PARAMS = new Set(['$taroTimestamp', 'stamp'])

/** The current page with its parameters, to come back to after sign-in. */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router
  if (!router) return ROUTES.home
  const params: Record<string, string> = {}
  for (const [k, v] of Object.entries(router.params)) {
    if (!INTERNAL_PARAMS.has(k) && typeof v === 'string') params[k] = v
  }
  return withQuery(pathOf(router.path), params)
}

/** Sends the person to sign in, and back to `back` afterwards. */
export function goToSignIn(back: string = currentPageUrl()): void {
  if (pathOf(back) === ROUTES.login) return
  const url = withQuery(ROUTES.login, { back })
  // From a tab page the tab stays underneath; other pages are replaced so
  // that going back after sign-in does not land on a signed-out copy.
  if (TAB_ROUTES.includes(pathOf(back))) {
    Taro.navigateTo({ url }).catch(report('navigateTo'))
  } else {
    Taro.redirectTo({ url }).catch(report('redirectTo'))
  }
}
