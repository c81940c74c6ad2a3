import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

/**
 * Taro storage as zustand's `persist` wants it. Taro's sync calls work on
 * both platforms (localStorage on H5, wx storage on weapp); values are kept
 * as the strings zustand hands over.
 */
export const storageAdapter: StateStorage = {
  getItem: (name) => readStored(name),
  setItem: (name, value) => writeStored(name, value),
  removeItem: (name) => Taro.removeStorageSync(name),
}

export function readStored(key: string): string | null {
  const value: unknown = Taro.getStorageSync(key)
  return typeof value === 'string' && value !== '' ? value : null
}

export function writeStored(key: string, value: string): void {
  Taro.setStorageSync(key, value)
}
