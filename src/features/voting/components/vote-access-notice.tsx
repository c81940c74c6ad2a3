import { View } from '@tarojs/components'

import { ERRORS, type ErrorCode } from '@/core/errors'
import { a11y } from '@/lib/ui'

/**
 * Why this person cannot vote, in the catalogue's words: shown where the
 * vote button would be, so nobody is left wondering where it went.
 */
export function VoteAccessNotice({ code }: { code: ErrorCode }) {
  const { message, action } = ERRORS[code]
  return (
    <View className="access-notice" {...a11y({ role: 'status' })}>
      <View className="access-notice__message">ⓘ {message}</View>
      <View>{action}</View>
    </View>
  )
}
