// Taro's preset compiles the app for both targets. Jest reuses it, except
// for files under mock-server/ and the core, which Node runs as they are.
const h5 = process.env.TARO_ENV === 'h5'

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: h5 ? 'usage' : false,
        // With 'usage' the helpers come from @babel/runtime-corejs3, which
        // the lock file holds at an older patch than @babel/runtime; the
        // preset would otherwise ask for helpers it lacks (callSpread, added
        // in 7.29.15). Telling transform-runtime the version it really has
        // makes it inline the newer helpers instead.
        ...(h5
          ? { version: require('@babel/runtime-corejs3/package.json').version }
          : {}),
      },
    ],
  ],
}
