import { Image, View } from '@tarojs/components'
import { useRef, useState } from 'react'

import { MAX_CANDIDATE_DOCUMENTS } from '@/core/election-api'
import type { AppError } from '@/core/errors'
import type { FileRefusal, FileType } from '@/core/files'
import { PHOTO_TYPES, refusalText } from '@/core/files'
import type { StoredFile } from '@/core/files-api'
import { fileUrl, toAppError, uploadFile } from '@/lib/api-client'
import { a11y, ActionButton, ErrorNotice, TextField } from '@/lib/ui'
import { chooseDocument, choosePhotos, compressPhoto } from '@/platform'

import type {
  CandidateFile,
  CandidateForm,
  ElectionForm,
  ElectionKind,
  ElectionProblems,
} from '../election-form'
import {
  CANDIDATE_NAME_MAX,
  CANDIDATE_STATEMENT_MAX,
  emptyCandidate,
  publishedPreview,
  withKind,
} from '../election-form'
import { OptionGroup } from './option-group'
import './ballot-admin.scss'

const KIND_OPTIONS: { value: ElectionKind; text: string }[] = [
  { value: 'none', text: '普通事项（同意/反对/弃权）' },
  { value: 'committee', text: '选举（业主委员会委员）' },
  { value: 'tender', text: '选聘物业（从投标企业中选 1 家）' },
]

const PDF: readonly FileType[] = ['application/pdf']

export interface ElectionEditorProps {
  /** Distinguishes the field ids of several open item forms. */
  idPrefix: string
  estateId: string
  value: ElectionForm
  onChange: (next: ElectionForm) => void
  problems: ElectionProblems | null
}

/**
 * Makes a ballot item an election: the kind, seats, how many an owner
 * may pick, and the candidates. Everything stays in the parent's form
 * until the item is saved, so a refusal loses nothing typed.
 */
export function ElectionEditor({
  idPrefix,
  estateId,
  value,
  onChange,
  problems,
}: ElectionEditorProps) {
  const tender = value.kind === 'tender'
  const word = tender ? '投标企业' : '候选人'
  // A candidate's upload may finish after other edits: map over the
  // list as it is then.
  const latest = useRef(value)
  latest.current = value
  const setCandidate = (next: CandidateForm) =>
    onChange({
      ...latest.current,
      candidates: latest.current.candidates.map((c) =>
        c.key === next.key ? next : c,
      ),
    })

  return (
    <View>
      <OptionGroup
        label="事项方式"
        options={KIND_OPTIONS}
        value={value.kind}
        onChange={(kind) => onChange(withKind(value, kind))}
        hint="选举和选聘物业都属于一般事项，候选人须多于应选人数"
      />
      {value.kind === 'none' ? null : (
        <View>
          <TextField
            id={`${idPrefix}-seats`}
            label={tender ? '应选企业数' : '应选人数'}
            type="number"
            value={value.seats}
            onChange={(seats) => onChange({ ...value, seats })}
            hint={tender ? '选聘物业只能选出 1 家' : undefined}
            problem={problems?.seats}
          />
          <TextField
            id={`${idPrefix}-max-picks`}
            label="每位业主最多可选"
            type="number"
            value={value.maxPicks}
            onChange={(maxPicks) => onChange({ ...value, maxPicks })}
            hint="不能多于应选人数"
            problem={problems?.maxPicks}
          />
          <View
            className="admin-item__new"
            {...a11y({ role: 'heading', level: 4 })}
          >
            {word}（{value.candidates.length} 名）
          </View>
          <View {...a11y({ role: 'list', label: `${word}名单` })}>
            {value.candidates.map((c, index) => (
              <CandidateCard
                key={c.key}
                idPrefix={`${idPrefix}-c${index + 1}`}
                seq={index + 1}
                tender={tender}
                estateId={estateId}
                value={c}
                problem={problems?.names[c.key]}
                onChange={setCandidate}
                onRemove={() =>
                  onChange({
                    ...value,
                    candidates: value.candidates.filter((x) => x.key !== c.key),
                  })
                }
              />
            ))}
          </View>
          {problems?.candidates ? (
            <View className="field__problem" {...a11y({ role: 'alert' })}>
              {problems.candidates}
            </View>
          ) : null}
          <ActionButton
            kind="secondary"
            onClick={() =>
              onChange({
                ...value,
                candidates: [...value.candidates, emptyCandidate()],
              })
            }
          >
            添加{word}
          </ActionButton>
        </View>
      )}
    </View>
  )
}

function Tick({
  label,
  checked,
  onChange,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <View
      className={`option${checked ? ' option--on' : ''}`}
      onClick={() => onChange(!checked)}
      {...a11y({ role: 'checkbox', label, checked, focusable: true })}
    >
      <View aria-hidden="true">{checked ? '☑' : '☐'}</View>
      <View className="option__text">{label}</View>
    </View>
  )
}

