import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

import type { Choice } from '@/core/tally'
import { randomId, storageAdapter } from '@/platform'

/**
 * What a person has chosen on a ballot, kept until a receipt arrives, so
 * that leaving the page or the app loses nothing.
 *
 * `attemptKey` is the idempotency key of the submit in flight. It is made
 * once, when the draft is first sent, and kept while the draft stays the
 * same, so a retry after a network failure replays the same attempt and
 * cannot count twice. Any change to the draft makes it a new attempt.
 */
export interface VoteDraft {
  voterId: string | null
  choices: Record<string, Choice>
  /**
   * Candidates picked on election items. Missing in drafts kept before
   * elections existed. Abstaining on an election is choices[id] 弃权.
   */
  picks?: Record<string, string[]>
  attemptKey: string | null
}

interface VoteDraftState {
  drafts: Record<string, VoteDraft>
  choose: (ballotId: string, itemId: string, choice: Choice) => void
  /** Picks on an election item; picking someone undoes an abstention. */
  pick: (ballotId: string, itemId: string, picks: string[]) => void
  selectVoter: (ballotId: string, voterId: string) => void
  /** The key for sending this draft now: the kept one, or a new one. */
  attemptKeyFor: (ballotId: string) => string
  /** Forgets a draft once its receipt is held. */
  finish: (ballotId: string) => void
  clearAll: () => void
}

const EMPTY: VoteDraft = { voterId: null, choices: {}, attemptKey: null }
const ATTEMPT_KEY_LENGTH = 32

export const useVoteDrafts = create<VoteDraftState>()(
  persist(
    (set, get) => {
      const update = (ballotId: string, change: Partial<VoteDraft>) =>
        set((s) => ({
          drafts: {
            ...s.drafts,
            [ballotId]: { ...(s.drafts[ballotId] ?? EMPTY), ...change },
          },
        }))

      return {
        drafts: {},
        choose: (ballotId, itemId, choice) => {
          const draft = get().drafts[ballotId] ?? EMPTY
          if (draft.choices[itemId] === choice) return
          const picks = { ...draft.picks }
          delete picks[itemId]
          update(ballotId, {
            choices: { ...draft.choices, [itemId]: choice },
            picks,
            attemptKey: null,
          })
        },
        pick: (ballotId, itemId, picks) => {
          const draft = get().drafts[ballotId] ?? EMPTY
          const choices = { ...draft.choices }
          delete choices[itemId]
          update(ballotId, {
            choices,
            picks: { ...draft.picks, [itemId]: picks },
            attemptKey: null,
          })
        },
        selectVoter: (ballotId, voterId) => {
          const draft = get().drafts[ballotId] ?? EMPTY
          if (draft.voterId === voterId) return
          update(ballotId, { voterId, attemptKey: null })
        },
        attemptKeyFor: (ballotId) => {
          const kept = get().drafts[ballotId]?.attemptKey
          if (kept) return kept
          const attemptKey = randomId(ATTEMPT_KEY_LENGTH)
          update(ballotId, { attemptKey })
          return attemptKey
        },
        finish: (ballotId) =>
          set((s) => {
            const drafts = { ...s.drafts }
            delete drafts[ballotId]
            return { drafts }
          }),
        clearAll: () => set({ drafts: {} }),
      }
    },
    {
      name: 'linli.vote-drafts',
      storage: createJSONStorage(() => storageAdapter),
      partialize: (s) => ({ drafts: s.drafts }),
    },
  ),
)

export function draftOf(ballotId: string) {
  return (s: VoteDraftState): VoteDraft => s.drafts[ballotId] ?? EMPTY
}
