import { Image, View } from '@tarojs/components'
import { useState } from 'react'

import type { AppError } from '@/core/errors'
import type { FileRefusal, FileType } from '@/core/files'
import { PHOTO_TYPES, refusalText } from '@/core/files'
import type { StoredFile } from '@/core/files-api'
import type { AttachmentKind, NewAttachment } from '@/core/notices-api'
import { NOTICE_ATTACHMENTS_MAX } from '@/core/notices-api'
import { fileUrl, toAppError, uploadFile } from '@/lib/api-client'
import { a11y, ActionButton, ErrorNotice } from '@/lib/ui'
import { chooseDocument, choosePhotos, compressPhoto } from '@/platform'

import { sizeText } from '../notice-text'
import './notices.scss'

/** An attachment uploaded for the notice being written. */
export interface PickedAttachment extends NewAttachment {
  kind: AttachmentKind
  size: number
  /** The signed link, for the preview. */
  url: string
}

const PDF: readonly FileType[] = ['application/pdf']

export interface AttachmentPickerProps {
  estateId: string
  value: PickedAttachment[]
  onChange: (next: PickedAttachment[]) => void
}

/**
 * Adds images (compressed first) and PDFs to a notice through the
 * shared upload facility: POST /api/files checks each file's type by its
 * content and its size, and the notice only names the stored files.
 */
export function AttachmentPicker({
  estateId,
  value,
  onChange,
}: AttachmentPickerProps) {
  const [progress, setProgress] = useState<number | null>(null)
  const [refused, setRefused] = useState<string[]>([])
  const [error, setError] = useState<AppError | null>(null)
  const room = NOTICE_ATTACHMENTS_MAX - value.length
  const busy = progress !== null

  const send = async (
    path: string,
    kind: AttachmentKind,
    name: string,
  ): Promise<PickedAttachment> => {
    setProgress(0)
    const stored = await uploadFile<StoredFile>(
      `/files?estateId=${encodeURIComponent(estateId)}`,
      path,
      { onProgress: setProgress },
    )
    return {
      fileId: stored.id,
      name,
      kind,
      size: stored.size,
      url: fileUrl(stored),
    }
  }

  const run = (work: () => Promise<PickedAttachment[]>) => {
    setError(null)
    setRefused([])
    work().then(
      (added) => {
        setProgress(null)
        if (added.length > 0) onChange([...value, ...added])
      },
      (cause: unknown) => {
        setProgress(null)
        setError(toAppError(cause))
      },
    )
  }

  const refuse = (
    items: { refusal: FileRefusal; count: number }[],
    allowed: readonly FileType[],
  ) =>
    setRefused(
      items.map(
        (r) => `${r.count} 个文件未添加：${refusalText(r.refusal, allowed)}`,
      ),
    )

  const addImages = () =>
    run(async () => {
      const chosen = await choosePhotos(room)
      refuse(chosen.refused, PHOTO_TYPES)
      const added: PickedAttachment[] = []
      for (const photo of chosen.photos) {
        const small = await compressPhoto(photo)
        added.push(
          await send(
            small.path,
            'image',
            `图片 ${value.length + added.length + 1}`,
          ),
        )
      }
      return added
    })

  const addPdf = () =>
    run(async () => {
      const choice = await chooseDocument()
      if (choice.kind === 'refused') {
        refuse([{ refusal: choice.refusal, count: 1 }], PDF)
        return []
      }
      if (choice.kind === 'cancelled') return []
      return [await send(choice.document.path, 'pdf', choice.document.name)]
    })

  return (
    <View>
      {value.length > 0 ? (
        <View {...a11y({ role: 'list', label: '已添加的附件' })}>
          {value.map((a) => (
            <View
              key={a.fileId}
              className="picked"
              {...a11y({ role: 'listitem' })}
            >
              {a.kind === 'image' ? (
                <Image
                  src={a.url}
                  mode="aspectFill"
                  className="picked__thumb"
                  ariaLabel={a.name}
                />
              ) : (
                <View className="picked__pdf" aria-hidden="true">
                  PDF
                </View>
              )}
              <View className="picked__name">
                {a.name}（{sizeText(a.size)}）
              </View>
              <ActionButton
                kind="link"
                label={`移除附件：${a.name}`}
                onClick={() =>
                  onChange(value.filter((x) => x.fileId !== a.fileId))
                }
              >
                移除
              </ActionButton>
            </View>
          ))}
        </View>
      ) : (
        <View className="muted">
          可添加图片或 PDF，最多 {NOTICE_ATTACHMENTS_MAX} 个
        </View>
      )}
      {busy ? (
        <View
          className="picked__progress"
          {...a11y({ role: 'status', live: 'polite' })}
        >
          正在上传…{progress}%
        </View>
      ) : null}
      {refused.map((text) => (
        <View
          key={text}
          className="field__problem"
          {...a11y({ role: 'alert' })}
        >
          {text}
        </View>
      ))}
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton
        kind="secondary"
        onClick={addImages}
        disabled={busy || room <= 0}
      >
        添加图片
      </ActionButton>
      <ActionButton
        kind="secondary"
        onClick={addPdf}
        disabled={busy || room <= 0}
      >
        添加 PDF 文件
      </ActionButton>
    </View>
  )
}
