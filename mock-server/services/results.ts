/**
 * A ballot's result: each item counted by the core tally over the frozen
 * roll and the last vote of every voter (earlier votes, where changes
 * are allowed, stay in the record but do not count).
 *
 * Who sees it when: nobody while the ballot is announced or open (only
 * turnout is public then, so running choices can not sway late voters);
 * its organisers once it has closed, to check it before publishing; and
 * everyone who may see the ballot once it is published.
 *
 * Publication writes the `result` record entry and a decision notice.
 * When nobody publishes within the legal 3 days, the first request after
 * that deadline publishes it as of the deadline (see ballot-rules.ts).
 */
import { formatArea, percent } from '@/core/area'
import { PUBLISH_WITHIN, publishDeadline } from '@/core/ballot-rules'
import { CHOICE_TEXT, MATTER_TEXT } from '@/core/ballot'
import type { Measure, Threshold } from '@/core/tally'
import { APPROVAL, QUORUM, tally } from '@/core/tally'
import type { ElectionResult, ElectionRules } from '@/core/election'
import { countElection, electionSummary } from '@/core/election'
import type { ElectionItemResult, ItemChoice } from '@/core/election-api'
import { isPicks } from '@/core/election-api'
import type { BallotResult, ItemResult, ThresholdView } from '@/core/voting-api'
import { AppError } from '@/core/errors'

import { sql } from '../store/database'
import type { BallotRow } from './ballots'
import {
  ballotDetail,
  itemsOf,
  phaseOf,
  rollOf,
  visibleBallot,
} from './ballots'
import { organizerFor } from './ballot-admin'
import type { Context } from './context'
import { iso } from './context'
import { candidateKinds, electionRules } from './elections'
import type { Viewer } from './identity'
import { insertNotice } from './notices-store'
import { appendEntry } from './record'
import { toRollUnit } from './roll'

interface CountedVote {
  voter_id: string
  choices: string
  proxy_id: string | null
}

function thresholdView(t: Threshold): ThresholdView {
  return {
    numerator: t.numerator,
    denominator: t.denominator,
    inclusive: t.inclusive,
    label: t.label,
  }
}

function measureView(m: Measure) {
  return { area: formatArea(m.area), headcount: m.headcount }
}

/** The store and clock are all a count or a publication needs. */
type Store = Pick<Context, 'db' | 'now'>

/** The count of a ballot as it stands, whatever its phase. */
export function countBallot(ctx: Store, ballot: BallotRow) {
  const roll = rollOf(ctx, ballot)
  const units = roll.map(toRollUnit)
  const unitOfVoter = new Map<string, string>()
  for (const row of roll) {
    if (row.voterId && !unitOfVoter.has(row.voterId)) {
      unitOfVoter.set(row.voterId, row.unitId)
    }
  }
  const all = sql(
    ctx.db,
    'SELECT voter_id, choices, proxy_id FROM votes WHERE ballot_id = ? ORDER BY seq',
  ).all(ballot.id) as CountedVote[]
  // The last vote of each voter counts; Map keeps the latest per key.
  const last = new Map(all.map((v) => [v.voter_id, v]))

  const answers = [...last.values()].flatMap((v) => {
    const unit = unitOfVoter.get(v.voter_id)
    if (!unit) return []
    return (JSON.parse(v.choices) as ItemChoice[]).map((c) => ({ unit, c }))
  })
  const items = itemsOf(ctx.db, ballot.id).map((item) => {
    const mine = answers.filter(({ c }) => c.itemId === item.id)
    const rules = electionRules(ctx.db, item)
    if (rules) {
      const votes = mine.flatMap(({ unit, c }) =>
        isPicks(c) ? [{ unit, picks: c.picks }] : [],
      )
      const election = countElection(rules, units, votes)
      return { item, result: electionSummary(election), election, rules }
    }
    const votes = mine.flatMap(({ unit, c }) =>
      isPicks(c) ? [] : [{ unit, choice: c.choice }],
    )
    return { item, result: tally(item.matter, units, votes) }
  })
  return {
    items,
    votes: last.size,
    proxyVotes: [...last.values()].filter((v) => v.proxy_id !== null).length,
    supersededVotes: all.length - last.size,
  }
}

type CountedItem = ReturnType<typeof countBallot>['items'][number]

function electionResultOf(
  db: Store['db'],
  counted: CountedItem,
): ElectionItemResult | undefined {
  const { election, rules, item } = counted
  if (!election || !rules) return undefined
  const names = new Map(rules.candidates.map((c) => [c.id, c.name]))
  const kinds = candidateKinds(db, item.id)
  return {
    seats: rules.seats,
    maxPicks: rules.maxPicks,
    candidates: election.candidates.map((c) => ({
      id: c.id,
      name: names.get(c.id) ?? c.id,
      kind: kinds.get(c.id) ?? 'person',
      ...measureView(c),
      qualified: c.qualified,
      elected: c.elected,
    })),
    elected: election.elected,
    runoff: election.runoff,
    outcome: election.outcome,
  }
}

