import Taro from '@tarojs/taro'

/**
 * Opens a PDF for reading. A mini-program cannot show one in a page: it
 * downloads the file and hands it to WeChat's document viewer. On H5 the
 * browser's own viewer opens it in a new tab.
 */
export async function openDocument(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
    if (statusCode !== 200) throw new Error(`download answered ${statusCode}`)
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf' })
    return
  }
  window.open(url, '_blank', 'noopener')
}
