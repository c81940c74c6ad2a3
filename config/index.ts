// Types only: a value import from @tarojs/cli loads its native binding.
import type { UserConfigExport } from '@tarojs/cli'
import path from 'node:path'

import devConfig from './dev'
import { shippedPublicKeys } from './ledger-keys'
import prodConfig from './prod'

// The mini-program needs an absolute base URL; H5 is served by the mock
// backend itself (or proxied by the dev server), so a relative /api works.
const DEFAULT_WEAPP_API = 'http://127.0.0.1:8787'
const DEV_SERVER_PORT = 10086

function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'weapp') {
    return process.env.WEAPP_API_BASE_URL ?? DEFAULT_WEAPP_API
  }
  return process.env.H5_API_BASE_URL ?? ''
}

const baseConfig: UserConfigExport<'webpack5'> = {
  projectName: 'linli-gongzhi',
  date: '2026-12-03',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  plugins: [],
  defineConstants: {
    API_BASE_URL: JSON.stringify(apiBaseUrl()),
    // The app checks receipts and sealed blocks against these public keys
    // of the backend it is built for (made in .data/keys/ if missing).
    LEDGER_PUBLIC_KEYS: JSON.stringify(shippedPublicKeys()),
  },
  alias: {
    '@': path.resolve(__dirname, '..', 'src'),
  },
  copy: { patterns: [], options: {} },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: {
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false },
    },
    devServer: {
      port: DEV_SERVER_PORT,
      proxy: [
        {
          context: ['/api'],
          target: process.env.MOCK_API_URL ?? 'http://127.0.0.1:8787',
          changeOrigin: true,
        },
      ],
    },
  },
}

export default async (merge: (...configs: object[]) => object) => {
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
}
