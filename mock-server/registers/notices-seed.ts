/**
 * Seeded notices of the three estates, after the news report that started
 * the project: the tripartite agreement's rectification list with its
 * progress, quarterly public-income statements whose balance carries from
 * one quarter to the next, a water cut to some buildings, and meeting
 * announcements. Times are relative to the seed time, so the water cut is
 * current whenever the store is seeded; quarters are the two completed
 * before it. Every figure adds up (checked as a real post would be).
 */
import type { StaffOrg } from '@/core/api-types'
import type { NoticeAudience, NoticeCategory } from '@/core/notices'
import type { MoneyLine, Quarter, Statement } from '@/core/public-income'
import {
  checkStatement,
  previousQuarter,
  quarterText,
  totalsOf,
} from '@/core/public-income'
import type {
  RectificationParty,
  RectificationStatus,
} from '@/core/rectification'

import { DAY, HOUR, shanghaiDate } from '../services/context'
import { insertNotice } from '../services/notices-store'
import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { FeatureSeed } from './feature-seeds'
import { ESTATE } from './generate'

interface ItemPlan {
  title: string
  responsible: RectificationParty
  /** Days from the seed date. */
  deadline: number
  /** Each step: days from the seed time, status, note. */
  steps: [number, RectificationStatus, string][]
}

interface NoticePlan {
  estateId: string
  category: NoticeCategory
  title: string
  body: string
  author: StaffOrg
  audience: NoticeAudience
  pinned?: boolean
  /** Offsets from the seed time. */
  publish: number
  ends?: number
  items?: ItemPlan[]
}

const ESTATE_WIDE: NoticeAudience = { kind: 'estate' }

