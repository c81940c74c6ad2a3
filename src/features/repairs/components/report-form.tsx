import { Textarea, View } from '@tarojs/components'
import { useState } from 'react'

import type { Profile } from '@/core/api-types'
import type { AppError } from '@/core/errors'
import {
  CATEGORY_TEXT,
  MAX_DESCRIPTION_LENGTH,
  PLACE_KIND_TEXT,
  PROMISED,
  REPAIR_CATEGORIES,
  URGENCIES,
  URGENCY_TEXT,
  type PlaceKind,
} from '@/core/repair-case'
import type { PlaceInput, RepairCaseDetail } from '@/core/repairs-api'
import { toAppError } from '@/lib/api-client'
import { useRemote } from '@/lib/remote'
import {
  a11y,
  ActionButton,
  ErrorNotice,
  RemoteView,
  Section,
  TextField,
} from '@/lib/ui'
import { useElderMode } from '@/features/settings/elder-mode-store'

import { getPlaces } from '../api/get-places'
import { reportCase } from '../api/report-case'
import {
  reportDraftOf,
  useReportDrafts,
  type ReportDraft,
} from '../report-draft-store'
import { ChipGroup } from './chip-group'
import { PhotoPicker } from './photo-picker'
import './repairs.scss'

export interface ReportFormProps {
  profile: Profile
  estateId: string
  onReported: (kase: RepairCaseDetail) => void
}

type Problems = Partial<Record<'category' | 'place' | 'description', string>>

function problemsOf(draft: ReportDraft): Problems {
  const problems: Problems = {}
  if (!draft.category) problems.category = '请选择问题类别'
  if (!draft.place) problems.place = '请选择问题所在位置'
  const over = Array.from(draft.description).length - MAX_DESCRIPTION_LENGTH
  if (draft.description.trim() === '') problems.description = '请描述问题'
  else if (over > 0) {
    problems.description = `描述最多 ${MAX_DESCRIPTION_LENGTH} 字，已超出 ${over} 字，请删减`
  }
  return problems
}

function placeKindOf(place: PlaceInput | null): PlaceKind | null {
  return place?.kind ?? null
}

/**
 * The report: category, place, description, photos, urgency and a time
 * to call. Everything typed is kept in the draft store as it is typed.
 * In elder mode the form ends with one more screen that reads the report
 * back before it is sent.
 */
export function ReportForm({ profile, estateId, onReported }: ReportFormProps) {
  const places = useRemote(estateId, () => getPlaces(estateId))
  return (
    <RemoteView
      state={places.state}
      loadingText="正在加载报修位置…"
      onRetry={places.reload}
    >
      {(options) => (
        <ReportFields
          profile={profile}
          estateId={estateId}
          buildings={options.buildings}
          commonAreas={options.commonAreas}
          onReported={onReported}
        />
      )}
    </RemoteView>
  )
}

interface ReportFieldsProps extends ReportFormProps {
  buildings: string[]
  commonAreas: { id: string; name: string }[]
}

