import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'

import { a11y } from './a11y'
import './ui.scss'

export type ButtonKind = 'primary' | 'secondary' | 'danger' | 'link'

export interface ActionButtonProps {
  children: ReactNode
  onClick: () => void
  kind?: ButtonKind
  disabled?: boolean
  /** While true, the button says `busyText` and cannot be pressed again. */
  busy?: boolean
  busyText?: string
  /** The accessible name when the visible text is not enough. */
  label?: string
  className?: string
}

/**
 * Taro's Button with the app's look and a real button role on H5, where
 * Taro renders a custom element that screen readers would not announce.
 */
export function ActionButton({
  children,
  onClick,
  kind = 'primary',
  disabled = false,
  busy = false,
  busyText = '请稍候…',
  label,
  className = '',
}: ActionButtonProps) {
  const inactive = disabled || busy
  return (
    <Button
      className={`action-button action-button--${kind}${inactive ? ' action-button--inactive' : ''} ${className}`}
      // React writes disabled={false} onto Taro's H5 element as the
      // attribute disabled="false", which Taro's own CSS reads as disabled.
      disabled={inactive ? true : undefined}
      onClick={() => {
        if (!inactive) onClick()
      }}
      {...a11y({
        role: 'button',
        label,
        disabled: inactive,
        busy,
        focusable: !inactive,
      })}
    >
      {busy ? busyText : children}
    </Button>
  )
}
