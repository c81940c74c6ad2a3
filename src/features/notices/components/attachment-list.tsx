import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import type { NoticeAttachment } from '@/core/notices-api'
import { warn } from '@/lib/log'
import { a11y, ActionButton } from '@/lib/ui'
import { API_BASE, openDocument } from '@/platform'

import { sizeText } from '../notice-text'
import './notices.scss'

export interface AttachmentListProps {
  attachments: NoticeAttachment[]
}

/**
 * Images shown in the notice (tap to enlarge) and PDFs as buttons that
 * open them. Links are signed by the backend and expire, so they are
 * used as given rather than kept.
 */
export function AttachmentList({ attachments }: AttachmentListProps) {
  const [failed, setFailed] = useState<string | null>(null)
  const images = attachments.filter((a) => a.kind === 'image')
  const pdfs = attachments.filter((a) => a.kind === 'pdf')
  const urls = images.map((a) => `${API_BASE}${a.url}`)
  return (
    <View className="attachments">
      {images.map((a, i) => (
        <View key={a.fileId} className="attachments__image">
          <Image
            src={urls[i]}
            mode="widthFix"
            className="attachments__img"
            ariaLabel={`图片：${a.name}`}
            imgProps={{ alt: `图片：${a.name}` }}
            onClick={() => {
              Taro.previewImage({ urls, current: urls[i] }).catch(
                (cause: unknown) => warn('previewImage failed', cause),
              )
            }}
          />
          <View className="muted">
            图片：{a.name}（{sizeText(a.size)}）
          </View>
        </View>
      ))}
      {pdfs.map((a) => (
        <ActionButton
          key={a.fileId}
          kind="secondary"
          label={`打开 PDF 文件：${a.name}，${sizeText(a.size)}`}
          onClick={() => {
            setFailed(null)
            openDocument(`${API_BASE}${a.url}`).catch((cause: unknown) => {
              warn('openDocument failed', cause)
              setFailed(a.name)
            })
          }}
        >
          📄 {a.name}（PDF，{sizeText(a.size)}）
        </ActionButton>
      ))}
      {failed ? (
        <View className="attachments__failed" {...a11y({ role: 'alert' })}>
          无法打开“{failed}”，请检查网络后重试
        </View>
      ) : null}
    </View>
  )
}
