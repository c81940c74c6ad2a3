import type { BallotItemView } from '@/core/api-types'
import { CHOICE_TEXT } from '@/core/ballot'
import type { ItemChoice } from '@/core/election-api'
import { picksText } from '@/core/election-api'

import type { VoteDraft } from './vote-draft-store'

/**
 * A draft's answer per item, for both kinds of item: 同意/反对/弃权 on a
 * motion, the candidates picked (or 弃权) on an election.
 */
export function picksOf(draft: VoteDraft, itemId: string): string[] {
  return draft.picks?.[itemId] ?? []
}

export function isAnswered(item: BallotItemView, draft: VoteDraft): boolean {
  if (item.election) {
    return (
      draft.choices[item.id] === 'abstain' || picksOf(draft, item.id).length > 0
    )
  }
  return draft.choices[item.id] !== undefined
}

export function answerOf(item: BallotItemView, draft: VoteDraft): ItemChoice {
  if (item.election) {
    // Abstaining on an election is an empty list of picks.
    return { itemId: item.id, picks: picksOf(draft, item.id) }
  }
  return { itemId: item.id, choice: draft.choices[item.id] }
}

export function answerText(item: BallotItemView, draft: VoteDraft): string {
  if (!item.election) return CHOICE_TEXT[draft.choices[item.id]]
  const picks = picksOf(draft, item.id)
  const names = item.election.candidates
    .filter((c) => picks.includes(c.id))
    .map((c) => c.name)
  return picksText(names)
}
