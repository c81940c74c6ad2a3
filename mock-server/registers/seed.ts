/**
 * Writes the synthetic registers, the 居代业 mandate and ballots in every
 * phase into an empty store, with seeded votes on every ballot that has
 * opened. Times are relative to the seed time (the injected clock), so an
 * open ballot is open whenever the store is seeded. Seeded votes go
 * through appendVote, the same path as a real vote, so every ballot's
 * record is a valid hash chain.
 */
import type { Electorate, StaffOrg } from '@/core/api-types'
import type { Matter } from '@/core/tally'
import { CHOICES } from '@/core/tally'

import { DAY, MINUTE } from '../services/context'
import { frozenRoll, freezeRoll } from '../services/roll'
import { appendVote, voteRequestHash } from '../services/voting'
import type { Store } from '../store/database'
import { setSetting, sql } from '../store/database'
import type { Registers } from './generate'
import { ESTATE, generateRegisters, REGISTER_SEED } from './generate'
import { Random } from './random'
import { testAccountsOf } from './test-accounts'

export const SEED_VERSION = '1'

interface ItemPlan {
  title: string
  description: string
  matter: Matter
}

interface BallotPlan {
  id: string
  estateId: string
  title: string
  description: string
  organizer: StaffOrg
  underMandate: boolean
  electorate: Electorate
  allowChanges: boolean
  /** Offsets from the seed time; null announced means a draft. */
  announced: number | null
  opens: number
  closes: number
  published: number | null
  /** Share of voters with a seeded vote, for ballots that have opened. */
  turnout: number
  items: ItemPlan[]
}

const LIZE_MANDATE = 'lize-mandate-2025'

const WHOLE_ESTATE: Electorate = { kind: 'estate' }