const PLANS: readonly NoticePlan[] = [
  {
    estateId: ESTATE.chenxi,
    category: 'rectification',
    title: '《三方联建协议》整改事项及完成情况公示',
    body: '根据居委会、业委会与物业服务企业签订的《三方联建协议》，由三方代表组成的监督组对以下整改事项逐项跟踪，完成情况及时公示。\n对整改进度有意见的，请在工作日到居委会反映，或在本应用“报修”中提出。',
    author: 'residents-committee',
    audience: ESTATE_WIDE,
    pinned: true,
    publish: -40 * DAY,
    items: [
      {
        title: '沿街商铺油烟扰民：加装油烟净化设备并改造排烟管道',
        responsible: 'property-company',
        deadline: 14,
        steps: [
          [-40, 'pending', '列入整改清单'],
          [
            -20,
            'in-progress',
            '已完成 12 家商铺的排烟管道改造，剩余 6 家本月施工',
          ],
        ],
      },
      {
        title: '新增地面停车位划线，缓解停车位缺口',
        responsible: 'property-company',
        deadline: -10,
        steps: [
          [-40, 'pending', '列入整改清单'],
          [-25, 'in-progress', '已完成 6 号楼至 12 号楼沿线划线'],
          [-12, 'done', '新增划线车位 86 个，已投入使用'],
        ],
      },
      {
        title: '小区主干道路面破损修补',
        responsible: 'owners-committee',
        deadline: 60,
        steps: [
          [-40, 'pending', '列入整改清单'],
          [-9, 'in-progress', '使用维修资金修缮道路的表决已公告，正在投票'],
        ],
      },
      {
        title: '单元门禁及监控设施年久失修，逐栋检修',
        responsible: 'property-company',
        deadline: -5,
        steps: [
          [-40, 'pending', '列入整改清单'],
          [
            -18,
            'in-progress',
            '已检修 1–15 号楼门禁，监控更换待公共收益使用表决',
          ],
        ],
      },
      {
        title: '公共收益账目按季度公示',
        responsible: 'owners-committee',
        deadline: -30,
        steps: [
          [-40, 'pending', '列入整改清单'],
          [-35, 'done', '已在本应用和小区公告栏按季度公示'],
        ],
      },
    ],
  },
  {
    estateId: ESTATE.chenxi,
    category: 'emergency',
    title: '3号楼、4号楼二次供水水箱清洗临时停水',
    body: '因二次供水水箱清洗消毒，3号楼、4号楼将于明日 9:00 至 15:00 停止供水。请提前储水，关好水龙头，防止来水时跑水。\n如遇紧急情况，请拨打物业服务中心 24 小时电话。',
    author: 'property-company',
    audience: { kind: 'buildings', buildings: ['3', '4'] },
    pinned: true,
    publish: -3 * HOUR,
    ends: 2 * DAY,
  },
  {
    estateId: ESTATE.chenxi,
    category: 'meeting',
    title: '关于续聘物业服务企业及使用维修资金修缮道路的业主大会表决公告',
    body: '本次业主大会采用线上表决，投票在“议事”中进行，截止前可随时投票。表决事项、名册（房屋、面积、人数）已同时公布。\n表决须有专有部分面积和人数均三分之二以上的业主参与，请各位业主按时投票。',
    author: 'owners-committee',
    audience: ESTATE_WIDE,
    publish: -9 * DAY,
  },
  {
    estateId: ESTATE.chenxi,
    category: 'announcement',
    title: '电动自行车集中充电设施建设方案征求意见',
    body: '业委会拟在 8 号楼与 16 号楼之间的自行车棚建设集中充电设施，方案图纸张贴于各单元大堂。欢迎在本月 20 日前向业委会提出意见。',
    author: 'owners-committee',
    audience: ESTATE_WIDE,
    publish: -4 * DAY,
  },
  {
    estateId: ESTATE.lize,
    category: 'rectification',
    title: '小区道路改造（居代业）整改事项公示',
    body: '经业主大会授权，居委会代行职能组建工程小组，聘请设计单位、招标代理和财务监理，并组织居民巡查队督查施工进度和质量。以下为各阶段事项和完成情况。',
    author: 'residents-committee',
    audience: ESTATE_WIDE,
    publish: -60 * DAY,
    items: [
      {
        title: '道路改造方案设计，采纳居民建议优化方案',
        responsible: 'residents-committee',
        deadline: -30,
        steps: [
          [-60, 'pending', '列入整改清单'],
          [-45, 'in-progress', '设计单位已进场测量'],
          [-32, 'done', '采纳 27 条居民建议，优化 5 处方案'],
        ],
      },
      {
        title: '通过招标代理选定施工单位',
        responsible: 'residents-committee',
        deadline: 20,
        steps: [
          [-60, 'pending', '列入整改清单'],
          [-15, 'in-progress', '招标公告已发布，12 月中旬开标'],
        ],
      },
      {
        title: '雨污分流工程结束后启动道路施工',
        responsible: 'property-company',
        deadline: 90,
        steps: [[-60, 'pending', '列入整改清单']],
      },
    ],
  },
  {
    estateId: ESTATE.lize,
    category: 'emergency',
    title: '2号楼配电箱检修临时停电',
    body: '因配电箱检修，2号楼将于后天 13:00 至 16:00 停电，电梯暂停运行。行动不便的居民如需协助，请提前联系居委会。',
    author: 'property-company',
    audience: { kind: 'buildings', buildings: ['2'] },
    publish: -1 * DAY,
    ends: 3 * DAY,
  },
  {
    estateId: ESTATE.xincheng,
    category: 'meeting',
    title: '5号楼外墙修缮业主表决公告',
    body: '5号楼外墙多处空鼓开裂、局部脱落。外墙属 5 号楼业主共有，本次只由 5 号楼业主表决，按 5 号楼的总面积和总人数计算。请 5 号楼业主在“议事”中投票。',
    author: 'residents-committee',
    audience: { kind: 'buildings', buildings: ['5'] },
    pinned: true,
    publish: -9 * DAY,
  },
  {
    estateId: ESTATE.xincheng,
    category: 'rectification',
    title: '弘公馆区域外墙开裂脱落处置事项公示',
    body: '居民区党组织牵头召集业主代表、物业、开发商等召开联席会议，达成费用分担方案：涉及楼栋业主承担部分维修费，开发商承担其余部分。以下为各项处置的进展。',
    author: 'residents-committee',
    audience: ESTATE_WIDE,
    publish: -30 * DAY,
    items: [
      {
        title: '外墙脱落危险部位设置围挡和防护网',
        responsible: 'residents-committee',
        deadline: -25,
        steps: [
          [-30, 'pending', '列入整改清单'],
          [-27, 'done', '已设置围挡和防护网，行人绕行'],
        ],
      },
      {
        title: '开发商按分担方案出资并组织外墙修缮施工',
        responsible: 'developer',
        deadline: 45,
        steps: [
          [-30, 'pending', '列入整改清单'],
          [-10, 'in-progress', '脚手架已搭设，施工进度约 30%'],
        ],
      },
    ],
  },
  {
    estateId: ESTATE.xincheng,
    category: 'emergency',
    title: '小区供水管网维修临时停水',
    body: '因市政供水管网维修，全小区将于本周六 22:00 至次日 6:00 停水。请提前储水。',
    author: 'residents-committee',
    audience: ESTATE_WIDE,
    publish: -2 * HOUR,
    ends: 4 * DAY,
  },
]

interface IncomePlan {
  estateId: string
  author: StaffOrg
  /** Balance at the start of the earlier of the two quarters, in fen. */
  openingFen: number
  quarters: [MoneyLine[], MoneyLine[]][]
}

