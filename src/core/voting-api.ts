/**
 * The shapes of running a ballot (staff), of proxies and of results, as
 * the mock backend sends them and the app reads them. Types only, with
 * the same conventions as api-types.ts: ISO times in UTC, areas as
 * two-decimal strings.
 */
import type {
  BallotDetail,
  Electorate,
  MeasureView,
  StaffOrg,
  Turnout,
} from './api-types'
import type { BallotPhase } from './ballot'
import type {
  ElectionDraft,
  ElectionItemResult,
  ElectionRequest,
} from './election-api'
import type { Matter } from './tally'

/**
 * Who votes: the estate, some buildings, or some units (a matter only
 * they share, such as one stairwell's lift). Units are named as
 * "building-room", e.g. "3-1202".
 */
export type BallotElectorate = Electorate | { kind: 'units'; units: string[] }

// ---- staff: drafts, items, roll, announcement -------------------------

export interface DraftBallotRequest {
  title: string
  description: string
  electorate: BallotElectorate
  allowChanges: boolean
  opensAt: string
  closesAt: string
}

export interface BallotItemRequest {
  title: string
  description: string
  matter: Matter
  /** Makes the item an election; elections are ordinary matters. */
  election?: ElectionRequest
}

/** Why a staff member may (or may not) run ballots in an estate. */
export interface OrganizerView {
  estateId: string
  org: StaffOrg
  /** The owners' assembly's mandate text, when the 居委会 acts under one. */
  mandate: string | null
}

/** The roll as the core tally will count it. */
export interface RollPreview {
  /** False while a draft: the registers may still change. */
  frozen: boolean
  units: number
  area: string
  headcount: number
  /** Units the developer still holds, all counted as one person. */
  developerHeldUnits: number
  /** Owners holding several units, each counted once. */
  multiUnitOwners: number
  coOwnedUnits: number
  buildings: { building: string; units: number; area: string }[]
}

/** A ballot as its organisers see it, with what they may do next. */
export interface ManagedBallot {
  ballot: BallotDetail
  canEdit: boolean
  canAnnounce: boolean
  canPublish: boolean
  /** Earliest opening an announcement now would allow. */
  earliestOpening: string
  /** When the result must be published by, once the ballot has closed. */
  publishBy: string | null
  votes: number
  proxyVotes: number
  /** Election items as entered, names and all, for the editor. */
  elections?: ElectionDraft[]
}

export interface StaffBallotList {
  organizer: OrganizerView
  ballots: { id: string; title: string; phase: BallotPhase }[]
}

// ---- results -----------------------------------------------------------

export interface ThresholdView {
  numerator: number
  denominator: number
  inclusive: boolean
  /** 三分之二以上 / 过半数 / 四分之三以上 */
  label: string
}

export interface ItemResult {
  itemId: string
  seq: number
  title: string
  matter: Matter
  totals: MeasureView
  participating: MeasureView
  agree: MeasureView
  oppose: MeasureView
  abstain: MeasureView
  quorum: boolean
  approved: boolean
  quorumThreshold: ThresholdView
  approvalThreshold: ThresholdView
  /**
   * On an election item: each candidate's support. `agree` and `oppose`
   * are then zero, and `approved` says whether anyone was elected.
   */
  election?: ElectionItemResult
}

export interface BallotResult {
  ballotId: string
  title: string
  phase: BallotPhase
  closesAt: string
  publishedAt: string | null
  /** Null when an organiser published; 'deadline' when nobody did. */
  publishedBy: 'organizer' | 'deadline' | null
  turnout: Turnout
  /** Voters whose vote counted (the last one, where changes are allowed). */
  votes: number
  /** Of those, cast by a proxy. */
  proxyVotes: number
  /** Earlier votes replaced by a later one; they stay in the record. */
  supersededVotes: number
  items: ItemResult[]
}

// ---- proxies -----------------------------------------------------------

export type ProxyStatus = 'active' | 'used' | 'revoked' | 'superseded'

export interface ProxyGrantRequest {
  voterId: string
  agentName: string
  agentIdNumber: string
}

export interface ProxyView {
  id: string
  ballotId: string
  voterId: string
  units: string[]
  agentName: string
  agentIdNumberMasked: string
  grantorName: string
  grantedAt: string
  /** Until the ballot closes. */
  validUntil: string
  status: ProxyStatus
  revokedAt: string | null
}

export interface ProxyList {
  proxies: ProxyView[]
}

/** A ballot someone else authorised the viewer to vote in. */
export interface HeldProxy {
  proxy: ProxyView
  ballotTitle: string
  estateName: string
  phase: BallotPhase
  closesAt: string
}

export interface HeldProxyList {
  held: HeldProxy[]
}
