/**
 * A stand-in for the WeChat client, just enough to boot a built
 * mini-program in Node: WeChat DevTools does not run here. It loads
 * dist/weapp into its own VM context with `wx`, `App`, `Page` and
 * `Component` globals, keeps each page's `setData` tree, forwards
 * `wx.request` to a real HTTP server, and dispatches taps and input the
 * way the WeChat view layer would (through the page's `eh` handler).
 *
 * What it does not do: render WXML or run WXS. Tests read the data tree
 * Taro sends to the view layer, which is what the templates render.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

type Callback = (result: unknown) => void

interface ApiOptions {
  success?: Callback
  fail?: Callback
  complete?: Callback
  [key: string]: unknown
}

/** One node of the tree Taro sends with setData. */
export interface MiniNode {
  nn?: string
  sid?: string
  uid?: string
  v?: string
  cn?: MiniNode[]
  [prop: string]: unknown
}

export interface HostOptions {
  dir: string
  /** Every request to `fromOrigin` goes to `toOrigin` instead. */
  fromOrigin: string
  toOrigin: string
  /** The code `wx.login` hands out. */
  loginCode: string
  storage?: Record<string, unknown>
}

export interface Navigation {
  kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'
  url?: string
}

const SYSTEM_INFO = {
  brand: 'devtools',
  model: 'node-host',
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'devtools',
  SDKVersion: '3.5.0',
  fontSizeSetting: 16,
  safeArea: { top: 44, left: 0, right: 375, bottom: 778, width: 375 },
}

/** "root.cn.[0].cn[2].v" → ['root', 'cn', 0, 'cn', 2, 'v'] */
function pathSegments(key: string): (string | number)[] {
  const segments: (string | number)[] = []
  for (const match of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1])
  }
  return segments
}

function setPath(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): void {
  const segments = pathSegments(key)
  let cursor: Record<string | number, unknown> = target
  segments.slice(0, -1).forEach((segment, i) => {
    const next = segments[i + 1]
    if (cursor[segment] === undefined || cursor[segment] === null) {
      cursor[segment] = typeof next === 'number' ? [] : {}
    }
    cursor = cursor[segment] as Record<string | number, unknown>
  })
  cursor[segments[segments.length - 1]] = value
}

function walk(node: unknown, visit: (node: MiniNode) => void): void {
  if (node === null || typeof node !== 'object') return
  const current = node as MiniNode
  visit(current)
  for (const child of current.cn ?? []) walk(child, visit)
}

/** All text in the tree, in document order. */
export function textsOf(root: unknown): string[] {
  const texts: string[] = []
  walk(root, (node) => {
    if (typeof node.v === 'string' && node.v.trim() !== '') texts.push(node.v)
  })
  return texts
}

/** Finds the nearest node around a text that has a tap target. */
function ancestorsOf(root: MiniNode, match: (node: MiniNode) => boolean) {
  const trail: MiniNode[] = []
  let found: MiniNode[] | null = null
  const visit = (node: MiniNode) => {
    if (found) return
    trail.push(node)
    if (match(node)) found = [...trail]
    for (const child of node.cn ?? []) visit(child)
    trail.pop()
  }
  visit(root)
  return found as MiniNode[] | null
}

export class MiniPage {
  readonly route: string
  readonly instance: Record<string, unknown> & { data: Record<string, unknown> }

  constructor(route: string, instance: MiniPage['instance']) {
    this.route = route
    this.instance = instance
  }

  get root(): MiniNode {
    return (this.instance.data.root ?? {}) as MiniNode
  }

  texts(): string[] {
    return textsOf(this.root)
  }

  /** The page's text run together, as a reader sees it. */
  text(): string {
    return this.texts().join('')
  }

