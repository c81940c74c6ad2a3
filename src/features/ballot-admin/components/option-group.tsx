import { View } from '@tarojs/components'

import { a11y } from '@/lib/ui'

import './ballot-admin.scss'

export interface OptionGroupProps<T extends string> {
  label: string
  options: { value: T; text: string }[]
  value: T
  onChange: (value: T) => void
  hint?: string
}

/**
 * A labelled set of large radio buttons, the chosen one marked by a dot
 * and the word 已选 as well as by colour (the voting screens' look).
 */
export function OptionGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  hint,
}: OptionGroupProps<T>) {
  return (
    <View className="field">
      <View className="field__label">{label}</View>
      <View className="options" {...a11y({ role: 'radiogroup', label })}>
        {options.map((option) => {
          const checked = option.value === value
          return (
            <View
              key={option.value}
              className={`option${checked ? ' option--on' : ''}`}
              onClick={() => onChange(option.value)}
              {...a11y({
                role: 'radio',
                label: option.text,
                checked,
                focusable: true,
              })}
            >
              <View className="option__mark" aria-hidden="true">
                {checked ? '●' : '○'}
              </View>
              <View className="option__text">{option.text}</View>
              {checked ? (
                <View className="option__on" aria-hidden="true">
                  已选
                </View>
              ) : null}
            </View>
          )
        })}
      </View>
      {hint ? <View className="field__hint">{hint}</View> : null}
    </View>
  )
}
