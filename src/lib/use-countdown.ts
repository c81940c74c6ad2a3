import { useEffect, useState } from 'react'

const TICK_MS = 1000

/**
 * Seconds left before something may be done again (a new SMS). Counts
 * from the later of `seconds` and the server's `resendAfter`, so the
 * button never invites a request the server would refuse. `resumeUntil`
 * picks up a wait begun before the screen was last shown.
 */
export function useCountdown(resumeUntil?: string) {
  const [until, setUntil] = useState(() =>
    resumeUntil ? Date.parse(resumeUntil) : 0,
  )
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (until <= now) return
    const timer = setTimeout(() => setNow(Date.now()), TICK_MS)
    return () => clearTimeout(timer)
  }, [until, now])

  return {
    left: Math.max(0, Math.ceil((until - now) / 1000)),
    start(seconds: number, resendAfter?: string) {
      const start = Date.now()
      const server = resendAfter ? Date.parse(resendAfter) : 0
      setNow(start)
      setUntil(Math.max(start + seconds * 1000, server || 0))
    },
  }
}