  async waitFor(
    condition: () => boolean,
    what: string,
    timeoutMs = 5000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!condition()) {
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${what}; page shows: ${this.text().slice(0, 600)}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  waitForText(text: string, timeoutMs?: number): Promise<void> {
    return this.waitFor(
      () => this.text().includes(text),
      `"${text}"`,
      timeoutMs,
    )
  }

  /**
   * Sends an event to the element around the first text node containing
   * `text`, or to the first element whose aria label is `text`.
   */
  private dispatch(text: string, type: string, detail: object): void {
    const trail = ancestorsOf(
      this.root,
      (node) =>
        node.ariaLabel === text ||
        (typeof node.v === 'string' && node.v.includes(text)),
    )
    if (!trail) throw new Error(`nothing on the page shows "${text}"`)
    // Text nodes carry `v` and take no events; their elements do.
    const element = [...trail]
      .reverse()
      .find((node) => node.sid && node.v === undefined)
    if (!element?.sid) throw new Error(`"${text}" has no element around it`)
    this.fire(element.sid, type, detail)
  }

  fire(sid: string, type: string, detail: object = {}): void {
    const handler = this.instance.eh as (event: object) => void
    const target = { id: sid, dataset: { sid } }
    handler.call(this.instance, {
      type,
      timeStamp: Date.now(),
      detail,
      target,
      currentTarget: target,
    })
  }

  tap(text: string): void {
    this.dispatch(text, 'tap', { x: 0, y: 0 })
  }

  /** Types into the input with this id, as the keyboard would. */
  input(id: string, value: string): void {
    const [field] = this.find((node) => node.uid === id || node.id === id)
    if (!field?.sid) throw new Error(`no input with id "${id}"`)
    this.fire(field.sid, 'input', { value, cursor: value.length })
  }

  find(match: (node: MiniNode) => boolean): MiniNode[] {
    const found: MiniNode[] = []
    walk(this.root, (node) => {
      if (match(node)) found.push(node)
    })
    return found
  }
}

export interface MiniProgram {
  app: Record<string, unknown>
  storage: Record<string, unknown>
  navigations: Navigation[]
  requests: { method: string; url: string }[]
  openPage(route: string, query?: Record<string, string>): Promise<MiniPage>
}

export function bootMiniProgram(options: HostOptions): MiniProgram {
  const storage: Record<string, unknown> = { ...(options.storage ?? {}) }
  const navigations: Navigation[] = []
  const requests: { method: string; url: string }[] = []
  const pageConfigs = new Map<string, Record<string, unknown>>()
  const pageStack: MiniPage[] = []
  let appConfig: Record<string, unknown> | null = null
  let loadingRoute = ''

  const done = (opts: ApiOptions | undefined, result: object = {}) => {
    const answer = { errMsg: 'ok', ...result }
    setTimeout(() => {
      opts?.success?.(answer)
      opts?.complete?.(answer)
    }, 0)
  }

  const request = (opts: ApiOptions) => {
    const url = String(opts.url).replace(options.fromOrigin, options.toOrigin)
    const method = String(opts.method ?? 'GET').toUpperCase()
    requests.push({ method, url })
    const headers = { ...(opts.header as Record<string, string>) }
    const body =
      method === 'GET' || opts.data === undefined
        ? undefined
        : typeof opts.data === 'string'
          ? opts.data
          : JSON.stringify(opts.data)
    if (body && !headers['content-type'] && !headers['Content-Type']) {
      headers['content-type'] = 'application/json'
    }
    fetch(url, { method, headers, body })
      .then(async (response) => {
        const text = await response.text()
        let data: unknown = text
        try {
          data = JSON.parse(text)
        } catch {
          // Not JSON: WeChat hands over the string as it is.
        }
        const result = {
          data,
          statusCode: response.status,
          header: Object.fromEntries(response.headers),
          errMsg: 'request:ok',
        }
        opts.success?.(result)
        opts.complete?.(result)
      })
      .catch((error: unknown) => {
        const result = { errMsg: `request:fail ${String(error)}` }
        opts.fail?.(result)
        opts.complete?.(result)
      })
    return { abort: () => undefined }
  }

  // Each stand-in takes what its wx API takes; WeChat does not check either.
  type Api = (...args: never[]) => unknown
  const implemented: Record<string, Api> = {
    request,
    login: (opts?: ApiOptions) => done(opts, { code: options.loginCode }),
    getStorageSync: (key: string) => storage[key] ?? '',
    setStorageSync: (key: string, value: unknown) => {
      storage[key] = value
    },
    removeStorageSync: (key: string) => {
      delete storage[key]
    },
    clearStorageSync: () => {
      for (const key of Object.keys(storage)) delete storage[key]
    },
    getStorageInfoSync: () => ({ keys: Object.keys(storage) }),
    getStorage: (opts?: ApiOptions) => {
      const key = String(opts?.key)
      if (key in storage) done(opts, { data: storage[key] })
      else setTimeout(() => opts?.fail?.({ errMsg: 'getStorage:fail' }), 0)
    },
    setStorage: (opts?: ApiOptions) => {
      storage[String(opts?.key)] = opts?.data
      done(opts)
    },
    removeStorage: (opts?: ApiOptions) => {
      delete storage[String(opts?.key)]
      done(opts)
    },
    getSystemInfoSync: () => SYSTEM_INFO,
    getSystemInfo: (opts?: ApiOptions) => done(opts, SYSTEM_INFO),
    getWindowInfo: () => SYSTEM_INFO,
    getDeviceInfo: () => SYSTEM_INFO,
    getAppBaseInfo: () => SYSTEM_INFO,
    getMenuButtonBoundingClientRect: () => ({
      top: 48,
      left: 281,
      right: 368,
      bottom: 80,
      width: 87,
      height: 32,
    }),
    canIUse: () => true,
    getLaunchOptionsSync: () => ({ path: 'pages/home/index', query: {} }),
    getEnterOptionsSync: () => ({ path: 'pages/home/index', query: {} }),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    createSelectorQuery: () => {
      const query = {
        select: () => query,
        selectAll: () => query,
        selectViewport: () => query,
        in: () => query,
        boundingClientRect: () => query,
        scrollOffset: () => query,
        fields: () => query,
        exec: (cb?: Callback) => cb?.([]),
      }
      return query
    },
  }
  for (const kind of [
    'navigateTo',
    'redirectTo',
    'switchTab',
    'reLaunch',
    'navigateBack',
  ] as const) {
    implemented[kind] = (opts?: ApiOptions) => {
      navigations.push({ kind, url: opts?.url as string | undefined })
      done(opts)
    }
  }

  // Any other API answers success, like DevTools with nothing to show.
  const wx = new Proxy(implemented, {
    get(target, key: string) {
      if (key in target) return target[key]
      if (key === 'webpackJsonp') return undefined
      if (key.startsWith('on') || key.startsWith('off')) return () => undefined
      return (opts?: ApiOptions) => done(opts)
    },
    set(target, key: string, value) {
      target[key] = value
      return true
    },
  })

  const context = vm.createContext({
    wx,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    App: (config: Record<string, unknown>) => {
      appConfig = config
    },
    Page: (config: Record<string, unknown>) => {
      pageConfigs.set(loadingRoute, config)
    },
    Component: () => undefined,
    Behavior: (config: unknown) => config,
    getApp: () => appConfig,
    getCurrentPages: () => pageStack.map((page) => page.instance),
    requirePlugin: () => ({}),
  })

  // The mini-program's own module system: files require each other by
  // relative path, and all share one global, as in the WeChat client.
  const cache = new Map<string, { exports: unknown }>()
  const load = (file: string): unknown => {
    const full = file.endsWith('.js') ? file : `${file}.js`
    const cached = cache.get(full)
    if (cached) return cached.exports
    const module = { exports: {} }
    cache.set(full, module)
    const source = fs.readFileSync(full, 'utf8')
    const wrapper = vm.runInContext(
      `(function (require, module, exports) {${source}\n})`,
      context,
      { filename: full },
    ) as (req: (p: string) => unknown, m: object, e: unknown) => void
    const localRequire = (request: string) =>
      load(path.resolve(path.dirname(full), request))
    wrapper(localRequire, module, module.exports)
    return module.exports
  }

  load(path.join(options.dir, 'app.js'))
  if (!appConfig) throw new Error('app.js did not call App()')
  const app = appConfig as Record<string, unknown>
  const launch = { path: 'pages/home/index', query: {}, scene: 1001 }
  ;(app.onLaunch as ((o: object) => void) | undefined)?.call(app, launch)
  ;(app.onShow as ((o: object) => void) | undefined)?.call(app, launch)

  const openPage = async (
    route: string,
    query: Record<string, string> = {},
  ): Promise<MiniPage> => {
    loadingRoute = route
    load(path.join(options.dir, route))
    const config = pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)

    // WeChat copies the config onto a fresh instance with its own data.
    const instance = Object.assign(Object.create(null), config, {
      route,
      __route__: route,
      data: structuredClone(config.data ?? {}),
      options: query,
    }) as MiniPage['instance']
    instance.setData = (patch: Record<string, unknown>, cb?: () => void) => {
      for (const [key, value] of Object.entries(patch)) {
        setPath(instance.data, key, structuredClone(value))
      }
      if (cb) setTimeout(cb, 0)
    }
    instance.selectComponent = () => null
    instance.createSelectorQuery = implemented.createSelectorQuery

    const page = new MiniPage(route, instance)
    pageStack.push(page)
    const call = (name: string, arg?: unknown) =>
      (instance[name] as ((a?: unknown) => void) | undefined)?.call(
        instance,
        arg,
      )
    call('onLoad', query)
    call('onShow')
    call('onReady')
    return page
  }

  return { app, storage, navigations, requests, openPage }
}
