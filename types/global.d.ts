/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

// Filled in at build time by config/index.ts (defineConstants).
declare const API_BASE_URL: string
// The voting record's public keys (config/ledger-keys.ts), hex.
declare const LEDGER_PUBLIC_KEYS: {
  backend: string
  endorsers: Record<
    'town-office' | 'residents-committee' | 'owners-committee',
    string
  >
}

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined
    NODE_ENV: 'development' | 'production' | 'test'
  }
}
