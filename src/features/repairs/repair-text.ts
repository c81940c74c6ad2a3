/** Words for the repair screens, from the core's names. */
import { STAFF_ORG_TEXT } from '@/core/api-types'
import {
  CATEGORY_TEXT,
  HANDLER_TEXT,
  STATE_TEXT,
  type RepairState,
} from '@/core/repair-case'
import type { RepairCaseSummary, RepairEventView } from '@/core/repairs-api'

export { CATEGORY_TEXT, HANDLER_TEXT, STATE_TEXT, STAFF_ORG_TEXT }

/** Colour group of a state tag; the tag always says the state in words. */
export function stateTone(state: RepairState): 'open' | 'done' | 'stopped' {
  if (state === 'closed' || state === 'resolved') return 'done'
  if (state === 'rejected' || state === 'cancelled' || state === 'merged') {
    return 'stopped'
  }
  return 'open'
}

export function caseHeading(c: RepairCaseSummary): string {
  return `${CATEGORY_TEXT[c.category]} · ${c.place.label}`
}

/** One line of the timeline: what happened, in words. */
export function eventText(e: RepairEventView): string {
  switch (e.action) {
    case 'report':
      return `提交报修，由${HANDLER_TEXT[e.handler]}办理`
    case 'assign':
      return `派单给 ${e.team ?? ''}`
    case 'transfer':
      return `转办给${HANDLER_TEXT[e.handler]}`
    case 'merge':
      return `与报修 ${e.otherCaseId ?? ''} 重复，已合并`
    case 'merged-in':
      return `合并了重复的报修 ${e.otherCaseId ?? ''}`
    case 'rated':
      return '报修人评价'
    case 'project':
      return '立项为维修工程'
    case 'progress':
      return '工程进度更新'
    default:
      return STATE_TEXT[e.to]
  }
}
