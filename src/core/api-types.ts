/**
 * The shapes the mock backend sends and the app reads. Types only: the
 * backend validates requests with zod schemas built on the core's rules,
 * and the app validates its forms with the same rules.
 *
 * Conventions: times are ISO 8601 strings in UTC; areas are decimal
 * strings with two places ("89.53"), never floats; ID numbers and phones
 * arrive masked unless the person is looking at their own.
 */
import type { BallotPhase } from './ballot'
import type { ElectionView, ItemChoice } from './election-api'
import type { SignedReceipt } from './record-api'
import type { Matter } from './tally'
import type { BallotElectorate } from './voting-api'

export const API_PREFIX = '/api'
export const IDEMPOTENCY_HEADER = 'idempotency-key'

// ---- identity ---------------------------------------------------------

export type LoginChannel = 'weapp' | 'h5'

export interface LoginRequest {
  channel: LoginChannel
  /** A WeChat login code, or the 随申办 authorisation code on H5. */
  code: string
}

export type Role = 'owner' | 'resident'

export type StaffOrg =
  'residents-committee' | 'owners-committee' | 'property-company'

export const STAFF_ORG_TEXT: Record<StaffOrg, string> = {
  'residents-committee': '居委会',
  'owners-committee': '业委会',
  'property-company': '物业',
}

export interface EstateView {
  id: string
  name: string
  district: string
  hasOwnersCommittee: boolean
}

export interface UnitView {
  id: string
  estateId: string
  estateName: string
  building: string
  room: string
  /** "3号楼1202室" */
  label: string
  area: string
  /** How many people own this unit, the viewer included. */
  ownerCount: number
}

export interface StaffRoleView {
  estateId: string
  estateName: string
  org: StaffOrg
}

export interface PersonView {
  name: string
  idNumberMasked: string
  phoneMasked: string
}

export interface Profile {
  person: PersonView
  role: Role
  units: UnitView[]
  /** Estates the person lives in or owns in; the first is the default. */
  estates: EstateView[]
  staffRoles: StaffRoleView[]
}

export interface Session {
  token: string
  expiresAt: string
  /** Missing until real-name verification binds the account to a person. */
  profile: Profile | null
}

export interface SmsRequest {
  phone: string
}

export interface SmsSent {
  sentTo: string
  expiresAt: string
  resendAfter: string
  /**
   * The mock has no SMS gateway: it hands the code back so that a tester
   * can type it. A real backend never sends this field.
   */
  mockCode?: string
}

export interface VerifyRequest {
  name: string
  idNumber: string
  phone: string
  smsCode: string
}

// ---- ballots ------------------------------------------------------------

export type Electorate =
  { kind: 'estate' } | { kind: 'buildings'; buildings: string[] }

export interface MeasureView {
  area: string
  headcount: number
}

export interface Turnout {
  totals: MeasureView
  participating: MeasureView
  quorum: boolean
}

/**
 * Where the viewer's units stand in a ballot, whatever its phase:
 * 'to-vote' means none of them has voted, which after the deadline means
 * they did not (the app words it by phase, see voting/ballot-text.ts).
 */
export type MyBallotStatus =
  'not-eligible' | 'to-vote' | 'voted' | 'partly-voted'

export interface BallotSummary {
  id: string
  estateId: string
  title: string
  phase: BallotPhase
  announcedAt: string | null
  opensAt: string
  closesAt: string
  electorate: BallotElectorate
  itemCount: number
  turnout: Turnout
  myStatus: MyBallotStatus
}

export interface BallotItemView {
  id: string
  seq: number
  title: string
  description: string
  matter: Matter
  /** Present on an election item: the candidates and how many to pick. */
  election?: ElectionView
}

export interface VoteCast {
  castAt: string
  /** Masked name of whoever cast it: another co-owner sees who. */
  castBy: string
  byMe: boolean
  receiptCode: string | null
  /** Cast by a proxy the owner authorised. */
  byProxy?: boolean
}

/**
 * One voter the viewer may vote for: the units of one owner set. A person
 * with units under two owner sets (one alone, one co-owned) has two.
 */
export interface MyVoter {
  voterId: string
  units: string[]
  area: string
  vote: VoteCast | null
  /**
   * Set when the viewer holds a proxy for this voter: the masked name of
   * the owner who authorised them.
   */
  proxyFor?: string
}

export interface BallotDetail extends BallotSummary {
  description: string
  organizer: { org: StaffOrg; name: string; mandate: string | null }
  items: BallotItemView[]
  roll: { units: number; area: string; headcount: number }
  allowChanges: boolean
  myVoters: MyVoter[]
  /** Why the viewer cannot vote, when they cannot. */
  notEligibleReason: 'resident' | 'not-on-roll' | null
}

export type BallotFilter = 'all' | 'open' | 'to-vote' | 'closed'

export interface BallotList {
  ballots: BallotSummary[]
}

export interface ReceiptList {
  /** Signed by the backend (record-api.ts), checked offline by the app. */
  receipts: SignedReceipt[]
}

/** Body of POST /api/ballots/:ballotId/step-up (the SMS was sent first). */
export interface StepUpVerifyRequest {
  smsCode: string
}

export interface StepUpGranted {
  stepUpToken: string
  expiresAt: string
}

export interface CastVoteRequest {
  voterId: string
  choices: ItemChoice[]
  stepUpToken: string
}

export interface Receipt {
  receiptCode: string
  ballotId: string
  ballotTitle: string
  units: string[]
  castAt: string
  seq: number
  entryHash: string
  /** On an election item, `pickNames` are the picks as published. */
  choices: (ItemChoice & { itemTitle: string; pickNames?: string[] })[]
}