function CandidateCard({
  idPrefix,
  seq,
  tender,
  estateId,
  value,
  problem,
  onChange,
  onRemove,
}: {
  idPrefix: string
  seq: number
  tender: boolean
  estateId: string
  value: CandidateForm
  problem?: string
  onChange: (next: CandidateForm) => void
  onRemove: () => void
}) {
  const [progress, setProgress] = useState<number | null>(null)
  const [refused, setRefused] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const busy = progress !== null
  const who = `${seq} 号${tender ? '投标企业' : '候选人'}`
  // An upload ends after the person may have typed on: its result is
  // merged into the candidate as it is then, not as it was at the start.
  const latest = useRef(value)
  latest.current = value
  const set = (patch: Partial<CandidateForm>) =>
    onChange({ ...latest.current, ...patch })
  const consent = (key: keyof CandidateForm['consent'], on: boolean) =>
    set({ consent: { ...value.consent, [key]: on } })

  const send = async (path: string, name: string): Promise<CandidateFile> => {
    setProgress(0)
    const stored = await uploadFile<StoredFile>(
      `/files?estateId=${encodeURIComponent(estateId)}`,
      path,
      { onProgress: setProgress },
    )
    return { fileId: stored.id, url: fileUrl(stored), name, type: stored.type }
  }

  const refuse = (refusal: FileRefusal, allowed: readonly FileType[]) =>
    setRefused(`文件未添加：${refusalText(refusal, allowed)}`)

  const run = (work: () => Promise<void>) => {
    setError(null)
    setRefused(null)
    work().then(
      () => setProgress(null),
      (cause: unknown) => {
        setProgress(null)
        setError(toAppError(cause))
      },
    )
  }

  const addPhoto = (asDocument: boolean) =>
    run(async () => {
      const chosen = await choosePhotos(1)
      const first = chosen.refused[0]
      if (first) refuse(first.refusal, PHOTO_TYPES)
      const photo = chosen.photos[0]
      if (!photo) return
      const small = await compressPhoto(photo)
      if (asDocument) {
        const file = await send(
          small.path,
          `图片 ${value.documents.length + 1}`,
        )
        set({ documents: [...latest.current.documents, file] })
      } else {
        set({ photo: await send(small.path, tender ? '标志' : '照片') })
      }
    })

  const addPdf = () =>
    run(async () => {
      const choice = await chooseDocument()
      if (choice.kind === 'refused') refuse(choice.refusal, PDF)
      if (choice.kind !== 'chosen') return
      const file = await send(choice.document.path, choice.document.name)
      set({ documents: [...latest.current.documents, file] })
    })

  const roomForDocuments = MAX_CANDIDATE_DOCUMENTS - value.documents.length

  return (
    <View className="admin-item" {...a11y({ role: 'listitem', label: who })}>
      <View className="admin-item__title">{who}</View>
      <TextField
        id={`${idPrefix}-name`}
        label={tender ? `${who}名称` : `${who}姓名`}
        value={value.name}
        onChange={(name) => set({ name })}
        maxlength={CANDIDATE_NAME_MAX}
        problem={problem}
      />
      <TextField
        id={`${idPrefix}-statement`}
        label={tender ? `${who}投标摘要` : `${who}简介`}
        value={value.statement}
        onChange={(statement) => set({ statement })}
        maxlength={CANDIDATE_STATEMENT_MAX}
        hint={
          tender ? '报价、服务内容、承诺等要点' : '一两句话，业主投票前阅读'
        }
      />
      {tender ? null : (
        <View
          className="options"
          {...a11y({ role: 'group', label: `${who}同意公开的信息` })}
        >
          <Tick
            label="公开姓名"
            checked={value.consent.name}
            onChange={(on) => consent('name', on)}
          />
          <Tick
            label="公开照片"
            checked={value.consent.photo}
            onChange={(on) => consent('photo', on)}
          />
          <Tick
            label="公开简介"
            checked={value.consent.statement}
            onChange={(on) => consent('statement', on)}
          />
          <View className="muted" {...a11y({ live: 'polite' })}>
            {publishedPreview(value)}
          </View>
        </View>
      )}

      {value.photo ? (
        <View className="picked">
          {value.photo.url ? (
            <Image
              src={value.photo.url}
              mode="aspectFill"
              className="picked__thumb"
              ariaLabel={`${who}的${value.photo.name}`}
            />
          ) : null}
          <View className="picked__name">已上传{value.photo.name}</View>
          <ActionButton
            kind="link"
            label={`移除 ${who}的${value.photo.name}`}
            onClick={() => set({ photo: null })}
          >
            移除
          </ActionButton>
        </View>
      ) : (
        <ActionButton
          kind="secondary"
          disabled={busy}
          label={`上传 ${who}的${tender ? '标志' : '照片'}`}
          onClick={() => addPhoto(false)}
        >
          上传{tender ? '标志' : '照片'}
        </ActionButton>
      )}

      {value.documents.length > 0 ? (
        <View {...a11y({ role: 'list', label: `${who}的材料` })}>
          {value.documents.map((d) => (
            <View
              key={d.fileId}
              className="picked"
              {...a11y({ role: 'listitem' })}
            >
              <View className="picked__name">{d.name}</View>
              <ActionButton
                kind="link"
                label={`移除 ${who}的材料：${d.name}`}
                onClick={() =>
                  set({
                    documents: value.documents.filter(
                      (x) => x.fileId !== d.fileId,
                    ),
                  })
                }
              >
                移除
              </ActionButton>
            </View>
          ))}
        </View>
      ) : null}
      <View className="admin-item__actions">
        <ActionButton
          kind="secondary"
          disabled={busy || roomForDocuments <= 0}
          label={`为 ${who}添加${tender ? '投标文件' : '材料'}图片`}
          onClick={() => addPhoto(true)}
        >
          添加图片材料
        </ActionButton>
        <ActionButton
          kind="secondary"
          disabled={busy || roomForDocuments <= 0}
          label={`为 ${who}添加${tender ? '投标文件' : '材料'} PDF`}
          onClick={addPdf}
        >
          添加 PDF
        </ActionButton>
      </View>
      {busy ? (
        <View {...a11y({ role: 'status', live: 'polite' })}>
          正在上传…{progress}%
        </View>
      ) : null}
      {refused ? (
        <View className="field__problem" {...a11y({ role: 'alert' })}>
          {refused}
        </View>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton kind="danger" label={`删除 ${who}`} onClick={onRemove}>
        删除此{tender ? '企业' : '候选人'}
      </ActionButton>
    </View>
  )
}
