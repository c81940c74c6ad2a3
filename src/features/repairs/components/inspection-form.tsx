import { View } from '@tarojs/components'
import { useState } from 'react'

import type { AppError } from '@/core/errors'
import type { StoredFile } from '@/core/files-api'
import type { ProjectDetail } from '@/core/repairs-api'
import { toAppError } from '@/lib/api-client'
import { ActionButton, ErrorNotice, Section, TextField } from '@/lib/ui'

import { logInspection } from '../api/log-inspection'
import { ChipGroup } from './chip-group'
import { PhotoPicker } from './photo-picker'

const VERDICT_OPTIONS = [
  { value: 'passed', text: '合格' },
  { value: 'issue', text: '发现问题' },
] as const

type Verdict = (typeof VERDICT_OPTIONS)[number]['value']

export interface InspectionFormProps {
  project: ProjectDetail
  onLogged: (project: ProjectDetail) => void
}

/**
 * A site check by the residents' inspection team. Who is on the team is
 * the backend's register (`canInspect`); the note and the photos already
 * uploaded stay here when a send fails, and clear only once it is logged.
 */
export function InspectionForm({ project, onLogged }: InspectionFormProps) {
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<StoredFile[]>([])
  const [tried, setTried] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const noteProblem = note.trim() === '' ? '请填写检查情况' : null
  const verdictProblem = verdict === null ? '请选择检查结论' : null

  async function send() {
    setTried(true)
    if (noteProblem || verdictProblem) return
    setSending(true)
    setError(null)
    try {
      const after = await logInspection(project.id, {
        passed: verdict === 'passed',
        note: note.trim(),
        photoIds: photos.map((p) => p.id),
      })
      setVerdict(null)
      setNote('')
      setPhotos([])
      setTried(false)
      onLogged(after)
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setSending(false)
    }
  }

  return (
    <Section title="登记现场检查（居民监督小组）">
      <View className="field__label" aria-hidden="true">
        检查结论
      </View>
      <ChipGroup
        label="检查结论"
        options={VERDICT_OPTIONS}
        value={verdict}
        onChange={setVerdict}
      />
      {tried && verdictProblem ? (
        <View className="field__problem">{verdictProblem}</View>
      ) : null}
      <TextField
        id="inspection-note"
        label="检查情况"
        value={note}
        maxlength={300}
        onChange={setNote}
        problem={tried ? noteProblem : null}
      />
      <PhotoPicker
        estateId={project.estateId}
        photos={photos}
        label="现场照片"
        onAdd={(photo) => setPhotos((list) => [...list, photo])}
        onRemove={(id) => setPhotos((list) => list.filter((p) => p.id !== id))}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton onClick={send} busy={sending} busyText="正在提交…">
        提交检查记录
      </ActionButton>
    </Section>
  )
}
