/**
 * ARIA attributes for Taro components. Taro's typings know `ariaLabel`
 * but not roles or states; on H5 the component wrappers copy any string
 * prop onto the element, so these land as real attributes. The weapp
 * templates drop them, which is why every control also shows its meaning
 * in visible text, never by colour alone.
 */
export interface A11yOptions {
  role?: string
  label?: string
  checked?: boolean
  selected?: boolean
  pressed?: boolean
  disabled?: boolean
  busy?: boolean
  live?: 'polite' | 'assertive'
  level?: number
  describedBy?: string
  focusable?: boolean
}

export function a11y(options: A11yOptions): Record<string, string> {
  const attrs: Record<string, string> = {}
  if (options.role) attrs.role = options.role
  if (options.label) attrs['aria-label'] = options.label
  if (options.checked !== undefined) {
    attrs['aria-checked'] = String(options.checked)
  }
  if (options.selected !== undefined) {
    attrs['aria-selected'] = String(options.selected)
  }
  if (options.pressed !== undefined) {
    attrs['aria-pressed'] = String(options.pressed)
  }
  if (options.disabled) attrs['aria-disabled'] = 'true'
  if (options.busy) attrs['aria-busy'] = 'true'
  if (options.live) attrs['aria-live'] = options.live
  if (options.level !== undefined) attrs['aria-level'] = String(options.level)
  if (options.describedBy) attrs['aria-describedby'] = options.describedBy
  if (options.focusable) attrs.tabindex = '0'
  return attrs
}
