import { Image, View } from '@tarojs/components'
import { useState } from 'react'

import type { AppError } from '@/core/errors'
import { MAX_PHOTOS, refusalText } from '@/core/files'
import type { StoredFile } from '@/core/files-api'
import { fileUrl, toAppError } from '@/lib/api-client'
import { a11y, ActionButton, ErrorNotice } from '@/lib/ui'
import { choosePhotos, compressPhoto } from '@/platform'

import { uploadPhoto } from '../api/upload-photo'

export interface PhotoPickerProps {
  estateId: string
  photos: StoredFile[]
  onAdd: (photo: StoredFile) => void
  onRemove: (fileId: string) => void
  /** What the photos show, for the group's accessible name. */
  label?: string
}

interface Uploading {
  key: string
  percent: number
}

/**
 * Up to MAX_PHOTOS photos from the camera or album: each compressed, then
 * uploaded at once with its progress shown, so the draft keeps only
 * photos the backend already holds. Refused files are named with the
 * reason, never dropped in silence.
 */
export function PhotoPicker({
  estateId,
  photos,
  onAdd,
  onRemove,
  label = '照片',
}: PhotoPickerProps) {
  const [uploading, setUploading] = useState<Uploading[]>([])
  const [refusals, setRefusals] = useState<string[]>([])
  const [error, setError] = useState<AppError | null>(null)
  const room = MAX_PHOTOS - photos.length - uploading.length

  async function add() {
    setRefusals([])
    setError(null)
    let choice
    try {
      choice = await choosePhotos(room)
    } catch (cause) {
      setError(toAppError(cause))
      return
    }
    setRefusals(
      choice.refused.map(
        (r) => `${r.count} 张没有添加：${refusalText(r.refusal)}`,
      ),
    )
    await Promise.all(
      choice.photos.map(async (photo, index) => {
        const key = `${Date.now()}-${index}`
        const progress = (percent: number) =>
          setUploading((list) =>
            list.map((u) => (u.key === key ? { ...u, percent } : u)),
          )
        setUploading((list) => [...list, { key, percent: 0 }])
        try {
          const small = await compressPhoto(photo)
          onAdd(await uploadPhoto(estateId, small.path, progress))
        } catch (cause) {
          setError(toAppError(cause))
        } finally {
          setUploading((list) => list.filter((u) => u.key !== key))
        }
      }),
    )
  }

  return (
    <View className="repair-photos">
      <View
        className="repair-photos__grid"
        {...a11y({
          role: 'list',
          label: `${label}，已添加 ${photos.length} 张`,
        })}
      >
        {photos.map((photo, index) => (
          <View
            key={photo.id}
            className="repair-photos__item"
            {...a11y({ role: 'listitem' })}
          >
            <Image
              className="repair-photos__image"
              src={fileUrl(photo)}
              mode="aspectFill"
              ariaLabel={`第 ${index + 1} 张照片`}
              imgProps={{ alt: `第 ${index + 1} 张照片` }}
            />
            <ActionButton
              kind="link"
              label={`删除第 ${index + 1} 张照片`}
              onClick={() => onRemove(photo.id)}
            >
              删除
            </ActionButton>
          </View>
        ))}
        {uploading.map((u) => (
          <View
            key={u.key}
            className="repair-photos__item repair-photos__item--busy"
            {...a11y({ role: 'listitem' })}
          >
            <View
              className="repair-photos__progress"
              {...a11y({ role: 'progressbar', label: '照片上传中' })}
              aria-valuenow={String(u.percent)}
              aria-valuemin="0"
              aria-valuemax="100"
            >
              上传中 {u.percent}%
            </View>
          </View>
        ))}
      </View>
      {refusals.length > 0 ? (
        <View className="field__problem" {...a11y({ role: 'alert' })}>
          {refusals.join('；')}
        </View>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton
        kind="secondary"
        onClick={add}
        disabled={room <= 0}
        label={`添加照片，已添加 ${photos.length} 张，最多 ${MAX_PHOTOS} 张`}
      >
        {room <= 0
          ? `已达 ${MAX_PHOTOS} 张上限`
          : `拍照或从相册添加（${photos.length}/${MAX_PHOTOS}）`}
      </ActionButton>
    </View>
  )
}