// Every announced ballot gave the 15 days' notice src/core/ballot-rules.ts
// asks for.
const BALLOTS: readonly BallotPlan[] = [
  {
    id: 'chenxi-rules-2027',
    estateId: ESTATE.chenxi,
    title: '修订《晨曦名邸管理规约》及业主大会议事规则',
    description:
      '业委会起草的修订稿，征求意见后公告。主要修改装修管理、宠物饲养和公共收益使用三部分。',
    organizer: 'owners-committee',
    underMandate: false,
    electorate: WHOLE_ESTATE,
    allowChanges: false,
    announced: null,
    opens: 20 * DAY,
    closes: 34 * DAY,
    published: null,
    turnout: 0,
    items: [
      {
        title: '修订《管理规约》',
        description: '按修订稿修改第十二条（装修管理）和第十九条（宠物饲养）。',
        matter: 'ordinary',
      },
      {
        title: '修订《业主大会议事规则》',
        description: '允许在业主大会规则许可时，截止前修改已投的票。',
        matter: 'ordinary',
      },
    ],
  },
  {
    id: 'chenxi-ev-charging',
    estateId: ESTATE.chenxi,
    title: '使用公共收益建设电动自行车集中充电设施',
    description:
      '在 8 号楼与 16 号楼之间的自行车棚内建设集中充电设施，费用约 42 万元，从公共收益中列支。',
    organizer: 'owners-committee',
    underMandate: false,
    electorate: WHOLE_ESTATE,
    allowChanges: false,
    announced: -2 * DAY,
    opens: 13 * DAY,
    closes: 27 * DAY,
    published: null,
    turnout: 0,
    items: [
      {
        title: '建设电动自行车集中充电设施',
        description: '使用公共收益约 42 万元，由业委会公开招标选定施工单位。',
        matter: 'ordinary',
      },
    ],
  },
  {
    id: 'chenxi-property-roads',
    estateId: ESTATE.chenxi,
    title: '续聘物业服务企业及使用维修资金修缮小区道路',
    description:
      '现物业服务合同将于年底到期；小区主干道路多处破损。本次表决含三项，每项分别计票。',
    organizer: 'owners-committee',
    underMandate: false,
    electorate: WHOLE_ESTATE,
    allowChanges: false,
    announced: -17 * DAY,
    opens: -2 * DAY,
    closes: 10 * DAY,
    published: null,
    turnout: 0.38,
    items: [
      {
        title: '续聘上海申晨物业管理有限公司',
        description: '合同期三年，物业服务费标准不变。',
        matter: 'ordinary',
      },
      {
        title: '使用专项维修资金修缮小区主干道路',
        description:
          '预算约 186 万元，按专有部分面积从全体业主的维修资金中分摊。',
        matter: 'ordinary',
      },
      {
        title: '调整保洁与绿化服务标准',
        description: '楼道保洁由每周两次改为每周三次，绿化养护增加夏季灌溉。',
        matter: 'ordinary',
      },
    ],
  },
  {
    id: 'chenxi-parking',
    estateId: ESTATE.chenxi,
    title: '改变共有部分用途增设地面停车位',
    description:
      '将 12 号楼北侧部分公共绿地改建为 60 个地面停车位。改变共有部分用途须经参与表决的业主四分之三以上同意。按本小区议事规则，截止前可以修改已投的票，以最后一次为准。',
    organizer: 'owners-committee',
    underMandate: false,
    electorate: WHOLE_ESTATE,
    allowChanges: true,
    announced: -17 * DAY,
    opens: -2 * DAY,
    closes: 8 * DAY,
    published: null,
    turnout: 0.33,
    items: [
      {
        title: '将 12 号楼北侧部分绿地改建为地面停车位',
        description: '改建面积约 1,500 平方米，新增车位 60 个。',
        matter: 'special',
      },
      {
        title: '新增车位的租金收入纳入小区公共收益',
        description: '扣除管理成本后，全部计入公共收益并按季度公示。',
        matter: 'ordinary',
      },
    ],
  },
  {
    id: 'chenxi-audit-2025',
    estateId: ESTATE.chenxi,
    title: '聘请第三方审计 2025 年度公共收益',
    description:
      '由业委会委托会计师事务所审计 2025 年度公共收益收支，费用约 3 万元。',
    organizer: 'owners-committee',
    underMandate: false,
    electorate: WHOLE_ESTATE,
    allowChanges: false,
    announced: -37 * DAY,
    opens: -21 * DAY,
    closes: -1 * DAY,
    published: null,
    turnout: 0.71,
    items: [
      {
        title: '聘请第三方审计公共收益',
        description: '审计报告在小区公告栏和本应用公示。',
        matter: 'ordinary',
      },
    ],
  },
  {
    id: 'chenxi-property-2025',
    estateId: ESTATE.chenxi,
    title: '选聘物业服务企业',
    description: '原物业服务企业合同期满退出，经公开招标，业委会提出候选企业。',
    organizer: 'owners-committee',
    underMandate: false,
    electorate: WHOLE_ESTATE,
    allowChanges: false,
    announced: -75 * DAY,
    opens: -60 * DAY,
    closes: -45 * DAY,
    published: -43 * DAY,
    turnout: 0.78,
    items: [
      {
        title: '选聘上海申晨物业管理有限公司',
        description: '合同期一年，期满后由业主大会决定是否续聘。',
        matter: 'ordinary',
      },
    ],
  },
  {
    id: 'lize-cctv',
    estateId: ESTATE.lize,
    title: '使用公共收益更换小区监控设备',
    description:
      '小区尚未成立业主委员会。受业主大会委托，居委会组织本次表决（居代业）。监控设备已使用十二年，多处失灵。',
    organizer: 'residents-committee',
    underMandate: true,
    electorate: WHOLE_ESTATE,
    allowChanges: false,
    announced: -17 * DAY,
    opens: -2 * DAY,
    closes: 10 * DAY,
    published: null,
    turnout: 0.41,
    items: [
      {
        title: '使用公共收益约 38 万元更换监控设备',
        description: '更换出入口、电梯厅和地下车库共 96 个摄像头。',
        matter: 'ordinary',
      },
      {
        title: '委托居委会公开比选安装单位',
        description: '比选结果在小区公告栏和本应用公示。',
        matter: 'ordinary',
      },
    ],
  },
  {
    id: 'xincheng-b5-facade',
    estateId: ESTATE.xincheng,
    title: '5号楼外墙修缮',
    description:
      '5号楼外墙多处空鼓开裂。外墙为 5 号楼业主共有，只由 5 号楼业主表决，以 5 号楼的总面积和总人数计算。',
    organizer: 'residents-committee',
    underMandate: false,
    electorate: { kind: 'buildings', buildings: ['5'] },
    allowChanges: false,
    announced: -17 * DAY,
    opens: -2 * DAY,
    closes: 10 * DAY,
    published: null,
    turnout: 0.36,
    items: [
      {
        title: '使用 5 号楼专项维修资金修缮外墙',
        description: '预算约 64 万元，修缮空鼓开裂部位并重做防水。',
        matter: 'ordinary',
      },
      {
        title: '修缮费用按专有部分面积分摊',
        description: '从各户维修资金分户账中按面积列支。',
        matter: 'ordinary',
      },
    ],
  },
]