function ReportFields({
  profile,
  estateId,
  buildings,
  commonAreas,
  onReported,
}: ReportFieldsProps) {
  const elder = useElderMode((s) => s.elder)
  const draft = useReportDrafts(reportDraftOf(estateId))
  const edit = useReportDrafts((s) => s.edit)
  const addPhoto = useReportDrafts((s) => s.addPhoto)
  const removePhoto = useReportDrafts((s) => s.removePhoto)
  const attemptKeyFor = useReportDrafts((s) => s.attemptKeyFor)
  const finish = useReportDrafts((s) => s.finish)

  const [shown, setShown] = useState<Problems>({})
  const [reviewing, setReviewing] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const myUnits = profile.units.filter((u) => u.estateId === estateId)
  const kinds: PlaceKind[] =
    myUnits.length > 0
      ? ['unit', 'building', 'common-area']
      : ['building', 'common-area']
  // The kind of place picked before a place of that kind is picked.
  const [pickedKind, setPickedKind] = useState<PlaceKind | null>(null)
  const kind = placeKindOf(draft.place) ?? pickedKind
  const set = (change: Parameters<typeof edit>[1]) => {
    setError(null)
    edit(estateId, change)
  }

  // Said while typing, not only on sending: the text is over the limit.
  const overLimit =
    draft.description.trim() === '' ? undefined : problemsOf(draft).description

  function check(): boolean {
    const problems = problemsOf(draft)
    setShown(problems)
    return Object.keys(problems).length === 0
  }

  async function send() {
    if (!check() || !draft.category || !draft.place) return
    // Made once per attempt and kept in the draft: a retry after a lost
    // answer sends the same key and gets the first case back.
    const key = attemptKeyFor(estateId)
    setSending(true)
    setError(null)
    try {
      const kase = await reportCase(
        estateId,
        {
          category: draft.category,
          place: draft.place,
          description: draft.description.trim(),
          urgency: draft.urgency,
          photoIds: draft.photos.map((p) => p.id),
          ...(draft.contactTime.trim()
            ? { contactTime: draft.contactTime.trim() }
            : {}),
        },
        key,
      )
      finish(estateId)
      onReported(kase)
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setSending(false)
    }
  }

  const sendButton = (
    <>
      {error ? (
        <ErrorNotice
          error={error}
          onRetry={error.code === 'NETWORK_ERROR' ? send : undefined}
          retryText="重新提交"
        />
      ) : null}
      {error?.code === 'NETWORK_ERROR' ? null : (
        <ActionButton onClick={send} busy={sending} busyText="正在提交…">
          确认提交报修
        </ActionButton>
      )}
    </>
  )

  if (reviewing) {
    return (
      <Section title="请核对报修内容">
        <View {...a11y({ role: 'list' })}>
          <View {...a11y({ role: 'listitem' })}>
            类别：{draft.category ? CATEGORY_TEXT[draft.category] : ''}
          </View>
          <View {...a11y({ role: 'listitem' })}>
            位置：{placeText(draft.place, myUnits, commonAreas)}
          </View>
          <View {...a11y({ role: 'listitem' })}>描述：{draft.description}</View>
          <View {...a11y({ role: 'listitem' })}>
            照片：{draft.photos.length} 张
          </View>
          <View {...a11y({ role: 'listitem' })}>
            紧急程度：{URGENCY_TEXT[draft.urgency]}
          </View>
        </View>
        {sendButton}
        <ActionButton kind="secondary" onClick={() => setReviewing(false)}>
          返回修改
        </ActionButton>
      </Section>
    )
  }

  return (
    <View className="report">
      <Section title="问题类别">
        <ChipGroup
          label="问题类别"
          options={REPAIR_CATEGORIES.map((c) => ({
            value: c,
            text: CATEGORY_TEXT[c],
          }))}
          value={draft.category}
          onChange={(category) => set({ category })}
        />
        <Problem text={shown.category} show={!draft.category} />
      </Section>

      <Section title="问题位置">
        <ChipGroup
          label="问题位置"
          options={kinds.map((k) => ({ value: k, text: PLACE_KIND_TEXT[k] }))}
          value={kind}
          onChange={(next) => {
            if (next === kind) return
            setPickedKind(next)
            set({
              place:
                next === 'unit' && myUnits.length === 1
                  ? { kind: 'unit', unitId: myUnits[0].id }
                  : null,
            })
          }}
        />
        <PlaceDetail
          kind={kind}
          place={draft.place}
          units={myUnits}
          buildings={buildings}
          commonAreas={commonAreas}
          onChange={(place) => set({ place })}
        />
        <Problem text={shown.place} show={!draft.place} />
      </Section>

      <Section title="问题描述">
        <View className="field__label" id="report-description-label">
          描述
        </View>
        <Textarea
          id="report-description"
          className="report__textarea"
          value={draft.description}
          // Not cut at the limit: a pasted text keeps its end, and the
          // form says how much to remove (-1 lifts Taro's own limit).
          maxlength={-1}
          placeholder="什么问题、从什么时候开始、影响到谁"
          onInput={(e) => set({ description: e.detail.value })}
          nativeProps={{
            'aria-label': '描述',
            'aria-invalid': shown.description ? 'true' : 'false',
          }}
        />
        <View className="field__hint">
          {draft.description.length}/{MAX_DESCRIPTION_LENGTH} 字
        </View>
        <Problem
          text={overLimit ?? shown.description}
          show={overLimit !== undefined || draft.description.trim() === ''}
        />
      </Section>

      <Section title="照片（选填，最多 9 张）">
        <PhotoPicker
          estateId={estateId}
          photos={draft.photos}
          onAdd={(photo) => addPhoto(estateId, photo)}
          onRemove={(id) => removePhoto(estateId, id)}
        />
      </Section>

      <Section title="紧急程度">
        <ChipGroup
          label="紧急程度"
          options={URGENCIES.map((u) => ({
            value: u,
            text: URGENCY_TEXT[u],
            hint: PROMISED[u].text,
          }))}
          value={draft.urgency}
          onChange={(urgency) => set({ urgency })}
        />
      </Section>

      <Section>
        <TextField
          id="report-contact-time"
          label="方便联系的时间（选填）"
          value={draft.contactTime}
          maxlength={50}
          placeholder="如：工作日晚上 7 点后"
          onChange={(contactTime) => set({ contactTime })}
        />
      </Section>

      <View className="muted report__saved" {...a11y({ role: 'status' })}>
        填写的内容会自动保存在本机，离开后回来可继续填写
      </View>
      {elder ? (
        <ActionButton onClick={() => check() && setReviewing(true)}>
          下一步：核对报修
        </ActionButton>
      ) : (
        sendButton
      )}
    </View>
  )
}

