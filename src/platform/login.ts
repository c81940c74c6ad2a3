import Taro from '@tarojs/taro'

import type { LoginRequest } from '@/core/api-types'

import { randomId } from './random-id'
import { readStored, writeStored } from './storage'

const DEVICE_ID_KEY = 'linli.device-id'

/**
 * The mocked 随申办 web authorisation: the real one would redirect to the
 * government app and back with a code. The mock backend accepts
 * `ssb-mock.<device id>`, so the same browser is the same account across
 * restarts, as it would be with the real authorisation.
 */
function ssbMockCode(): string {
  let deviceId = readStored(DEVICE_ID_KEY)
  if (!deviceId) {
    deviceId = randomId(24)
    writeStored(DEVICE_ID_KEY, deviceId)
  }
  return `ssb-mock.${deviceId}`
}

/** Identifies the account on this platform; real-name comes after. */
export async function platformLogin(): Promise<LoginRequest> {
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login()
    return { channel: 'weapp', code }
  }
  return { channel: 'h5', code: ssbMockCode() }
}
