import { View } from '@tarojs/components'

import { CHOICE_TEXT } from '@/core/ballot'
import { CHOICES, type Choice } from '@/core/tally'
import { a11y } from '@/lib/ui'

export interface ChoiceGroupProps {
  /** What is being decided, for the group's accessible name. */
  label: string
  value: Choice | undefined
  onChange: (choice: Choice) => void
}

/**
 * 同意 / 反对 / 弃权 as three large radio buttons. The chosen one shows a
 * tick and the word 已选, not only a colour.
 */
export function ChoiceGroup({ label, value, onChange }: ChoiceGroupProps) {
  return (
    <View className="choices" {...a11y({ role: 'radiogroup', label })}>
      {CHOICES.map((choice) => {
        const checked = value === choice
        return (
          <View
            key={choice}
            className={`choice choice--${choice}${checked ? ' choice--on' : ''}`}
            onClick={() => onChange(choice)}
            {...a11y({
              role: 'radio',
              label: CHOICE_TEXT[choice],
              checked,
              focusable: true,
            })}
          >
            <View className="choice__mark" aria-hidden="true">
              {checked ? '●' : '○'}
            </View>
            <View className="choice__text">{CHOICE_TEXT[choice]}</View>
            {checked ? (
              <View className="choice__on" aria-hidden="true">
                已选
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
