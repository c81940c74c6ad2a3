import type { UserConfigExport } from '@tarojs/cli'

const prodConfig: UserConfigExport<'webpack5'> = {
  mini: {},
  h5: {
    // Content hashes let the mock backend cache the build forever; the
    // template's [hash] is deprecated and warns.
    output: {
      filename: 'js/[name].[contenthash:8].js',
      chunkFilename: 'js/[name].[contenthash:8].js',
    },
    miniCssExtractPluginOption: {
      ignoreOrder: true,
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
  },
}

export default prodConfig
