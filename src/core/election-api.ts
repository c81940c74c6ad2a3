/**
 * The shapes of an election item (the owners' committee, or the property
 * company chosen from a tender) as staff define it, owners see it and
 * vote on it, and results show it. Types and two small rules only; the
 * count itself is election.ts.
 *
 * A candidate's personal data show only what the candidate agreed to
 * publish: a person's name is masked, and the photo and statement are
 * left out, unless they consented. A company's name is public anyway.
 */
import type { FileType } from './files'
import type { ElectionOutcome } from './election'
import type { MeasureView } from './api-types'
import type { Choice } from './tally'

export type CandidateKind = 'person' | 'company'

// A committee of 5 to 11 members (Shanghai's regulation art. 20) with a
// few reserves, or a tender with a handful of bidders, fits well inside.
export const MAX_CANDIDATES = 30
export const MAX_CANDIDATE_DOCUMENTS = 5

/** What a candidate agreed to publish about themselves. */
export interface CandidateConsent {
  name: boolean
  photo: boolean
  statement: boolean
}

export interface CandidateRequest {
  kind: CandidateKind
  /** A person's full name, or the company's registered name. */
  name: string
  /** A short statement, or a company's bid summary. */
  statement: string
  /** A photo (person) or logo (company), uploaded first. */
  photoFileId: string | null
  /** Bid documents, or a person's CV; uploaded first. */
  documentFileIds: string[]
  consent: CandidateConsent
}

export interface ElectionRequest {
  seats: number
  /** How many an owner may pick, from 1 to `seats`. */
  maxPicks: number
  candidates: CandidateRequest[]
}

export interface CandidateDocument {
  id: string
  type: FileType
  /** A link the app opens without a token (signed, short-lived). */
  url: string
}

/** A candidate as every owner sees them: only what they agreed to show. */
export interface CandidateView {
  id: string
  seq: number
  kind: CandidateKind
  /** Masked ("王*明") unless the candidate agreed to show it. */
  name: string
  photoUrl: string | null
  statement: string | null
  documents: CandidateDocument[]
}

export interface ElectionView {
  seats: number
  maxPicks: number
  candidates: CandidateView[]
}

/** The organisers' own view, to edit a draft: everything they entered. */
export interface ElectionDraft {
  itemId: string
  election: ElectionRequest
}

// ---- votes ----------------------------------------------------------------

/**
 * One item's answer in a vote: 同意/反对/弃权 on a motion, or the
 * candidates picked on an election, where an empty list abstains.
 */
export type ItemChoice =
  { itemId: string; choice: Choice } | { itemId: string; picks: string[] }

export function isPicks(
  c: ItemChoice,
): c is { itemId: string; picks: string[] } {
  return 'picks' in c
}

// ---- results ---------------------------------------------------------------

export interface CandidateResult extends MeasureView {
  id: string
  name: string
  kind: CandidateKind
  /** Above both > half thresholds, with the quorum met. */
  qualified: boolean
  elected: boolean
}

export interface ElectionItemResult {
  seats: number
  maxPicks: number
  candidates: CandidateResult[]
  elected: string[]
  /** Tied for the last seat: neither is elected, a run-off is needed. */
  runoff: string[]
  outcome: ElectionOutcome
}

/** An election answer in words: the names picked, or 弃权. */
export function picksText(names: readonly string[]): string {
  return names.length === 0 ? '弃权' : `选 ${names.join('、')}`
}
