// Taro's preset compiles the app for both targets; component tests reuse
// it. No core-js polyfills: the 随申办 web view and the WeChat client run
// a modern engine, and `useBuiltIns: 'usage'` made the H5 first page half
// again as large.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: false,
      },
    ],
  ],
}
