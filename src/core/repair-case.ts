/**
 * A repair case (报事报修工单): what a resident reports, and the honest
 * states it moves through. The one table below says which action leads
 * from which states to which state, and who may take it; the backend
 * refuses anything the table does not allow, and the app offers only
 * what it allows. Pure: no clock, no store.
 */

// ---- categories, places, urgency ---------------------------------------

export const REPAIR_CATEGORIES = [
  'water-drains',
  'power',
  'lift',
  'roads-paving',
  'walls-facade',
  'greenery',
  'parking',
  'shop-nuisance',
  'security',
  'other',
] as const

export type RepairCategory = (typeof REPAIR_CATEGORIES)[number]

export const CATEGORY_TEXT: Record<RepairCategory, string> = {
  'water-drains': '给排水',
  power: '供电照明',
  lift: '电梯',
  'roads-paving': '道路铺装',
  'walls-facade': '墙面外立面',
  greenery: '绿化',
  parking: '停车',
  'shop-nuisance': '商铺噪声油烟',
  security: '安全隐患',
  other: '其他',
}

export const PLACE_KINDS = ['unit', 'building', 'common-area'] as const

export type PlaceKind = (typeof PLACE_KINDS)[number]

export const PLACE_KIND_TEXT: Record<PlaceKind, string> = {
  unit: '我家',
  building: '楼栋',
  'common-area': '公共区域',
}

export const URGENCIES = ['emergency', 'urgent', 'normal'] as const

export type Urgency = (typeof URGENCIES)[number]

