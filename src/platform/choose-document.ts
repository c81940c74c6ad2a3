import Taro from '@tarojs/taro'

import { checkChosenFile, type FileRefusal } from '@/core/files'

export interface ChosenDocument {
  /** A temp file path on weapp, a blob: URL on H5; upload it as is. */
  path: string
  name: string
  size: number
}

export type DocumentChoice =
  | { kind: 'chosen'; document: ChosenDocument }
  | { kind: 'refused'; refusal: FileRefusal }
  | { kind: 'cancelled' }

const PDF_ONLY = ['application/pdf'] as const

/** H5: a one-off file input; resolves when the person picks or leaves. */
function pickInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'application/pdf,.pdf'
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
}

function isCancel(cause: unknown): boolean {
  const message =
    typeof cause === 'object' && cause !== null && 'errMsg' in cause
      ? String((cause as { errMsg: unknown }).errMsg)
      : ''
  return /cancel/i.test(message)
}

/**
 * Lets staff choose one PDF to attach: from a chat on weapp (WeChat's
 * only way to reach files), from the device on H5. Checked early against
 * the shared limits (src/core/files.ts); the upload facility checks the
 * content again.
 */
export async function chooseDocument(): Promise<DocumentChoice> {
  let chosen: ChosenDocument & { type?: string }
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseMessageFile({
        count: 1,
        type: 'file',
        extension: ['pdf'],
      })
      const file = res.tempFiles[0]
      chosen = { path: file.path, name: file.name, size: file.size }
    } catch (cause) {
      if (isCancel(cause)) return { kind: 'cancelled' }
      throw cause
    }
  } else {
    const file = await pickInBrowser()
    if (!file) return { kind: 'cancelled' }
    chosen = {
      path: URL.createObjectURL(file),
      name: file.name,
      size: file.size,
      type: file.type,
    }
  }
  const refusal = checkChosenFile(chosen, PDF_ONLY)
  return refusal
    ? { kind: 'refused', refusal }
    : { kind: 'chosen', document: chosen }
}
