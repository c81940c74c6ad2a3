/**
 * Shapes of the repair case API: reports, the handling timeline, the
 * staff queue, and projects for works on common parts. Times are ISO
 * strings in UTC; money is whole fen; areas are "89.53" strings.
 */
import type { StoredFile } from './files-api'
import type {
  HandlerOrg,
  PlaceKind,
  RepairAction,
  RepairCategory,
  RepairState,
  Urgency,
} from './repair-case'

// ---- reporting ----------------------------------------------------------

export interface CommonArea {
  id: string
  name: string
}

/** Where a problem can be: the estate's buildings and common areas. */
export interface PlaceOptions {
  estateId: string
  buildings: string[]
  commonAreas: CommonArea[]
}

export type PlaceInput =
  | { kind: 'unit'; unitId: string }
  | { kind: 'building'; building: string }
  | { kind: 'common-area'; commonAreaId: string }

export interface ReportRequest {
  category: RepairCategory
  place: PlaceInput
  description: string
  urgency: Urgency
  /** Ids from POST /api/files, at most MAX_PHOTOS. */
  photoIds: string[]
  /** When the reporter can be reached, in their words ("工作日晚上"). */
  contactTime?: string
}

// ---- a case -------------------------------------------------------------

export interface PlaceView {
  kind: PlaceKind
  /** "3号楼1202室", "5号楼", "中心花园" */
  label: string
}

export interface RepairEventView {
  seq: number
  /**
   * A transition from the table, or a record that leaves the state as it
   * is: the report itself, a duplicate merged in, the rating, a project
   * made of the case and its progress.
   */
  action:
    RepairAction | 'report' | 'merged-in' | 'rated' | 'project' | 'progress'
  from: RepairState | null
  to: RepairState
  at: string
  /** "物业 王**", "报修人": who moved the case. */
  actor: string
  note: string | null
  /** The team an assignment named, the org a transfer went to, … */
  team: string | null
  handler: HandlerOrg
  /** For merges: the case kept, or the case merged in. */
  otherCaseId: string | null
}

export interface RatingView {
  stars: number
  comment: string
  at: string
}

export interface RepairCaseSummary {
  id: string
  estateId: string
  category: RepairCategory
  place: PlaceView
  /** The first line of the description. */
  title: string
  urgency: Urgency
  state: RepairState
  handler: HandlerOrg
  reportedAt: string
  updatedAt: string
  acceptBy: string
  resolveBy: string
  overdue: boolean
  photoCount: number
  /** The viewer reported it, or follows it after a merge. */
  mine: boolean
}

export interface RepairCaseDetail extends RepairCaseSummary {
  description: string
  contactTime: string | null
  photos: StoredFile[]
  team: string | null
  /** Where a merged case went. */
  mergedInto: string | null
  /** Cases merged into this one. */
  mergedFrom: string[]
  timeline: RepairEventView[]
  rating: RatingView | null
  /** What the viewer may do now, from the transition table. */
  myActions: RepairAction[]
  canRate: boolean
  /** Staff of the estate see the reporter's contact; others do not. */
  reporter: { name: string; phoneMasked: string } | null
  projectId: string | null
}

export interface RepairCaseList {
  cases: RepairCaseSummary[]
}

export interface CaseActionRequest {
  action: RepairAction
  note?: string
  /** assign: the team by name ("水电维修组"). */
  team?: string
  /** transfer: who takes the case next. */
  handler?: HandlerOrg
  /** merge: the case to keep. */
  intoCaseId?: string
}

export interface RateRequest {
  stars: number
  comment: string
}

// ---- the staff queue ----------------------------------------------------

export const AGE_FILTERS = ['all', 'today', 'week', 'older'] as const

export type AgeFilter = (typeof AGE_FILTERS)[number]

export const AGE_FILTER_TEXT: Record<AgeFilter, string> = {
  all: '不限时间',
  today: '24 小时内',
  week: '1–7 天',
  older: '7 天以上',
}

export interface QueueQuery {
  state?: RepairState | 'open' | 'all'
  category?: RepairCategory
  urgency?: Urgency
  age?: AgeFilter
}

// ---- projects -----------------------------------------------------------

export const FUNDINGS = [
  'maintenance-fund',
  'public-income',
  'property-company',
  'developer',
] as const

export type Funding = (typeof FUNDINGS)[number]

export const FUNDING_TEXT: Record<Funding, string> = {
  'maintenance-fund': '专项维修资金',
  'public-income': '公共收益',
  'property-company': '物业承担',
  developer: '开发商承担',
}

/** Who approves an emergency repair paid from the maintenance fund. */
export type EmergencyApprover = 'owners-committee' | 'housing-office'

export const EMERGENCY_APPROVER_TEXT: Record<EmergencyApprover, string> = {
  'owners-committee': '业主委员会',
  'housing-office': '区房屋管理部门',
}

export type ProjectApproval =
  | { kind: 'ballot'; ballotId: string }
  | {
      kind: 'emergency'
      approver: EmergencyApprover
      /** The person or office that signed, as on the approval paper. */
      approvedBy: string
      reason: string
    }

export interface SharePartyInput {
  name: string
  share: { numerator: number; denominator: number }
  /** Owners split their part by area over the units of these buildings. */
  ownersOf?: { buildings: string[] } | { estate: true }
}

export interface MilestoneInput {
  title: string
  dueAt: string
}

export interface CreateProjectRequest {
  title: string
  budgetFen: number
  funding: Funding
  approval?: ProjectApproval
  parties: SharePartyInput[]
  milestones: MilestoneInput[]
}

export interface UnitShareView {
  unitId: string
  label: string
  area: string
  amountFen: number
  roundedUp: boolean
  mine: boolean
}

export interface PartyShareView {
  name: string
  /** "60%", "1/3" */
  shareText: string
  amountFen: number
  roundedUp: boolean
  units: UnitShareView[] | null
}

export interface MilestoneView {
  id: string
  seq: number
  title: string
  dueAt: string
  doneAt: string | null
}

export interface InspectionView {
  id: string
  at: string
  inspector: string
  passed: boolean
  note: string
  photos: StoredFile[]
}

export interface ApprovalView {
  kind: 'ballot' | 'emergency'
  ballotId: string | null
  ballotTitle: string | null
  approver: EmergencyApprover | null
  approvedBy: string | null
  reason: string | null
  at: string
}

export interface ProjectDetail {
  id: string
  caseId: string
  estateId: string
  title: string
  budgetFen: number
  funding: Funding
  approval: ApprovalView | null
  progress: number
  milestones: MilestoneView[]
  sharing: PartyShareView[]
  remainderRule: string
  inspections: InspectionView[]
  canManage: boolean
  canInspect: boolean
  createdAt: string
}

export interface ProgressRequest {
  progress: number
  /** Marks this milestone done. */
  milestoneId?: string
  note?: string
}

export interface InspectionRequest {
  passed: boolean
  note: string
  photoIds: string[]
}
