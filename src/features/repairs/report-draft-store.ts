import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

import type { StoredFile } from '@/core/files-api'
import type { RepairCategory, Urgency } from '@/core/repair-case'
import type { PlaceInput } from '@/core/repairs-api'
import { randomId, storageAdapter } from '@/platform'

/**
 * The report being written, one per estate, kept in storage so that
 * leaving the app, a restart or a lost connection loses nothing. Photos
 * are kept as the files the backend already holds: a local path would not
 * outlive the app on H5.
 *
 * `attemptKey` is the idempotency key of the send in flight: made once
 * when the draft is first sent, kept while the draft stays the same, so a
 * retry after a network failure finds the case the first send made. Any
 * change to the draft makes it a new attempt.
 */
export interface ReportDraft {
  category: RepairCategory | null
  place: PlaceInput | null
  description: string
  urgency: Urgency
  contactTime: string
  photos: StoredFile[]
  attemptKey: string | null
}

export const EMPTY_DRAFT: ReportDraft = {
  category: null,
  place: null,
  description: '',
  urgency: 'normal',
  contactTime: '',
  photos: [],
  attemptKey: null,
}

type DraftChange = Partial<Omit<ReportDraft, 'attemptKey' | 'photos'>>

interface ReportDraftState {
  drafts: Record<string, ReportDraft>
  edit: (estateId: string, change: DraftChange) => void
  addPhoto: (estateId: string, photo: StoredFile) => void
  removePhoto: (estateId: string, fileId: string) => void
  /** The key for sending this draft now: the kept one, or a new one. */
  attemptKeyFor: (estateId: string) => string
  /** Forgets the draft once its case exists. */
  finish: (estateId: string) => void
}

const ATTEMPT_KEY_LENGTH = 32

export const useReportDrafts = create<ReportDraftState>()(
  persist(
    (set, get) => {
      const draftOf = (estateId: string) =>
        get().drafts[estateId] ?? EMPTY_DRAFT
      const update = (estateId: string, change: Partial<ReportDraft>) =>
        set((s) => ({
          drafts: {
            ...s.drafts,
            [estateId]: { ...draftOf(estateId), ...change },
          },
        }))

      return {
        drafts: {},
        edit: (estateId, change) =>
          update(estateId, { ...change, attemptKey: null }),
        addPhoto: (estateId, photo) =>
          update(estateId, {
            photos: [...draftOf(estateId).photos, photo],
            attemptKey: null,
          }),
        removePhoto: (estateId, fileId) =>
          update(estateId, {
            photos: draftOf(estateId).photos.filter((p) => p.id !== fileId),
            attemptKey: null,
          }),
        attemptKeyFor: (estateId) => {
          const kept = draftOf(estateId).attemptKey
          if (kept) return kept
          const attemptKey = randomId(ATTEMPT_KEY_LENGTH)
          update(estateId, { attemptKey })
          return attemptKey
        },
        finish: (estateId) =>
          set((s) => {
            const drafts = { ...s.drafts }
            delete drafts[estateId]
            return { drafts }
          }),
      }
    },
    {
      name: 'linli.report-drafts',
      storage: createJSONStorage(() => storageAdapter),
      partialize: (s) => ({ drafts: s.drafts }),
    },
  ),
)

export function reportDraftOf(estateId: string) {
  return (s: ReportDraftState): ReportDraft => s.drafts[estateId] ?? EMPTY_DRAFT
}
