import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

import type { Profile, Session } from '@/core/api-types'
import { setSessionHooks } from '@/lib/api-client'
import { storageAdapter } from '@/platform'

/**
 * The signed-in account: token, when it expires, and the verified
 * profile (null between platform login and real-name verification).
 * Persisted so that a restart keeps the person signed in until expiry.
 */
interface SessionState {
  token: string | null
  expiresAt: string | null
  profile: Profile | null
  setSession: (session: Session) => void
  setProfile: (profile: Profile) => void
  signOut: () => void
}

const SIGNED_OUT = { token: null, expiresAt: null, profile: null }

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      ...SIGNED_OUT,
      setSession: (s) =>
        set({ token: s.token, expiresAt: s.expiresAt, profile: s.profile }),
      setProfile: (profile) => set({ profile }),
      signOut: () => set(SIGNED_OUT),
    }),
    {
      name: 'linli.session',
      storage: createJSONStorage(() => storageAdapter),
      partialize: ({ token, expiresAt, profile }) => ({
        token,
        expiresAt,
        profile,
      }),
      // A token past its expiry is useless and would only earn a 401 on
      // the first request; treat it as signed out from the start.
      onRehydrateStorage: () => (state) => {
        if (state && !isLive(state)) state.signOut()
      },
    },
  ),
)

interface SessionFields {
  token: string | null
  expiresAt: string | null
}

export function isLive(s: SessionFields, now: number = Date.now()): boolean {
  return (
    s.token !== null && s.expiresAt !== null && Date.parse(s.expiresAt) > now
  )
}

/** The verified profile, or null when signed out, expired or unverified. */
export function selectProfile(
  s: SessionState,
  now: number = Date.now(),
): Profile | null {
  return isLive(s, now) ? s.profile : null
}

/**
 * Gives the API client the token, and tells it what to do when the
 * backend says the session is gone: forget it, then `onLost` (the app
 * sends the person to sign in).
 */
export function connectSession(onLost: () => void): void {
  setSessionHooks({
    token: () => {
      const s = useSession.getState()
      return isLive(s) ? s.token : null
    },
    onSessionLost: () => {
      useSession.getState().signOut()
      onLost()
    },
  })
}
