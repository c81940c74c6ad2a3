import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'

import type { Profile } from '@/core/api-types'
import type { NoticeDetail as Notice, NoticeSummary } from '@/core/notices-api'
import { connectSession, useSession } from '@/features/identity'
import { NoticeDetail, NoticeFeed, PostNoticeForm } from '@/features/notices'
import { platformRequest } from '@/platform/request'

import { fail, installFakeApi, ok, type FakeApi } from '../support/fake-api'
import { ESTATE, NOW, OWNER, SESSION_EXPIRES } from '../support/fixtures'

jest.mock('@/platform/request', () => ({ platformRequest: jest.fn() }))

const FEED = `GET /api/estates/${ESTATE.id}/notices`

const STAFF: Profile = {
  ...OWNER,
  person: { ...OWNER.person, name: '赵居委' },
  role: 'resident',
  units: [],
  staffRoles: [
    {
      estateId: ESTATE.id,
      estateName: ESTATE.name,
      org: 'residents-committee',
    },
  ],
}

const SUMMARY: NoticeSummary = {
  id: 'n-1',
  estateId: ESTATE.id,
  category: 'emergency',
  title: '3号楼二次供水水箱清洗临时停水',
  excerpt: '因水箱清洗消毒，3号楼明日 9:00 至 15:00 停水。',
  authorOrg: 'property-company',
  audience: { kind: 'buildings', buildings: ['3'] },
  pinned: true,
  publishAt: '2026-12-03T01:00:00Z',
  endsAt: '2026-12-05T01:00:00Z',
  state: 'live',
  withdrawal: null,
  read: false,
  attachmentCount: 1,
  sourceBallotId: null,
}

const DETAIL: Notice = {
  ...SUMMARY,
  body: '因水箱清洗消毒，3号楼明日 9:00 至 15:00 停水。\n请提前储水。',
  attachments: [],
  rectification: null,
  publicIncome: null,
  canManage: false,
}

let api: FakeApi

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
  connectSession(jest.fn())
  useSession.setState({
    token: 'tok',
    expiresAt: SESSION_EXPIRES,
    profile: OWNER,
  })
  api = installFakeApi(platformRequest as jest.Mock)
})

async function type(name: string, value: string) {
  const input = await screen.findByRole('textbox', { name })
  fireEvent.input(input, { target: { value } })
}

function renderDetail(notice: Notice, profile: Profile = OWNER) {
  api.on(`GET /api/notices/${notice.id}`, ok(notice))
  return render(
    <NoticeDetail
      noticeId={notice.id}
      profile={profile}
      onOpenBallot={jest.fn()}
    />,
  )
}

describe('the notice feed', () => {
  it('marks pinned and unread notices in words a screen reader reads', async () => {
    api.on(
      FEED,
      ok({
        notices: [
          SUMMARY,
          {
            ...SUMMARY,
            id: 'n-2',
            category: 'meeting',
            title: '业主大会表决公告',
            pinned: false,
            read: true,
            authorOrg: 'owners-committee',
            audience: { kind: 'estate' },
            attachmentCount: 0,
          },
        ],
        unreadCount: 1,
      }),
    )
    render(<NoticeFeed estateId={ESTATE.id} onOpen={jest.fn()} />)

    expect(await screen.findByText('共 2 条，1 条未读')).toBeInTheDocument()
    const links = screen.getAllByRole('link')
    expect(links.map((l) => l.getAttribute('aria-label'))).toEqual([
      '未读，置顶，紧急通知，3号楼二次供水水箱清洗临时停水，物业发布，12月3日 星期四 09:00',
      '会议与表决公告，业主大会表决公告，业委会发布，12月3日 星期四 09:00',
    ])
    expect(
      within(links[0]).getByText(
        '物业发布 · 12月3日 星期四 09:00 · 3号楼 · 附件 1',
      ),
    ).toBeInTheDocument()
  })

  it('asks for one category, and searches by the words typed', async () => {
    api.on(FEED, ok({ notices: [], unreadCount: 0 }))
    render(<NoticeFeed estateId={ESTATE.id} onOpen={jest.fn()} />)
    await screen.findByText('暂时没有公告')

    fireEvent.click(screen.getByRole('tab', { name: '公共收益公示' }))
    await waitFor(() => expect(api.callsTo(FEED)).toHaveLength(2))
    expect(api.calls[1].url).toBe(
      `/api/estates/${ESTATE.id}/notices?category=public-income`,
    )

    await type('搜索公告', ' 停水 ')
    fireEvent.click(screen.getByRole('button', { name: '搜索' }))
    expect(
      await screen.findByText('没有找到含“停水”的公告'),
    ).toBeInTheDocument()
    expect(api.calls[2].url).toBe(
      `/api/estates/${ESTATE.id}/notices?category=public-income&q=%E5%81%9C%E6%B0%B4`,
    )
  })

  it('shows the catalogue message when the feed cannot load', async () => {
    api.on(FEED, fail('OTHER_ESTATE'))
    render(<NoticeFeed estateId={ESTATE.id} onOpen={jest.fn()} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '这是其他小区的事项',
    )
  })
})

