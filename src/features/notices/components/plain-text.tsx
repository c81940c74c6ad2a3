import { View } from '@tarojs/components'

import './notices.scss'

export interface PlainTextProps {
  text: string
  className?: string
}

/**
 * Text written by staff, shown as text and nothing else. The string is
 * a child of a View, so React writes it as a text node: `<script>` or
 * `<b>` in it appear as the characters typed and are never parsed.
 * Never pass staff text to dangerouslySetInnerHTML or RichText. Line
 * breaks are kept by CSS (pre-wrap), not by turning them into markup.
 */
export function PlainText({ text, className = '' }: PlainTextProps) {
  return <View className={`plain-text ${className}`}>{text}</View>
}
