/**
 * The one place that knows which platform the app was built for. Screens
 * and features import from here and never test `TARO_ENV` themselves.
 * Taro replaces `process.env.TARO_ENV` at build time, so the branch for
 * the other platform is dropped from each bundle.
 */
import type { LoginChannel } from '@/core/api-types'

export const PLATFORM: LoginChannel =
  process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5'

/** What the platform sign-in button says. */
export const PLATFORM_LOGIN_TEXT =
  PLATFORM === 'weapp' ? '微信授权登录' : '随申办授权登录'

/**
 * '' on H5, where the mock backend serves the app and /api from one
 * origin; absolute on weapp, which cannot send relative requests.
 */
export const API_BASE: string = API_BASE_URL

export { storageAdapter, readStored, writeStored } from './storage'
export { platformLogin } from './login'
export { platformRequest } from './request'
export type { PlatformRequest, PlatformResponse } from './request'
export { randomId } from './random-id'
export { choosePhotos, compressPhoto, platformUpload } from './upload'
export type { ChosenPhoto, PhotoChoice, PlatformUploadResponse } from './upload'
export { openDocument } from './open-document'
export { chooseDocument } from './choose-document'
export type { ChosenDocument, DocumentChoice } from './choose-document'
export { markElderMode } from './elder-frame'