function writeRegisters(db: Store, registers: Registers): void {
  const estate = sql(
    db,
    'INSERT INTO estates (id, name, district, town, has_owners_committee) VALUES (?, ?, ?, ?, ?)',
  )
  for (const e of registers.estates) {
    estate.run(e.id, e.name, e.district, e.town, e.hasOwnersCommittee ? 1 : 0)
  }
  const building = sql(
    db,
    'INSERT INTO buildings (id, estate_id, number) VALUES (?, ?, ?)',
  )
  for (const b of registers.buildings) building.run(b.id, b.estateId, b.number)
  const unit = sql(
    db,
    'INSERT INTO units (id, estate_id, building_id, room, area, certificate_number, developer_held) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  for (const u of registers.units) {
    unit.run(
      u.id,
      u.estateId,
      u.buildingId,
      u.room,
      u.area,
      u.certificateNumber,
      u.developerHeld ? 1 : 0,
    )
  }
  const person = sql(
    db,
    'INSERT INTO persons (id, name, id_number, phone, residence_unit_id) VALUES (?, ?, ?, ?, ?)',
  )
  for (const p of registers.persons) {
    person.run(p.id, p.name, p.idNumber, p.phone, p.residenceUnitId)
  }
  const owner = sql(
    db,
    'INSERT INTO unit_owners (unit_id, person_id) VALUES (?, ?)',
  )
  for (const u of registers.units) {
    for (const personId of u.owners) owner.run(u.id, personId)
  }
  const staff = sql(
    db,
    'INSERT INTO staff_roles (person_id, estate_id, org) VALUES (?, ?, ?)',
  )
  for (const s of registers.staff) staff.run(s.personId, s.estateId, s.org)
}

