/**
 * The time rules of a ballot, shared by the backend (which enforces them)
 * and the staff screens (which offer only what they allow).
 *
 * - Notice period: the State Council's Property Management Regulation
 *   (物业管理条例) art. 14 has owners notified 15 days before an owners'
 *   assembly meets. A ballot is that meeting held in writing, so its
 *   announcement (agenda and roll) must precede the opening by 15 days.
 * - Voting period: the law sets none; one day is the least we accept, so
 *   that owners who commute have an evening and a morning to vote.
 * - Publication: PRODUCT.md (after the Shanghai residential property
 *   regulation) has the result published within 3 days of closing. When
 *   nobody publishes, the backend publishes it at that deadline itself:
 *   the count is the tally's, so waiting for a person adds no judgement,
 *   only the risk that owners never learn the outcome.
 */

const DAY = 24 * 60 * 60 * 1000

export const NOTICE_PERIOD_DAYS = 15
export const NOTICE_PERIOD = NOTICE_PERIOD_DAYS * DAY
export const MIN_VOTING_PERIOD = DAY
export const PUBLISH_WITHIN_DAYS = 3
export const PUBLISH_WITHIN = PUBLISH_WITHIN_DAYS * DAY

export type ScheduleProblem = 'closes-before-opening' | 'too-short' | 'notice'

export const SCHEDULE_PROBLEM_TEXT: Record<ScheduleProblem, string> = {
  'closes-before-opening': '截止时间须晚于开始时间',
  'too-short': '投票期至少 1 天',
  notice: `投票开始须在公告 ${NOTICE_PERIOD_DAYS} 日以后`,
}

/**
 * What is wrong with a schedule, or null. `announceAt` is when the
 * announcement would go out (now, when announcing); a draft being edited
 * passes null and is checked for its own shape only.
 */
export function scheduleProblem(
  opensAt: number,
  closesAt: number,
  announceAt: number | null,
): ScheduleProblem | null {
  if (closesAt <= opensAt) return 'closes-before-opening'
  if (closesAt - opensAt < MIN_VOTING_PERIOD) return 'too-short'
  if (announceAt !== null && opensAt - announceAt < NOTICE_PERIOD) {
    return 'notice'
  }
  return null
}

/** The last moment a closed ballot's result may be published. */
export function publishDeadline(closesAt: number): number {
  return closesAt + PUBLISH_WITHIN
}
