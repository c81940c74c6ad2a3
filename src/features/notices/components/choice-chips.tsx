import { View } from '@tarojs/components'

import { a11y } from '@/lib/ui'

import './notices.scss'

export interface Choice<T extends string> {
  value: T
  text: string
}

interface ChipsProps<T extends string> {
  /** The group's accessible name. */
  label: string
  choices: readonly Choice<T>[]
}

/**
 * One of several, as large tappable chips. The chosen one carries a tick
 * in its text, not only a colour.
 */
export function RadioChips<T extends string>({
  label,
  choices,
  value,
  onChange,
}: ChipsProps<T> & { value: T; onChange: (value: T) => void }) {
  return (
    <View className="chips" {...a11y({ role: 'radiogroup', label })}>
      {choices.map((c) => {
        const on = c.value === value
        return (
          <View
            key={c.value}
            className={`chip${on ? ' chip--on' : ''}`}
            onClick={() => onChange(c.value)}
            {...a11y({
              role: 'radio',
              label: c.text,
              checked: on,
              focusable: true,
            })}
          >
            {on ? '✓ ' : ''}
            {c.text}
          </View>
        )
      })}
    </View>
  )
}

/** Any number of several, such as the buildings a notice goes to. */
export function CheckChips<T extends string>({
  label,
  choices,
  values,
  onToggle,
}: ChipsProps<T> & { values: readonly T[]; onToggle: (value: T) => void }) {
  return (
    <View className="chips" {...a11y({ role: 'group', label })}>
      {choices.map((c) => {
        const on = values.includes(c.value)
        return (
          <View
            key={c.value}
            className={`chip chip--small${on ? ' chip--on' : ''}`}
            onClick={() => onToggle(c.value)}
            {...a11y({
              role: 'checkbox',
              label: c.text,
              checked: on,
              focusable: true,
            })}
          >
            {on ? '✓ ' : ''}
            {c.text}
          </View>
        )
      })}
    </View>
  )
}