function Problem({ text, show }: { text?: string; show: boolean }) {
  if (!text || !show) return null
  return (
    <View className="field__problem" {...a11y({ role: 'alert' })}>
      {text}
    </View>
  )
}

function placeText(
  place: PlaceInput | null,
  units: Profile['units'],
  commonAreas: { id: string; name: string }[],
): string {
  if (!place) return ''
  if (place.kind === 'unit') {
    return units.find((u) => u.id === place.unitId)?.label ?? ''
  }
  if (place.kind === 'building') return `${place.building}号楼`
  return commonAreas.find((a) => a.id === place.commonAreaId)?.name ?? ''
}

interface PlaceDetailProps {
  kind: PlaceKind | null
  place: PlaceInput | null
  units: Profile['units']
  buildings: string[]
  commonAreas: { id: string; name: string }[]
  onChange: (place: PlaceInput) => void
}

function PlaceDetail({
  kind,
  place,
  units,
  buildings,
  commonAreas,
  onChange,
}: PlaceDetailProps) {
  if (kind === 'unit') {
    return (
      <ChipGroup
        label="哪一处房屋"
        options={units.map((u) => ({ value: u.id, text: u.label }))}
        value={place?.kind === 'unit' ? place.unitId : null}
        onChange={(unitId) => onChange({ kind: 'unit', unitId })}
      />
    )
  }
  if (kind === 'building') {
    return (
      <ChipGroup
        label="哪一栋楼"
        options={buildings.map((b) => ({ value: b, text: `${b}号楼` }))}
        value={place?.kind === 'building' ? place.building : null}
        onChange={(building) => onChange({ kind: 'building', building })}
      />
    )
  }
  if (kind === 'common-area') {
    return (
      <ChipGroup
        label="哪一处公共区域"
        options={commonAreas.map((a) => ({ value: a.id, text: a.name }))}
        value={place?.kind === 'common-area' ? place.commonAreaId : null}
        onChange={(commonAreaId) =>
          onChange({ kind: 'common-area', commonAreaId })
        }
      />
    )
  }
  return null
}
