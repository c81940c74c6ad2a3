// Runs before the test framework: the environment Taro's H5 components
// and runtime expect, as the H5 build would provide it.

// Shanghai time must show whatever the device zone is; tests prove it by
// running far from Shanghai (the same zone as setup-node.ts).
process.env.TZ = process.env.TEST_TZ ?? 'America/Los_Angeles'
process.env.TARO_ENV = 'h5'

// Build-time constants that Taro's webpack config defines in a real build.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_MUTATION_OBSERVER: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  __TARO_FRAMEWORK__: 'react',
  API_BASE_URL: '',
})

// The H5 build swaps the platform's API implementations into @tarojs/taro
// through this hook. Storage is the one the app needs here (the real one,
// over jsdom's localStorage); the network is mocked by each test at the
// platform request function, and navigation belongs to pages.
const { hooks } = require('@tarojs/runtime')
hooks.tap('initNativeApi', (taro) => {
  Object.assign(taro, require('@tarojs/taro-h5/dist/api/storage/index.js'))
})