function itemResultOf(db: Store['db'], counted: CountedItem): ItemResult {
  const { item, result: r } = counted
  const election = electionResultOf(db, counted)
  return {
    ...(election ? { election } : {}),
    itemId: item.id,
    seq: item.seq,
    title: item.title,
    matter: item.matter,
    totals: measureView(r.totals),
    participating: measureView(r.participating),
    agree: measureView(r.agree),
    oppose: measureView(r.oppose),
    abstain: measureView(r.abstain),
    quorum: r.quorum,
    approved: r.approved,
    quorumThreshold: thresholdView(QUORUM),
    approvalThreshold: thresholdView(APPROVAL[item.matter]),
  }
}

function resultOf(
  ctx: Context,
  viewer: Viewer,
  ballot: BallotRow,
): BallotResult {
  const count = countBallot(ctx, ballot)
  return {
    ballotId: ballot.id,
    title: ballot.title,
    phase: phaseOf(ballot, ctx.now()),
    closesAt: iso(ballot.closes_at),
    publishedAt: ballot.published_at === null ? null : iso(ballot.published_at),
    publishedBy:
      ballot.published_at === null
        ? null
        : ballot.published_by_deadline === 1
          ? 'deadline'
          : 'organizer',
    turnout: ballotDetail(ctx, viewer, ballot.id).turnout,
    votes: count.votes,
    proxyVotes: count.proxyVotes,
    supersededVotes: count.supersededVotes,
    items: count.items.map((counted) => itemResultOf(ctx.db, counted)),
  }
}

function mayOrganize(ctx: Context, viewer: Viewer, estateId: string): boolean {
  try {
    organizerFor(ctx, viewer, estateId)
    return true
  } catch (error) {
    if (error instanceof AppError) return false
    throw error
  }
}

export function ballotResult(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): BallotResult {
  const ballot = visibleBallot(ctx, viewer, ballotId)
  const phase = phaseOf(ballot, ctx.now())
  if (phase === 'draft' || phase === 'announced' || phase === 'open') {
    throw new AppError('RESULT_NOT_AVAILABLE')
  }
  if (phase === 'closed' && !mayOrganize(ctx, viewer, ballot.estate_id)) {
    throw new AppError('RESULT_NOT_PUBLISHED')
  }
  return resultOf(ctx, viewer, ballot)
}

/** An election's lines in the decision notice: who, or why nobody. */
function electionLines(
  item: CountedItem['item'],
  election: ElectionResult,
  rules: ElectionRules,
): string[] {
  const names = new Map(rules.candidates.map((c) => [c.id, c.name]))
  const named = (ids: string[]) =>
    ids.map((id) => names.get(id) ?? id).join('、')
  const r = election
  const lines = [
    `第 ${item.seq} 项 ${item.title}：${electionOutcomeText(election, named)}`,
    `  参与表决：面积 ${formatArea(r.participating.area)} 平方米（占 ${percent(r.participating.area, r.totals.area)}%），人数 ${r.participating.headcount} 人（占 ${percent(r.participating.headcount, r.totals.headcount)}%）`,
  ]
  for (const c of r.candidates) {
    lines.push(
      `  ${names.get(c.id) ?? c.id}：面积 ${formatArea(c.area)} 平方米，人数 ${c.headcount} 人${c.elected ? '（当选）' : ''}`,
    )
  }
  lines.push(
    `  弃权：面积 ${formatArea(r.abstain.area)} 平方米，人数 ${r.abstain.headcount} 人`,
  )
  return lines
}

function electionOutcomeText(
  r: ElectionResult,
  named: (ids: string[]) => string,
): string {
  switch (r.outcome) {
    case 'no-quorum':
      return '无人当选（参与表决的业主未达到法定比例）'
    case 'nobody-qualified':
      return '无人当选（没有候选人同时获得过半数面积和过半数人数的支持）'
    case 'runoff-needed':
      return r.elected.length > 0
        ? `${named(r.elected)} 当选；${named(r.runoff)} 得票相同，需另行表决`
        : `${named(r.runoff)} 得票相同，需另行表决`
    case 'elected':
      return `${named(r.elected)} 当选`
  }
}