describe('a notice', () => {
  it('shows staff text literally: a script tag is text and never runs', async () => {
    const hostile = '<script>window.__pwned = true</script><b>加粗</b>'
    const { container } = renderDetail({
      ...DETAIL,
      title: '<img src=x onerror=alert(1)>',
      body: hostile,
    })

    expect(await screen.findByText(hostile)).toBeInTheDocument()
    expect(
      screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>' }),
    ).toBeInTheDocument()
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined()
  })

  it('keeps a withdrawn notice readable, marked, with the reason', async () => {
    renderDetail({
      ...DETAIL,
      state: 'withdrawn',
      pinned: false,
      withdrawal: { at: '2026-12-03T02:00:00Z', reason: '停水改期，另行通知' },
    })
    expect(
      await screen.findByText('⚠ 本公告已于 2026年12月3日 10:00 撤回'),
    ).toBeInTheDocument()
    expect(screen.getByText('撤回原因：停水改期，另行通知')).toBeInTheDocument()
    expect(screen.getByText(/请提前储水/)).toBeInTheDocument()
  })

  it('shows the public-income statement as a table and a chart with a text alternative', async () => {
    renderDetail({
      ...DETAIL,
      category: 'public-income',
      title: '2026年第三季度公共收益收支情况公示',
      publicIncome: {
        period: { year: 2026, quarter: 3 },
        openingFen: 124_839_986,
        income: [
          { label: '地面停车位租金', amountFen: 19_280_000 },
          { label: '电梯轿厢广告', amountFen: 2_460_000 },
        ],
        expense: [{ label: '单元门禁维修', amountFen: 3_872_000 }],
        incomeTotalFen: 21_740_000,
        expenseTotalFen: 3_872_000,
        closingFen: 142_707_986,
      },
    })
    const table = await screen.findByRole('table', {
      name: '2026年第三季度公共收益收支表，单位元',
    })
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent)
    expect(rows).toEqual([
      '项目金额（元）',
      '期初结余（上季度结转）1,248,399.86',
      '收入',
      '地面停车位租金192,800.00',
      '电梯轿厢广告24,600.00',
      '收入合计217,400.00',
      '支出',
      '单元门禁维修38,720.00',
      '支出合计38,720.00',
      '期末结余1,427,079.86',
    ])
    expect(screen.getByRole('img')).toHaveAttribute(
      'aria-label',
      '收支图：期初结余 1,248,399.86 元，本季收入 217,400.00 元，本季支出 38,720.00 元，期末结余 1,427,079.86 元',
    )
  })

  it('lists rectification items with party, deadline, status and history', async () => {
    renderDetail({
      ...DETAIL,
      category: 'rectification',
      rectification: [
        {
          id: 'r-1',
          seq: 1,
          title: '沿街商铺油烟扰民',
          responsible: 'property-company',
          deadline: '2026-11-30',
          status: 'in-progress',
          progress: 'overdue',
          history: [
            {
              at: '2026-11-01T02:00:00Z',
              status: 'pending',
              note: '列入整改清单',
              byOrg: 'residents-committee',
            },
            {
              at: '2026-11-20T02:00:00Z',
              status: 'in-progress',
              note: '已改造 12 家',
              byOrg: 'property-company',
            },
          ],
        },
      ],
    })
    expect(
      await screen.findByText('共 1 项，已完成 0 项，逾期 1 项'),
    ).toBeInTheDocument()
    expect(
      screen.getByText('责任方：物业 · 期限：2026年11月30日'),
    ).toBeInTheDocument()
    const history = screen.getByRole('list', { name: '第 1 项的进展记录' })
    expect(
      within(history)
        .getAllByRole('listitem')
        .map((i) => i.textContent),
    ).toEqual([
      '2026年11月1日 10:00 · 居委会 · 未开始列入整改清单',
      '2026年11月20日 10:00 · 物业 · 整改中已改造 12 家',
    ])
    expect(
      screen.queryByRole('button', { name: '记录第 1 项的进展' }),
    ).not.toBeInTheDocument()
  })

  it('lets the author withdraw with a reason, and shows read counts per building to staff', async () => {
    api.on(
      'GET /api/notices/n-1/reads',
      ok({
        noticeId: 'n-1',
        buildings: [{ building: '3', readers: 164, read: 41 }],
        totalReaders: 164,
        totalRead: 41,
      }),
    )
    api.on(
      'POST /api/notices/n-1/withdraw',
      ok({
        ...DETAIL,
        canManage: true,
        state: 'withdrawn',
        withdrawal: { at: '2026-12-03T02:00:00Z', reason: '发错楼栋' },
      }),
    )
    renderDetail({ ...DETAIL, canManage: true }, STAFF)

    expect(
      await screen.findByText('已读 41 人 / 应读 164 人（25.0%）'),
    ).toBeInTheDocument()
    expect(
      within(screen.getByRole('table', { name: '各楼栋阅读人数' }))
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['楼栋已读 / 应读', '3号楼41 / 164 人'])

    fireEvent.click(screen.getByRole('button', { name: '撤回公告' }))
    fireEvent.click(screen.getByRole('button', { name: '确认撤回' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '请说明撤回原因，居民会看到这段说明',
    )
    expect(api.callsTo('POST /api/notices/n-1/withdraw')).toHaveLength(0)

    await type('撤回原因', '发错楼栋')
    fireEvent.click(screen.getByRole('button', { name: '确认撤回' }))
    expect(await screen.findByText('撤回原因：发错楼栋')).toBeInTheDocument()
    expect(api.callsTo('POST /api/notices/n-1/withdraw')[0].body).toEqual({
      reason: '发错楼栋',
    })
    expect(
      screen.queryByRole('button', { name: '撤回公告' }),
    ).not.toBeInTheDocument()
  })
})

describe('posting a notice', () => {
  beforeEach(() => {
    useSession.setState({ profile: STAFF })
    api.on(
      `GET /api/estates/${ESTATE.id}/notices/buildings`,
      ok({ buildings: ['1', '2', '3'] }),
    )
  })

  it('offers only the categories the organisation may post', async () => {
    render(
      <PostNoticeForm profile={STAFF} estate={ESTATE} onPosted={jest.fn()} />,
    )
    const group = await screen.findByRole('radiogroup', { name: '公告类别' })
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual([
      '✓ 通知公告',
      '会议与表决公告',
      '决定公布',
      '整改公示',
      '公共收益公示',
      '紧急通知',
    ])
  })

  it('says what is missing, then posts to the chosen building after a review', async () => {
    const onPosted = jest.fn()
    api.on(`POST /api/estates/${ESTATE.id}/notices`, ok(DETAIL, 201))
    render(
      <PostNoticeForm profile={STAFF} estate={ESTATE} onPosted={onPosted} />,
    )

    fireEvent.click(screen.getByRole('radio', { name: '指定楼栋' }))
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对' }))
    expect(screen.getByText('请填写标题')).toBeInTheDocument()
    expect(screen.getByText('请填写正文')).toBeInTheDocument()
    expect(screen.getByText('请至少选择一栋楼')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('radio', { name: '紧急通知' }))
    await type('标题', '3号楼停水')
    await type('正文', '明日 9:00 至 15:00 停水')
    fireEvent.click(await screen.findByRole('checkbox', { name: '3号楼' }))
    fireEvent.click(screen.getByRole('radio', { name: '1 天后结束' }))
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对' }))

    expect(screen.getByText('发送范围：3号楼')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '确认发布' }))
    await waitFor(() => expect(onPosted).toHaveBeenCalledWith(DETAIL))
    expect(
      api.callsTo(`POST /api/estates/${ESTATE.id}/notices`)[0].body,
    ).toEqual({
      category: 'emergency',
      title: '3号楼停水',
      body: '明日 9:00 至 15:00 停水',
      authorOrg: 'residents-committee',
      audience: { kind: 'buildings', buildings: ['3'] },
      pinned: false,
      endsAt: '2026-12-04T01:30:00.000Z',
      attachments: [],
    })
  })
})
