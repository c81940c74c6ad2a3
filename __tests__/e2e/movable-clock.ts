/**
 * A clock for browser tests whose story spans days (a ballot announced,
 * opened, closed and published): real time plus an offset the test moves
 * forward between steps. Real time keeps flowing underneath, so sessions,
 * SMS codes and the app's own timers behave as they do in use; only the
 * backend reads this clock, the browser keeps its own.
 */
export interface MovableClock {
  now: () => number
  /** Jumps ahead by `ms`. */
  advance(ms: number): void
  /** Jumps to `at` (epoch ms), which must not be in the clock's past. */
  moveTo(at: number): void
}

export function movableClock(): MovableClock {
  let offset = 0
  const now = () => Date.now() + offset
  return {
    now,
    advance(ms) {
      if (ms < 0) throw new Error('[movable clock] time only moves forward')
      offset += ms
    },
    moveTo(at) {
      this.advance(at - now())
    },
  }
}