/** The text of the decision notice: outcome first, figures after. */
function decisionText(
  ballot: BallotRow,
  count: ReturnType<typeof countBallot>,
): string {
  const lines = [`“${ballot.title}”投票已于截止时间结束，结果如下。`, '']
  for (const { item, result: r, election, rules } of count.items) {
    if (election && rules) {
      lines.push(...electionLines(item, election, rules))
      continue
    }
    const outcome = !r.quorum
      ? '未通过（参与表决的业主未达到法定比例）'
      : r.approved
        ? '通过'
        : '未通过'
    lines.push(`第 ${item.seq} 项 ${item.title}：${outcome}`)
    lines.push(`  ${MATTER_TEXT[item.matter]}`)
    lines.push(
      `  参与表决：面积 ${formatArea(r.participating.area)} 平方米（占 ${percent(r.participating.area, r.totals.area)}%），人数 ${r.participating.headcount} 人（占 ${percent(r.participating.headcount, r.totals.headcount)}%）`,
    )
    for (const choice of ['agree', 'oppose', 'abstain'] as const) {
      lines.push(
        `  ${CHOICE_TEXT[choice]}：面积 ${formatArea(r[choice].area)} 平方米，人数 ${r[choice].headcount} 人`,
      )
    }
  }
  lines.push('')
  lines.push(
    `共 ${count.votes} 户投票，其中 ${count.proxyVotes} 户由代理人投票。业主可在“议事”中查看结果和表决记录。`,
  )
  return lines.join('\n')
}

/**
 * Publishes a closed ballot's result at `at`: the stored time, the
 * `result` record entry and the decision notice, in one transaction.
 * `by` is the organiser who published, or null when the deadline did.
 */
export function publish(
  ctx: Store,
  ballot: BallotRow,
  at: number,
  by: string | null,
): void {
  const count = countBallot(ctx, ballot)
  const lastVote = sql(
    ctx.db,
    'SELECT max(seq) AS seq FROM votes WHERE ballot_id = ?',
  ).get(ballot.id) as { seq: number | null }
  ctx.db.transaction(() => {
    sql(
      ctx.db,
      'UPDATE ballots SET published_at = ?, published_by = ?, published_by_deadline = ? WHERE id = ?',
    ).run(at, by, by === null ? 1 : 0, ballot.id)
    appendEntry(ctx.db, ballot.id, 'result', at, {
      closedAt: ballot.closes_at,
      lastVoteSeq: lastVote.seq ?? 0,
      votes: count.votes,
      proxyVotes: count.proxyVotes,
      supersededVotes: count.supersededVotes,
      publishedBy: by === null ? 'deadline' : 'organizer',
      items: count.items.map(({ item, result: r, election }) => ({
        itemId: item.id,
        matter: item.matter,
        totals: { area: r.totals.area, headcount: r.totals.headcount },
        agree: { area: r.agree.area, headcount: r.agree.headcount },
        oppose: { area: r.oppose.area, headcount: r.oppose.headcount },
        abstain: { area: r.abstain.area, headcount: r.abstain.headcount },
        quorum: r.quorum,
        approved: r.approved,
        // Each candidate's support, so an audit can check who was elected.
        ...(election
          ? {
              election: {
                candidates: election.candidates.map((c) => ({
                  id: c.id,
                  area: c.area,
                  headcount: c.headcount,
                })),
                elected: election.elected,
                runoff: election.runoff,
                outcome: election.outcome,
              },
            }
          : {}),
      })),
    })
    insertNotice(ctx.db, {
      estateId: ballot.estate_id,
      category: 'decision',
      title: `表决结果公布：${ballot.title}`,
      body: decisionText(ballot, count),
      authorOrg: ballot.organizer_org,
      authorPersonId: by,
      // Decisions bind every owner (Civil Code art. 280), and any owner
      // may inspect them: the notice goes to the whole estate.
      audience: { kind: 'estate' },
      publishAt: at,
      sourceBallotId: ballot.id,
      data: {
        ballotId: ballot.id,
        items: count.items.map(({ item, result: r }) => ({
          itemId: item.id,
          seq: item.seq,
          title: item.title,
          quorum: r.quorum,
          approved: r.approved,
        })),
      },
      createdAt: at,
    })
  })()
}

export function publishResult(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): BallotResult {
  const ballot = visibleBallot(ctx, viewer, ballotId)
  organizerFor(ctx, viewer, ballot.estate_id)
  const phase = phaseOf(ballot, ctx.now())
  if (phase === 'published') throw new AppError('RESULT_ALREADY_PUBLISHED')
  if (phase !== 'closed') throw new AppError('BALLOT_NOT_CLOSED')
  publish(ctx, ballot, ctx.now(), viewer.personId)
  return ballotResult(ctx, viewer, ballotId)
}

/**
 * Publishes every result whose 3 days have run out, as of its deadline.
 * Runs before each API request, so no reader ever sees a ballot past its
 * deadline still unpublished.
 */
export function publishOverdue(ctx: Context): number {
  // On every request: the query itself picks only what is overdue, so
  // the common answer is an empty list and nothing else runs.
  const due = sql(
    ctx.db,
    `SELECT * FROM ballots
      WHERE announced_at IS NOT NULL AND published_at IS NULL
        AND closes_at <= ?`,
  ).all(ctx.now() - PUBLISH_WITHIN) as BallotRow[]
  for (const ballot of due) {
    publish(ctx, ballot, publishDeadline(ballot.closes_at), null)
  }
  return due.length
}
