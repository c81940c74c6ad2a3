// First: the record's crypto needs TextEncoder while it loads.
import '@/platform/text-encoder'

import type { PropsWithChildren } from 'react'

import { connectSession } from '@/features/identity'
import { useElderMode } from '@/features/settings'
import { goToSignIn } from '@/lib/navigation'
import { markElderMode } from '@/platform'

import './app.scss'

// When the backend says the session is gone, forget it and ask the
// person to sign in again; they come back to where they were.
connectSession(() => goToSignIn())

// The tab bar lies outside every screen; it follows elder mode too.
markElderMode(useElderMode.getState().elder)
useElderMode.subscribe((state) => markElderMode(state.elder))

function App({ children }: PropsWithChildren) {
  return children
}

export default App
