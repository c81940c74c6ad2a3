import { View } from '@tarojs/components'

import { ERRORS, type AppError } from '@/core/errors'

import { a11y } from './a11y'
import { ActionButton } from './action-button'
import './ui.scss'

/** A loading state that says what is loading, not only a spinner. */
export function Loading({ text }: { text: string }) {
  return (
    <View className="loading" {...a11y({ role: 'status', live: 'polite' })}>
      <View className="loading__dots" aria-hidden="true" />
      {text}
    </View>
  )
}

export interface EmptyStateProps {
  title: string
  hint?: string
}

export function EmptyState({ title, hint }: EmptyStateProps) {
  return (
    <View className="empty-state" {...a11y({ role: 'status' })}>
      <View className="empty-state__title">{title}</View>
      {hint ? <View className="empty-state__hint">{hint}</View> : null}
    </View>
  )
}

export interface ErrorNoticeProps {
  error: AppError
  onRetry?: () => void
  retryText?: string
}

/** The catalogue's message and what to do about it, in Chinese. */
export function ErrorNotice({
  error,
  onRetry,
  retryText = '重试',
}: ErrorNoticeProps) {
  const { message, action } = ERRORS[error.code]
  return (
    <View className="error-notice" {...a11y({ role: 'alert' })}>
      <View className="error-notice__message">{message}</View>
      <View className="error-notice__action">{action}</View>
      {error.issues && error.issues.length > 0 ? (
        <View className="error-notice__issues">
          {error.issues.map((issue) => (
            <View key={`${issue.field}:${issue.message}`}>{issue.message}</View>
          ))}
        </View>
      ) : null}
      {onRetry ? (
        <ActionButton kind="secondary" onClick={onRetry}>
          {retryText}
        </ActionButton>
      ) : null}
    </View>
  )
}

/** A clearly marked hint with the code the mock backend hands back. */
export function MockSmsHint({ code }: { code: string }) {
  return (
    <View className="mock-sms" {...a11y({ role: 'status' })}>
      模拟短信：验证码 {code}（演示环境，无真实短信）
    </View>
  )
}
