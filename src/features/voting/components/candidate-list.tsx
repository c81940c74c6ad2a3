import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import type { CandidateDocument, ElectionView } from '@/core/election-api'
import { warn } from '@/lib/log'
import { a11y, ActionButton } from '@/lib/ui'
import { API_BASE, openDocument } from '@/platform'

import './voting.scss'

const KIND_TEXT = { person: '候选人', company: '投标企业' } as const

function documentText(d: CandidateDocument, index: number): string {
  return d.type === 'application/pdf'
    ? `材料 ${index + 1}（PDF）`
    : `材料 ${index + 1}（图片）`
}

/**
 * An election item's candidates for reading before the vote: only what
 * each agreed to publish (the backend has already masked the rest), and
 * their documents, PDFs in the platform's viewer and images enlarged.
 * Links are signed and expire, so they are used as given.
 */
export function CandidateList({
  label,
  election,
}: {
  label: string
  election: ElectionView
}) {
  const [failed, setFailed] = useState<string | null>(null)

  const open = (name: string, d: CandidateDocument) => {
    setFailed(null)
    const url = `${API_BASE}${d.url}`
    const opening =
      d.type === 'application/pdf'
        ? openDocument(url)
        : Taro.previewImage({ urls: [url], current: url })
    opening.catch((cause: unknown) => {
      warn('candidate document did not open', cause)
      setFailed(name)
    })
  }

  return (
    <View>
      <View className="muted">
        应选 {election.seats} 名，每位业主最多选 {election.maxPicks} 名
      </View>
      <View {...a11y({ role: 'list', label })}>
        {election.candidates.map((c) => {
          const who = `${c.seq} 号${KIND_TEXT[c.kind]} ${c.name}`
          return (
            <View
              key={c.id}
              className="candidate"
              {...a11y({ role: 'listitem', label: who })}
            >
              {c.photoUrl ? (
                <Image
                  className="candidate__photo"
                  src={`${API_BASE}${c.photoUrl}`}
                  mode="aspectFill"
                  ariaLabel={`${c.name}的照片`}
                />
              ) : (
                <View
                  className="candidate__photo candidate__initial"
                  aria-hidden
                >
                  {Array.from(c.name)[0]}
                </View>
              )}
              <View className="candidate__body">
                <View className="candidate__name">{who}</View>
                <View className="candidate__statement">
                  {c.statement ??
                    (c.kind === 'company'
                      ? '未提供投标摘要'
                      : '候选人未同意公开简介')}
                </View>
                {c.documents.map((d, index) => (
                  <ActionButton
                    key={d.id}
                    kind="link"
                    label={`打开${who}的${documentText(d, index)}`}
                    onClick={() => open(c.name, d)}
                  >
                    📄 {documentText(d, index)}
                  </ActionButton>
                ))}
              </View>
            </View>
          )
        })}
      </View>
      {failed ? (
        <View className="field__problem" {...a11y({ role: 'alert' })}>
          无法打开“{failed}”的材料，请检查网络后重试
        </View>
      ) : null}
    </View>
  )
}