function writeBallot(db: Store, plan: BallotPlan, at: number): void {
  sql(
    db,
    `INSERT INTO ballots
       (id, estate_id, title, description, organizer_org, mandate_id,
        electorate, allow_changes, created_at, announced_at, opens_at,
        closes_at, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    plan.id,
    plan.estateId,
    plan.title,
    plan.description,
    plan.organizer,
    plan.underMandate ? LIZE_MANDATE : null,
    JSON.stringify(plan.electorate),
    plan.allowChanges ? 1 : 0,
    at + (plan.announced ?? 0) - 7 * DAY,
    plan.announced === null ? null : at + plan.announced,
    at + plan.opens,
    at + plan.closes,
    plan.published === null ? null : at + plan.published,
  )
  const item = sql(
    db,
    'INSERT INTO ballot_items (id, ballot_id, seq, title, description, matter) VALUES (?, ?, ?, ?, ?, ?)',
  )
  plan.items.forEach((it, index) => {
    item.run(
      `${plan.id}-${index + 1}`,
      plan.id,
      index + 1,
      it.title,
      it.description,
      it.matter,
    )
  })
}

/**
 * Votes from a share of the roll's voters, spread over the time the
 * ballot has been open. Test accounts' voters and the developer are left
 * out, so a tester can still vote.
 */
function seedVotes(
  db: Store,
  plan: BallotPlan,
  at: number,
  random: Random,
  reserved: Set<string>,
): void {
  const voters = new Map<string, string[]>()
  for (const row of frozenRoll(db, plan.id)) {
    if (row.developerHeld || row.voterId === null) continue
    if (row.owners.some((o) => reserved.has(o))) continue
    voters.set(row.voterId, row.owners)
  }
  const chosen = random
    .shuffle(Array.from(voters.keys()))
    .slice(0, Math.round(voters.size * plan.turnout))
  const from = at + plan.opens
  const until = Math.min(at + plan.closes, at) - MINUTE
  const times = chosen.map(() => random.int(from, until)).sort((a, b) => a - b)

  chosen.forEach((voterId, index) => {
    const choices = plan.items.map((item, seq) => {
      // Most owners agree; a special matter divides them more.
      const roll = random.int(0, 99)
      const agree = item.matter === 'special' ? 68 : 74
      const choice =
        roll < agree ? CHOICES[0] : roll < agree + 18 ? CHOICES[1] : CHOICES[2]
      return { itemId: `${plan.id}-${seq + 1}`, choice }
    })
    const castBy = random.pick(voters.get(voterId) ?? [])
    appendVote(db, {
      ballotId: plan.id,
      voterId,
      castBy,
      choices,
      at: times[index],
      idempotencyKey: `seed-${plan.id}-${index + 1}`,
      requestHash: voteRequestHash(plan.id, voterId, choices),
    })
  })
}

export interface SeedReport {
  persons: number
  units: number
  ballots: number
  votes: number
  ms: number
}

function isEmpty(db: Store): boolean {
  return sql(db, 'SELECT 1 FROM estates LIMIT 1').get() === undefined
}

/** Seeds an empty store; leaves a seeded one alone. */
export function seedIfEmpty(db: Store, now: number): SeedReport | null {
  if (!isEmpty(db)) return null
  const started = performance.now()
  const registers = generateRegisters(REGISTER_SEED)
  const random = new Random(REGISTER_SEED + 1)
  const reserved = new Set(testAccountsOf(registers).map((a) => a.personId))
  const voterId = () => `V${random.hex(12).toUpperCase()}`

  db.transaction(() => {
    writeRegisters(db, registers)
    sql(
      db,
      'INSERT INTO mandates (id, estate_id, text, granted_at) VALUES (?, ?, ?, ?)',
    ).run(
      LIZE_MANDATE,
      ESTATE.lize,
      '经丽泽华庭业主大会决定，在业主委员会成立前，委托新桥镇丽泽居民委员会组织业主共同决定事项，并代行业主委员会职责。',
      now - 300 * DAY,
    )
    for (const plan of BALLOTS) {
      writeBallot(db, plan, now)
      if (plan.announced === null) continue
      freezeRoll(
        db,
        plan.id,
        plan.estateId,
        plan.electorate,
        now + plan.announced,
        voterId,
      )
      if (plan.opens < 0) seedVotes(db, plan, now, random, reserved)
    }
    setSetting(db, 'seed.version', SEED_VERSION)
    setSetting(db, 'seed.at', new Date(now).toISOString())
    // Says so in the data itself, for anyone who opens the file.
    setSetting(
      db,
      'registers.synthetic',
      '全部人口和不动产数据均为合成的测试数据',
    )
  })()

  const count = (table: string) =>
    (sql(db, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return {
    persons: count('persons'),
    units: count('units'),
    ballots: count('ballots'),
    votes: count('votes'),
    ms: Math.round(performance.now() - started),
  }
}
