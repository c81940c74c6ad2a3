/**
 * The staff screens for structured notices: the public-income statement
 * and rectification list editors of the post form, and rescheduling a
 * notice. The clock is frozen at NOW (2026-12-03 09:30 in Shanghai, the
 * fourth quarter), so the form starts on the third quarter.
 */
import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'

import type { Profile } from '@/core/api-types'
import { ERRORS } from '@/core/errors'
import type { NoticeDetail as Notice } from '@/core/notices-api'
import { connectSession, useSession } from '@/features/identity'
import { NoticeDetail, PostNoticeForm } from '@/features/notices'
import { platformRequest } from '@/platform/request'

import { fail, installFakeApi, ok, type FakeApi } from '../support/fake-api'
import { ESTATE, NOW, OWNER, SESSION_EXPIRES } from '../support/fixtures'

jest.mock('@/platform/request', () => ({ platformRequest: jest.fn() }))

const POST = `POST /api/estates/${ESTATE.id}/notices`

const STAFF: Profile = {
  ...OWNER,
  person: { ...OWNER.person, name: '钱物业' },
  role: 'resident',
  units: [],
  staffRoles: [
    { estateId: ESTATE.id, estateName: ESTATE.name, org: 'property-company' },
  ],
}

const POSTED: Notice = {
  id: 'n-9',
  estateId: ESTATE.id,
  category: 'public-income',
  title: '第三季度公共收益公示',
  excerpt: '',
  authorOrg: 'property-company',
  audience: { kind: 'estate' },
  pinned: false,
  publishAt: '2026-12-03T01:30:00Z',
  endsAt: null,
  state: 'live',
  withdrawal: null,
  read: false,
  attachmentCount: 0,
  sourceBallotId: null,
  body: '请业主监督。',
  attachments: [],
  rectification: null,
  publicIncome: null,
  canManage: true,
}

let api: FakeApi

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
  connectSession(jest.fn())
  useSession.setState({
    token: 'tok',
    expiresAt: SESSION_EXPIRES,
    profile: STAFF,
  })
  api = installFakeApi(platformRequest as jest.Mock)
  api.on(
    `GET /api/estates/${ESTATE.id}/notices/buildings`,
    ok({ buildings: ['1', '2', '3'] }),
  )
})

// Taro's H5 input renders its <input> a tick after the component.
async function field(name: string): Promise<HTMLInputElement> {
  return (await screen.findByRole('textbox', { name })) as HTMLInputElement
}

async function type(name: string, value: string) {
  fireEvent.input(await field(name), { target: { value } })
}

function totals(): string[] {
  const box = screen.getByRole('status', { name: '自动合计' })
  return Array.from(box.children).map((c) => c.textContent ?? '')
}

function renderForm(onPosted = jest.fn()) {
  render(<PostNoticeForm profile={STAFF} estate={ESTATE} onPosted={onPosted} />)
  return onPosted
}

async function fillStatement() {
  fireEvent.click(screen.getByRole('radio', { name: '公共收益公示' }))
  await type('标题', '第三季度公共收益公示')
  await type('正文', '请业主监督。')
  await type('期初结余（元）', '1,000')
  await type('收入第 1 项名称', '停车费')
  await type('收入第 1 项金额（元）', '0.1')
  fireEvent.click(screen.getByRole('button', { name: '添加一项收入' }))
  await type('收入第 2 项名称', '广告费')
  await type('收入第 2 项金额（元）', '0.2')
  await type('支出第 1 项名称', '保洁费')
  await type('支出第 1 项金额（元）', '0.05')
}