export const URGENCY_TEXT: Record<Urgency, string> = {
  emergency: '紧急（危及安全）',
  urgent: '较急',
  normal: '一般',
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface ServicePromise {
  /** How long the handler has to accept the case. */
  acceptWithin: number
  /** How long until the problem should be resolved. */
  resolveWithin: number
  /** The promise in words, for the report form. */
  text: string
}

/**
 * What the estate promises for each urgency, counted from the report.
 * Emergency means a danger to people or property (a burst pipe, a lift
 * with someone inside, a façade piece about to fall).
 */
export const PROMISED: Record<Urgency, ServicePromise> = {
  emergency: {
    acceptWithin: 30 * MINUTE,
    resolveWithin: 1 * DAY,
    text: '30 分钟内受理，24 小时内处理',
  },
  urgent: {
    acceptWithin: 4 * HOUR,
    resolveWithin: 3 * DAY,
    text: '4 小时内受理，3 天内处理',
  },
  normal: {
    acceptWithin: 1 * DAY,
    resolveWithin: 7 * DAY,
    text: '1 天内受理，7 天内处理',
  },
}

export const MAX_DESCRIPTION_LENGTH = 500
export const MAX_NOTE_LENGTH = 300
export const MAX_RATING_COMMENT_LENGTH = 300

// ---- states and who handles a case -------------------------------------

export const REPAIR_STATES = [
  'submitted',
  'accepted',
  'assigned',
  'in-progress',
  'resolved',
  'closed',
  'reopened',
  'rejected',
  'transferred',
  'cancelled',
  'merged',
] as const

export type RepairState = (typeof REPAIR_STATES)[number]

export const STATE_TEXT: Record<RepairState, string> = {
  submitted: '已提交',
  accepted: '已受理',
  assigned: '已派单',
  'in-progress': '处理中',
  resolved: '已解决待确认',
  closed: '已确认办结',
  reopened: '已重新打开',
  rejected: '不予受理',
  transferred: '已转办',
  cancelled: '已撤销',
  merged: '已合并',
}

/** States where nothing more happens to the case. */
export const FINAL_STATES: readonly RepairState[] = [
  'closed',
  'rejected',
  'cancelled',
  'merged',
]

export function isOpen(state: RepairState): boolean {
  return !FINAL_STATES.includes(state)
}

/**
 * Who holds a case. 城管 (city management) does not use this app: while a
 * case is with them, the residents' committee records what they do.
 */
export const HANDLER_ORGS = [
  'property-company',
  'residents-committee',
  'city-management',
] as const

export type HandlerOrg = (typeof HANDLER_ORGS)[number]

export const HANDLER_TEXT: Record<HandlerOrg, string> = {
  'property-company': '物业',
  'residents-committee': '居委会',
  'city-management': '城管',
}

/** The staff org whose people act for a handler inside the app. */
export function actingOrgOf(
  handler: HandlerOrg,
): 'property-company' | 'residents-committee' {
  return handler === 'city-management' ? 'residents-committee' : handler
}

/**
 * The first handler of a new case: the property company where the estate
 * has one in the app, else the residents' committee. Shop noise and oil
 * fumes are for the residents' committee either way: the property company
 * has no power over a shop, and the committee passes them to 城管.
 */
export function firstHandler(
  category: RepairCategory,
  hasPropertyCompany: boolean,
): HandlerOrg {
  if (category === 'shop-nuisance' || !hasPropertyCompany) {
    return 'residents-committee'
  }
  return 'property-company'
}

// ---- the transition table ----------------------------------------------

export const REPAIR_ACTIONS = [
  'accept',
  'assign',
  'start',
  'resolve',
  'confirm',
  'reopen',
  'reject',
  'transfer',
  'cancel',
  'merge',
] as const

export type RepairAction = (typeof REPAIR_ACTIONS)[number]

/** The reporter of the case, or staff of the org that holds it. */
export type RepairActor = 'reporter' | 'handler'

export interface TransitionRule {
  from: readonly RepairState[]
  to: RepairState
  by: RepairActor
  /** A reason or note is required, not only allowed. */
  needsNote: boolean
  /** The button text. */
  text: string
}

// Cases a handler can still take, turn down or pass on.
const NOT_STARTED: readonly RepairState[] = [
  'submitted',
  'reopened',
  'transferred',
]

export const TRANSITIONS: Record<RepairAction, TransitionRule> = {
  accept: {
    from: NOT_STARTED,
    to: 'accepted',
    by: 'handler',
    needsNote: false,
    text: '受理',
  },
  // Assigning again from `assigned` hands the job to another team.
  assign: {
    from: ['accepted', 'assigned'],
    to: 'assigned',
    by: 'handler',
    needsNote: false,
    text: '派单',
  },
  start: {
    from: ['assigned'],
    to: 'in-progress',
    by: 'handler',
    needsNote: false,
    text: '开始处理',
  },
  resolve: {
    from: ['in-progress'],
    to: 'resolved',
    by: 'handler',
    needsNote: true,
    text: '处理完成',
  },
  confirm: {
    from: ['resolved'],
    to: 'closed',
    by: 'reporter',
    needsNote: false,
    text: '确认已解决',
  },
  reopen: {
    from: ['resolved'],
    to: 'reopened',
    by: 'reporter',
    needsNote: true,
    text: '没修好，重新打开',
  },
  reject: {
    from: [...NOT_STARTED, 'accepted'],
    to: 'rejected',
    by: 'handler',
    needsNote: true,
    text: '不予受理',
  },
  transfer: {
    from: [...NOT_STARTED, 'accepted', 'assigned', 'in-progress'],
    to: 'transferred',
    by: 'handler',
    needsNote: true,
    text: '转办',
  },
  // Once work has started, stopping it is a conversation, not a button.
  cancel: {
    from: [...NOT_STARTED, 'accepted', 'assigned'],
    to: 'cancelled',
    by: 'reporter',
    needsNote: true,
    text: '撤销报修',
  },
  merge: {
    from: [...NOT_STARTED, 'accepted'],
    to: 'merged',
    by: 'handler',
    needsNote: true,
    text: '合并为重复报修',
  },
}

export type TransitionCheck =
  | { ok: true; to: RepairState }
  | { ok: false; problem: 'wrong-state' | 'wrong-actor' }

/** May `actor` take `action` on a case in `state`? */
export function checkTransition(
  state: RepairState,
  action: RepairAction,
  actor: RepairActor,
): TransitionCheck {
  const rule = TRANSITIONS[action]
  if (rule.by !== actor) return { ok: false, problem: 'wrong-actor' }
  if (!rule.from.includes(state)) return { ok: false, problem: 'wrong-state' }
  return { ok: true, to: rule.to }
}

/** The actions `actor` may take on a case in `state`, in table order. */
export function actionsFor(
  state: RepairState,
  actor: RepairActor,
): RepairAction[] {
  return REPAIR_ACTIONS.filter(
    (action) => checkTransition(state, action, actor).ok,
  )
}

// ---- promised times ----------------------------------------------------

export interface Deadlines {
  acceptBy: number
  resolveBy: number
}

export function deadlinesOf(urgency: Urgency, reportedAt: number): Deadlines {
  const promise = PROMISED[urgency]
  return {
    acceptBy: reportedAt + promise.acceptWithin,
    resolveBy: reportedAt + promise.resolveWithin,
  }
}

/**
 * Past its promised time: not yet accepted after the accept deadline, or
 * not yet resolved after the resolve deadline. A case waiting for the
 * reporter's confirmation, or finished, is not overdue.
 */
export function isOverdue(
  state: RepairState,
  deadlines: Deadlines,
  now: number,
): boolean {
  if (!isOpen(state) || state === 'resolved') return false
  if (now > deadlines.resolveBy) return true
  return NOT_STARTED.includes(state) && now > deadlines.acceptBy
}

// ---- rating ------------------------------------------------------------

export const RATING_MIN = 1
export const RATING_MAX = 5

export const RATING_TEXT: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
}

export function isRating(value: number): boolean {
  return Number.isInteger(value) && value >= RATING_MIN && value <= RATING_MAX
}

/** A rating is given once, after the reporter confirmed the fix. */
export function canRate(state: RepairState, alreadyRated: boolean): boolean {
  return state === 'closed' && !alreadyRated
}
