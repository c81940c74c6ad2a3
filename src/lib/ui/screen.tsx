import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

import { useElderMode } from '@/features/settings/elder-mode-store'

import { a11y } from './a11y'
import './ui.scss'

export interface ScreenProps {
  title: string
  /** A line under the title, such as the estate's name. */
  subtitle?: string
  children: ReactNode
}

/**
 * The root of every page: the page title as a heading and the elder mode
 * class, which raises type size, contrast and tap targets for everything
 * inside (sizes below are in em so they follow the root).
 */
export function Screen({ title, subtitle, children }: ScreenProps) {
  const elder = useElderMode((s) => s.elder)
  return (
    <View className={`screen${elder ? ' screen--elder' : ''}`}>
      <View className="screen__title" {...a11y({ role: 'heading', level: 1 })}>
        {title}
      </View>
      {subtitle ? <View className="screen__subtitle">{subtitle}</View> : null}
      {children}
    </View>
  )
}

export interface SectionProps {
  title?: string
  children: ReactNode
  className?: string
}

export function Section({ title, children, className = '' }: SectionProps) {
  return (
    <View className={`section ${className}`}>
      {title ? (
        <View
          className="section__title"
          {...a11y({ role: 'heading', level: 2 })}
        >
          {title}
        </View>
      ) : null}
      {children}
    </View>
  )
}