describe('the public-income statement editor', () => {
  it('adds 0.1 and 0.2 yuan to exactly 0.30, and sends the totals in fen', async () => {
    const onPosted = renderForm()
    await fillStatement()

    expect(totals()).toEqual([
      '收入合计：0.30 元',
      '支出合计：0.05 元',
      '期末结余：1,000.25 元',
    ])

    fireEvent.click(screen.getByRole('button', { name: '下一步：核对' }))
    expect(
      screen.getByRole('table', {
        name: '2026年第三季度公共收益收支表，单位元',
      }),
    ).toBeInTheDocument()
    api.on(POST, ok(POSTED, 201))
    fireEvent.click(screen.getByRole('button', { name: '确认发布' }))

    await waitFor(() => expect(onPosted).toHaveBeenCalledWith(POSTED))
    expect(api.callsTo(POST)[0].body).toMatchObject({
      category: 'public-income',
      authorOrg: 'property-company',
      publicIncome: {
        period: { year: 2026, quarter: 3 },
        openingFen: 100000,
        income: [
          { label: '停车费', amountFen: 10 },
          { label: '广告费', amountFen: 20 },
        ],
        expense: [{ label: '保洁费', amountFen: 5 }],
        incomeTotalFen: 30,
        expenseTotalFen: 5,
        closingFen: 100025,
      },
    })
  })

  it('refuses to go on while a line is not an amount, and keeps what was typed', async () => {
    renderForm()
    await fillStatement()
    await type('收入第 2 项金额（元）', '0.205')

    expect(totals()).toEqual([
      '收入合计：0.10 元',
      '支出合计：0.05 元',
      '期末结余：1,000.05 元',
      '有 1 项金额未填或格式不对，暂未计入合计',
    ])
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对' }))

    expect(screen.getByRole('alert')).toHaveTextContent(
      '请填写金额（元），最多两位小数，例如 1250.50',
    )
    expect(await field('收入第 2 项金额（元）')).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    expect((await field('收入第 2 项金额（元）')).value).toBe('0.205')
    expect(
      screen.queryByRole('button', { name: '确认发布' }),
    ).not.toBeInTheDocument()
    expect(api.callsTo(POST)).toHaveLength(0)
  })

  it('removes a line and its amount from the totals', async () => {
    renderForm()
    await fillStatement()
    fireEvent.click(screen.getByRole('button', { name: '删除收入第 1 项' }))

    expect((await field('收入第 1 项名称')).value).toBe('广告费')
    expect(totals()[0]).toBe('收入合计：0.20 元')
  })

  it('explains a balance not carried from the last quarter, and returns to the figures as typed', async () => {
    renderForm()
    await fillStatement()
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对' }))
    api.on(POST, fail('PUBLIC_INCOME_NOT_CARRIED'))
    fireEvent.click(screen.getByRole('button', { name: '确认发布' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      ERRORS.PUBLIC_INCOME_NOT_CARRIED.message +
        ERRORS.PUBLIC_INCOME_NOT_CARRIED.action,
    )
    fireEvent.click(screen.getByRole('button', { name: '返回修改' }))
    expect((await field('期初结余（元）')).value).toBe('1,000')
    expect((await field('收入第 2 项金额（元）')).value).toBe('0.2')
  })

  it('names each total the backend found wrong', async () => {
    renderForm()
    await fillStatement()
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对' }))
    api.on(POST, {
      status: 422,
      data: {
        error: {
          code: 'PUBLIC_INCOME_UNBALANCED',
          message: ERRORS.PUBLIC_INCOME_UNBALANCED.message,
          action: ERRORS.PUBLIC_INCOME_UNBALANCED.action,
          issues: [
            {
              field: 'publicIncome.closing',
              message:
                '期末结余应为 1,000.25 元（期初 + 收入 − 支出），填写的是 1,000.00 元',
            },
          ],
        },
      },
    })
    fireEvent.click(screen.getByRole('button', { name: '确认发布' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '公共收益公示的金额对不上请核对各项收支与合计：期末结余 = 期初结余 + 收入合计 − 支出合计期末结余应为 1,000.25 元（期初 + 收入 − 支出），填写的是 1,000.00 元',
    )
  })
})

describe('the rectification list editor', () => {
  it('asks for a real deadline, then posts the items in order', async () => {
    const onPosted = renderForm()
    fireEvent.click(screen.getByRole('radio', { name: '整改公示' }))
    await type('标题', '三方协议整改清单')
    await type('正文', '以下事项限期整改。')
    await type('第 1 项整改内容', '楼道照明更换')
    await type('第 1 项整改期限', '2027-02-30')
    fireEvent.click(screen.getByRole('button', { name: '添加一项整改事项' }))
    await type('第 2 项整改内容', '删掉的一项')
    fireEvent.click(screen.getByRole('button', { name: '添加一项整改事项' }))
    await type('第 3 项整改内容', '违章搭建拆除')
    await type('第 3 项整改期限', '2027-03-31')
    fireEvent.click(
      within(
        screen.getByRole('radiogroup', { name: '第 3 项责任方' }),
      ).getByRole('radio', { name: '业委会' }),
    )
    fireEvent.click(
      within(
        screen.getByRole('radiogroup', { name: '第 3 项目前状态' }),
      ).getByRole('radio', { name: '整改中' }),
    )
    fireEvent.click(screen.getByRole('button', { name: '删除第 2 项' }))

    fireEvent.click(screen.getByRole('button', { name: '下一步：核对' }))
    expect(screen.getByRole('alert')).toHaveTextContent(
      '请按 年-月-日 填写期限，例如 2027-03-31',
    )
    await type('第 1 项整改期限', '2027-02-28')
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对' }))

    expect(
      within(screen.getByRole('list', { name: '整改事项' }))
        .getAllByRole('listitem')
        .map((i) => i.textContent),
    ).toEqual([
      '1. 楼道照明更换（物业，2027-02-28 前，未开始）',
      '2. 违章搭建拆除（业委会，2027-03-31 前，整改中）',
    ])
    api.on(POST, ok({ ...POSTED, category: 'rectification' }, 201))
    fireEvent.click(screen.getByRole('button', { name: '确认发布' }))
    await waitFor(() => expect(onPosted).toHaveBeenCalled())
    expect(api.callsTo(POST)[0].body).toMatchObject({
      category: 'rectification',
      rectification: [
        {
          title: '楼道照明更换',
          responsible: 'property-company',
          deadline: '2027-02-28',
          status: 'pending',
        },
        {
          title: '违章搭建拆除',
          responsible: 'owners-committee',
          deadline: '2027-03-31',
          status: 'in-progress',
        },
      ],
    })
  })
})

describe('rescheduling a notice', () => {
  const SCHEDULED: Notice = {
    ...POSTED,
    category: 'announcement',
    state: 'scheduled',
    publishAt: '2026-12-04T00:00:00Z',
    endsAt: '2026-12-07T00:00:00Z',
  }

  it('moves a scheduled notice and its end, in Shanghai time', async () => {
    api.on(`GET /api/notices/${SCHEDULED.id}`, ok(SCHEDULED))
    api.on(
      `GET /api/notices/${SCHEDULED.id}/reads`,
      ok({
        noticeId: SCHEDULED.id,
        buildings: [],
        totalReaders: 0,
        totalRead: 0,
      }),
    )
    api.on(
      `POST /api/notices/${SCHEDULED.id}/schedule`,
      ok({ ...SCHEDULED, publishAt: '2026-12-05T00:00:00Z', endsAt: null }),
    )
    render(
      <NoticeDetail
        noticeId={SCHEDULED.id}
        profile={STAFF}
        onOpenBallot={jest.fn()}
      />,
    )
    fireEvent.click(
      await screen.findByRole('button', { name: '修改发布或结束时间' }),
    )
    expect((await field('发布日期')).value).toBe('2026-12-04')
    expect((await field('发布时刻')).value).toBe('08:00')
    expect((await field('结束日期')).value).toBe('2026-12-07')

    await type('结束日期', '2026-12-04')
    await type('结束时刻', '07:00')
    fireEvent.click(screen.getByRole('button', { name: '保存时间' }))
    expect(screen.getByRole('alert')).toHaveTextContent(
      '结束时间须晚于发布时间',
    )

    await type('发布日期', '2026-12-05')
    fireEvent.click(screen.getByRole('radio', { name: '不设结束' }))
    fireEvent.click(screen.getByRole('button', { name: '保存时间' }))

    expect(
      await screen.findByText('发布：物业 · 2026年12月5日 08:00'),
    ).toBeInTheDocument()
    expect(
      api.callsTo(`POST /api/notices/${SCHEDULED.id}/schedule`)[0].body,
    ).toEqual({ publishAt: '2026-12-05T00:00:00.000Z', endsAt: null })
  })
})

describe('recording rectification progress', () => {
  const ITEM = {
    id: 'r-1',
    seq: 1,
    title: '沿街商铺油烟扰民',
    responsible: 'property-company' as const,
    deadline: '2026-12-31',
    status: 'pending' as const,
    progress: 'pending' as const,
    history: [
      {
        at: '2026-11-01T02:00:00Z',
        status: 'pending' as const,
        note: '列入整改清单',
        byOrg: 'residents-committee' as const,
      },
    ],
  }

  it('appends the new status and note to the item history', async () => {
    const notice: Notice = {
      ...POSTED,
      category: 'rectification',
      rectification: [ITEM],
    }
    api.on(`GET /api/notices/${notice.id}`, ok(notice))
    api.on(
      `GET /api/notices/${notice.id}/reads`,
      ok({ noticeId: notice.id, buildings: [], totalReaders: 0, totalRead: 0 }),
    )
    const UPDATES = `POST /api/notices/${notice.id}/rectification/r-1/updates`
    api.on(
      UPDATES,
      ok({
        ...ITEM,
        status: 'in-progress',
        progress: 'in-progress',
        history: [
          ...ITEM.history,
          {
            at: '2026-12-03T01:30:00Z',
            status: 'in-progress',
            note: '已安装油烟净化器 5 台',
            byOrg: 'property-company',
          },
        ],
      }),
    )
    render(
      <NoticeDetail
        noticeId={notice.id}
        profile={STAFF}
        onOpenBallot={jest.fn()}
      />,
    )
    fireEvent.click(
      await screen.findByRole('button', { name: '记录第 1 项的进展' }),
    )
    fireEvent.click(screen.getByRole('radio', { name: '整改中' }))
    await type('第 1 项进展说明', '已安装油烟净化器 5 台')
    fireEvent.click(screen.getByRole('button', { name: '记录进展' }))

    const history = screen.getByRole('list', { name: '第 1 项的进展记录' })
    await waitFor(() =>
      expect(
        within(history)
          .getAllByRole('listitem')
          .map((i) => i.textContent),
      ).toEqual([
        '2026年11月1日 10:00 · 居委会 · 未开始列入整改清单',
        '2026年12月3日 09:30 · 物业 · 整改中已安装油烟净化器 5 台',
      ]),
    )
    expect(api.callsTo(UPDATES)[0].body).toEqual({
      status: 'in-progress',
      note: '已安装油烟净化器 5 台',
      byOrg: 'property-company',
    })
  })
})
