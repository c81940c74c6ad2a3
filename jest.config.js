// One runner, five kinds of test. `npm test` runs the four that need no
// browser; `npm run test:e2e` runs the browser tests on their own.

// Packages published only as ES modules, which Jest must compile to CJS.
const ESM_PACKAGES = [
  '@noble',
  'jose',
  '@tarojs',
  '@stencil',
  'swiper',
  'ssr-window',
  'dom7',
  'classnames',
  'tslib',
  'fastify-type-provider-zod',
  'cookie',
  'content-disposition',
]

// `.pnpm` lets through the copy of tslib that Taro's React wrappers bundle
// in a pnpm folder of their own.
const transformIgnorePatterns = [
  `/node_modules/(?!(${[...ESM_PACKAGES, '\\.pnpm'].join('|')})/)`,
]

// Node-side code (core, mock backend, harnesses) needs no Taro transforms.
const nodeBabel = {
  babelrc: false,
  configFile: false,
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    '@babel/preset-typescript',
  ],
}

const moduleNameMapper = { '^@/(.*)$': '<rootDir>/src/$1' }

function nodeProject(name, extra = {}) {
  return {
    displayName: name,
    testEnvironment: 'node',
    testMatch: [`<rootDir>/__tests__/${name}/**/*.test.ts`],
    transform: { '^.+\\.[cm]?[jt]sx?$': ['babel-jest', nodeBabel] },
    transformIgnorePatterns,
    moduleNameMapper,
    setupFiles: ['<rootDir>/__tests__/support/setup-node.ts'],
    ...extra,
  }
}

module.exports = {
  reporters: ['default', '<rootDir>/__tests__/support/summary-reporter.js'],
  projects: [
    nodeProject('core'),
    nodeProject('api'),
    nodeProject('weapp', {
      globalSetup: '<rootDir>/__tests__/weapp/global-setup.ts',
    }),
    nodeProject('e2e', {
      globalSetup: '<rootDir>/__tests__/e2e/global-setup.ts',
    }),
    {
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/__tests__/component/**/*.test.tsx'],
      transform: { '^.+\\.[cm]?[jt]sx?$': 'babel-jest' },
      transformIgnorePatterns,
      moduleNameMapper: {
        ...moduleNameMapper,
        '^@tarojs/components$':
          '<rootDir>/node_modules/@tarojs/components/lib/react/index.js',
        '\\.(css|scss)$': '<rootDir>/__tests__/support/style-stub.js',
      },
      setupFiles: ['<rootDir>/__tests__/support/setup-component-env.js'],
      setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup-component.ts'],
    },
  ],
}
