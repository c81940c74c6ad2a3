import { useCallback, useEffect, useRef, useState } from 'react'

import type { AppError } from '@/core/errors'

import { toAppError } from './api-client'

/** Remote data as one state, never three booleans that can disagree. */
export type Remote<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'failed'; error: AppError }

export interface UseRemote<T> {
  state: Remote<T>
  /** Loads again; `quiet` keeps showing the current data meanwhile. */
  reload: (options?: { quiet?: boolean }) => void
}

/**
 * Runs `load` when `key` changes (null: nothing to load yet) and on
 * reload. Only the latest call may set the state: an older answer that
 * arrives late would otherwise overwrite a newer one.
 */
export function useRemote<T>(
  key: string | null,
  load: () => Promise<T>,
): UseRemote<T> {
  const [state, setState] = useState<Remote<T>>({ status: 'idle' })
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const run = useCallback((quiet: boolean) => {
    const call = ++latest.current
    if (!quiet) setState({ status: 'loading' })
    loadRef.current().then(
      (data) => {
        if (call === latest.current) setState({ status: 'ok', data })
      },
      (cause: unknown) => {
        if (call !== latest.current) return
        // A failed quiet refresh keeps the data the person is reading.
        if (quiet) return
        setState({ status: 'failed', error: toAppError(cause) })
      },
    )
  }, [])

  useEffect(() => {
    if (key === null) {
      latest.current++
      setState({ status: 'idle' })
      return
    }
    run(false)
  }, [key, run])

  const reload = useCallback(
    (options?: { quiet?: boolean }) => run(options?.quiet ?? false),
    [run],
  )

  return { state, reload }
}
