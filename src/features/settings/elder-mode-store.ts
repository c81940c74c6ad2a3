import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

import { storageAdapter } from '@/platform'

/**
 * 长辈模式: larger type, higher contrast, bigger tap targets, one action
 * per screen in the vote flow. Kept on the device, so it survives a
 * restart and a sign-out (it belongs to whoever holds the phone).
 */
interface ElderModeState {
  elder: boolean
  setElder: (elder: boolean) => void
}

export const useElderMode = create<ElderModeState>()(
  persist(
    (set) => ({
      elder: false,
      setElder: (elder) => set({ elder }),
    }),
    {
      name: 'linli.elder-mode',
      storage: createJSONStorage(() => storageAdapter),
      partialize: (s) => ({ elder: s.elder }),
    },
  ),
)
