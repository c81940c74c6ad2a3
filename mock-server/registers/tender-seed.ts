/**
 * Seed of a company tender: 晨曦名邸's owners' committee has announced
 * the choice of a property company between three bidders from the
 * tender, one seat, voting from two weeks on. Announced rather than
 * open, so nobody has voted and every test account is free to vote
 * once it opens; owners can already read the bid summaries.
 */
import { agendaElection } from '../services/elections'
import { itemsOf } from '../services/ballots'
import { DAY } from '../services/context'
import { appendEntry } from '../services/record'
import { freezeRoll } from '../services/roll'
import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { FeatureSeed } from './feature-seeds'
import { ESTATE } from './generate'
import { Random } from './random'

export const TENDER_BALLOT = 'chenxi-tender-2027'
const TENDER_ITEM = `${TENDER_BALLOT}-1`
const TITLE = '选聘晨曦名邸物业服务企业'
// Fixed, so the frozen roll is the same on every machine.
const TENDER_SEED = 20261203
const ANNOUNCED = -1 * DAY
const OPENS = 14 * DAY
const CLOSES = 28 * DAY

/** The three bidders and their bid summaries; companies are public. */
const BIDDERS = [
  {
    name: '上海申安物业管理有限公司',
    statement:
      '报价 2.35 元/平方米·月；24 小时门岗两人，保洁每日两次；承诺地库渗漏 30 日内查明原因并维修。',
  },
  {
    name: '上海绿苑物业服务有限公司',
    statement:
      '报价 2.10 元/平方米·月；门岗一人加巡逻；每季度公开公共收益明细；电梯年检外包。',
  },
  {
    name: '上海嘉实物业有限公司',
    statement:
      '报价 2.60 元/平方米·月；配驻场电梯维保工一名；绿化由自有团队养护；首年免收装修管理费。',
  },
]

function writeTender(db: Store, now: number): void {
  sql(
    db,
    `INSERT INTO ballots
       (id, estate_id, title, description, organizer_org, mandate_id,
        electorate, allow_changes, created_at, announced_at, opens_at,
        closes_at, published_at)
     VALUES (?, ?, ?, ?, 'owners-committee', NULL, ?, 0, ?, ?, ?, ?, NULL)`,
  ).run(
    TENDER_BALLOT,
    ESTATE.chenxi,
    TITLE,
    '现物业服务合同将于明年到期，业委会公开招标，三家企业投标。请业主从中选出 1 家；企业当选须同时获得参与表决业主的过半数面积和过半数人数支持。',
    JSON.stringify({ kind: 'estate' }),
    now + ANNOUNCED - 7 * DAY,
    now + ANNOUNCED,
    now + OPENS,
    now + CLOSES,
  )
  sql(
    db,
    `INSERT INTO ballot_items
       (id, ballot_id, seq, title, description, matter, seats, max_picks)
     VALUES (?, ?, 1, ?, ?, 'ordinary', 1, 1)`,
  ).run(
    TENDER_ITEM,
    TENDER_BALLOT,
    '选聘物业服务企业',
    '从 3 家投标企业中选出 1 家，签订三年物业服务合同。',
  )
  const insert = sql(
    db,
    `INSERT INTO election_candidates
       (id, item_id, seq, kind, name, statement, photo_file_id,
        document_file_ids, consent_name, consent_photo, consent_statement)
     VALUES (?, ?, ?, 'company', ?, ?, NULL, '[]', 1, 1, 1)`,
  )
  BIDDERS.forEach((bidder, index) => {
    insert.run(
      `${TENDER_ITEM}-c${index + 1}`,
      TENDER_ITEM,
      index + 1,
      bidder.name,
      bidder.statement,
    )
  })
}

function announce(db: Store, now: number): void {
  const random = new Random(TENDER_SEED)
  freezeRoll(
    db,
    TENDER_BALLOT,
    ESTATE.chenxi,
    { kind: 'estate' },
    now + ANNOUNCED,
    () => `V${random.hex(12).toUpperCase()}`,
  )
  appendEntry(db, TENDER_BALLOT, 'announce', now + ANNOUNCED, {
    title: TITLE,
    organizer: 'owners-committee',
    mandateId: null,
    electorate: JSON.stringify({ kind: 'estate' }),
    allowChanges: false,
    opensAt: now + OPENS,
    closesAt: now + CLOSES,
    items: itemsOf(db, TENDER_BALLOT).map((i) => ({
      itemId: i.id,
      seq: i.seq,
      title: i.title,
      matter: i.matter,
      ...agendaElection(db, i),
    })),
  })
}

export const tenderSeed: FeatureSeed = {
  name: 'tender',
  run(db, now) {
    const known = sql(db, 'SELECT 1 FROM estates WHERE id = ?').get(
      ESTATE.chenxi,
    )
    if (!known) return
    writeTender(db, now)
    announce(db, now)
  },
}
