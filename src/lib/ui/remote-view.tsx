import type { ReactNode } from 'react'

import type { Remote } from '../remote'

import { ErrorNotice, Loading } from './status-views'

export interface RemoteViewProps<T> {
  state: Remote<T>
  loadingText: string
  onRetry: () => void
  children: (data: T) => ReactNode
}

/** Loading text, the catalogue error with a retry, or the data. */
export function RemoteView<T>({
  state,
  loadingText,
  onRetry,
  children,
}: RemoteViewProps<T>) {
  switch (state.status) {
    case 'idle':
    case 'loading':
      return <Loading text={loadingText} />
    case 'failed':
      return <ErrorNotice error={state.error} onRetry={onRetry} />
    case 'ok':
      return <>{children(state.data)}</>
  }
}
