import { View } from '@tarojs/components'

import { a11y } from '@/lib/ui'

export interface ChipOption<T extends string> {
  value: T
  text: string
  /** A second line, such as the promised time of an urgency. */
  hint?: string
}

export interface ChipGroupProps<T extends string> {
  label: string
  options: readonly ChipOption<T>[]
  value: T | null
  onChange: (value: T) => void
}

/**
 * One choice among a few, as large radio chips. The chosen one shows a
 * filled mark and is announced as checked, not only coloured.
 */
export function ChipGroup<T extends string>({
  label,
  options,
  value,
  onChange,
}: ChipGroupProps<T>) {
  return (
    <View className="repair-chips" {...a11y({ role: 'radiogroup', label })}>
      {options.map((option) => {
        const checked = option.value === value
        return (
          <View
            key={option.value}
            className={`repair-chip${checked ? ' repair-chip--on' : ''}`}
            onClick={() => onChange(option.value)}
            {...a11y({
              role: 'radio',
              label: option.text,
              checked,
              focusable: true,
            })}
          >
            <View className="repair-chip__text">
              <View aria-hidden="true" className="repair-chip__mark">
                {checked ? '●' : '○'}
              </View>
              {option.text}
            </View>
            {option.hint ? (
              <View className="repair-chip__hint">{option.hint}</View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