const INCOME: readonly IncomePlan[] = [
  {
    estateId: ESTATE.chenxi,
    author: 'owners-committee',
    openingFen: 1_046_250_36,
    quarters: [
      [
        [
          { label: '地面停车位租金', amountFen: 186_400_00 },
          { label: '电梯轿厢广告', amountFen: 24_600_00 },
          { label: '快递柜场地使用费', amountFen: 6_000_00 },
        ],
        [
          { label: '公共收益审计费（分期）', amountFen: 10_000_00 },
          { label: '业委会办公经费', amountFen: 4_850_50 },
        ],
      ],
      [
        [
          { label: '地面停车位租金', amountFen: 192_800_00 },
          { label: '电梯轿厢广告', amountFen: 24_600_00 },
          { label: '快递柜场地使用费', amountFen: 6_000_00 },
          { label: '沿街广告牌', amountFen: 8_400_00 },
        ],
        [
          { label: '单元门禁维修', amountFen: 38_720_00 },
          { label: '公共收益审计费（分期）', amountFen: 10_000_00 },
          { label: '业委会办公经费', amountFen: 5_126_30 },
        ],
      ],
    ],
  },
  {
    estateId: ESTATE.lize,
    author: 'residents-committee',
    openingFen: 312_806_40,
    quarters: [
      [
        [
          { label: '地面停车位租金', amountFen: 58_200_00 },
          { label: '电梯轿厢广告', amountFen: 9_600_00 },
        ],
        [{ label: '道路改造设计费（预付）', amountFen: 30_000_00 }],
      ],
      [
        [
          { label: '地面停车位租金', amountFen: 59_400_00 },
          { label: '电梯轿厢广告', amountFen: 9_600_00 },
        ],
        [
          { label: '招标代理费', amountFen: 18_500_00 },
          { label: '监控设备临时维修', amountFen: 6_380_00 },
        ],
      ],
    ],
  },
]

/** The quarter (in Shanghai) that holds `ms`. */
function quarterOf(ms: number): Quarter {
  const day = shanghaiDate(ms)
  return {
    year: Number(day.slice(0, 4)),
    quarter: Math.floor((Number(day.slice(4, 6)) - 1) / 3) + 1,
  }
}

const SHANGHAI_OFFSET = 8 * HOUR

/** A statement goes up five days into the quarter after its own. */
function publishedAfter(q: Quarter): number {
  const next =
    q.quarter === 4
      ? Date.UTC(q.year + 1, 0, 1)
      : Date.UTC(q.year, q.quarter * 3, 1)
  return next - SHANGHAI_OFFSET + 5 * DAY
}

/** YYYY-MM-DD in Shanghai, `days` from `ms`. */
function dayFrom(ms: number, days: number): string {
  const d = shanghaiDate(ms + days * DAY)
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`
}

function staffOf(db: Store, estateId: string, org: StaffOrg): string | null {
  const row = sql(
    db,
    'SELECT person_id FROM staff_roles WHERE estate_id = ? AND org = ? ORDER BY person_id LIMIT 1',
  ).get(estateId, org) as { person_id: string } | undefined
  return row?.person_id ?? null
}

function writeItems(
  db: Store,
  noticeId: string,
  plan: NoticePlan,
  now: number,
): void {
  const item = sql(
    db,
    'INSERT INTO rectification_items (id, notice_id, seq, title, responsible, deadline) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const step = sql(
    db,
    'INSERT INTO rectification_updates (item_id, seq, at, status, note, by_org, by_person_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  ;(plan.items ?? []).forEach((it, index) => {
    const itemId = `${noticeId}-${index + 1}`
    item.run(
      itemId,
      noticeId,
      index + 1,
      it.title,
      it.responsible,
      dayFrom(now, it.deadline),
    )
    it.steps.forEach(([days, status, note], seq) => {
      // The party responsible reports its own progress; the list itself
      // and the developer's steps are written by its author.
      const by = it.responsible === 'developer' ? plan.author : it.responsible
      step.run(
        itemId,
        seq + 1,
        now + days * DAY,
        status,
        note,
        by,
        staffOf(db, plan.estateId, by),
      )
    })
  })
}

function writeStatements(db: Store, plan: IncomePlan, now: number): void {
  const latest = previousQuarter(quarterOf(now))
  const periods = [previousQuarter(latest), latest]
  let openingFen = plan.openingFen
  periods.forEach((period, index) => {
    const [income, expense] = plan.quarters[index]
    const lines = { openingFen, income, expense }
    const statement: Statement = { period, ...lines, ...totalsOf(lines) }
    if (checkStatement(statement).length > 0) {
      throw new Error('[seed] a public-income statement does not add up')
    }
    insertNotice(db, {
      estateId: plan.estateId,
      category: 'public-income',
      title: `${quarterText(period)}公共收益收支情况公示`,
      body: '本季度公共收益收支明细如下。对账目有疑问的业主，可在工作日到业委会（或居委会）查阅凭证。',
      authorOrg: plan.author,
      authorPersonId: staffOf(db, plan.estateId, plan.author),
      audience: ESTATE_WIDE,
      publishAt: Math.min(publishedAfter(period), now - HOUR),
      data: statement,
      createdAt: now,
    })
    openingFen = statement.closingFen
  })
}

export const noticesSeed: FeatureSeed = {
  name: 'notices',
  run(db, now) {
    for (const plan of PLANS) {
      const noticeId = insertNotice(db, {
        estateId: plan.estateId,
        category: plan.category,
        title: plan.title,
        body: plan.body,
        authorOrg: plan.author,
        authorPersonId: staffOf(db, plan.estateId, plan.author),
        audience: plan.audience,
        pinned: plan.pinned,
        publishAt: now + plan.publish,
        endsAt: plan.ends === undefined ? null : now + plan.ends,
        createdAt: now,
      })
      writeItems(db, noticeId, plan, now)
    }
    for (const plan of INCOME) writeStatements(db, plan, now)
  },
}
