import { Input, View } from '@tarojs/components'

import { a11y } from './a11y'
import './ui.scss'

const NUMERIC_TEXT = { type: 'text', inputmode: 'numeric', pattern: '[0-9]*' }
// Amounts with a decimal point ("2350.50"): the same reasoning, with the
// keypad that has a point.
const DECIMAL_TEXT = { type: 'text', inputmode: 'decimal' }

export interface TextFieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  type?: 'text' | 'number' | 'idcard' | 'digit'
  /**
   * The most characters the field takes. Longer text is kept, not cut,
   * and the field says by how much it is over: a pasted paragraph must
   * not lose its end without the person noticing.
   */
  maxlength?: number
  placeholder?: string
  /** A problem with the value, shown under the field. */
  problem?: string | null
  hint?: string
}

/**
 * A labelled input with its problem under it. The label is both visible
 * and the accessible name, and the problem is announced as an alert.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  onBlur,
  type = 'text',
  maxlength,
  placeholder,
  problem: given,
  hint,
}: TextFieldProps) {
  const over =
    maxlength === undefined ? 0 : Array.from(value).length - maxlength
  const problem =
    over > 0 ? `最多 ${maxlength} 个字，已超出 ${over} 个，请删减` : given
  return (
    <View className={`field${problem ? ' field--problem' : ''}`}>
      <View className="field__label" id={`${id}-label`}>
        {label}
      </View>
      <Input
        id={id}
        className="field__input"
        type={type}
        value={value}
        // -1 lifts Taro's own limit (140 by default); see `maxlength` above.
        maxlength={-1}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        onBlur={onBlur}
        nativeProps={{
          'aria-label': label,
          'aria-invalid': problem ? 'true' : 'false',
          // On H5 a number input is a spin button to screen readers and
          // drops leading zeros; digits are text with a numeric keypad.
          // (Mini-programs ignore nativeProps and use their number type.)
          ...(type === 'number' ? NUMERIC_TEXT : {}),
          ...(type === 'digit' ? DECIMAL_TEXT : {}),
        }}
      />
      {hint ? <View className="field__hint">{hint}</View> : null}
      {problem ? (
        <View className="field__problem" {...a11y({ role: 'alert' })}>
          {problem}
        </View>
      ) : null}
    </View>
  )
}
