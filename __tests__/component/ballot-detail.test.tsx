import { act, fireEvent, render, screen } from '@testing-library/react'

import type { BallotDetail as Ballot } from '@/core/api-types'
import { connectSession, useSession } from '@/features/identity'
import { BallotDetail, BallotList, TURNOUT_REFRESH_MS } from '@/features/voting'
import { platformRequest } from '@/platform/request'

import { fail, installFakeApi, ok, type FakeApi } from '../support/fake-api'
import {
  DETAIL,
  ESTATE,
  NOW,
  OWNER,
  RESIDENT,
  SESSION_EXPIRES,
  SUMMARY,
} from '../support/fixtures'

jest.mock('@/platform/request', () => ({ platformRequest: jest.fn() }))

const DETAIL_ROUTE = `GET /api/ballots/${DETAIL.id}`
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

function renderDetail(active = true) {
  return render(
    <BallotDetail
      ballotId={DETAIL.id}
      active={active}
      onVote={jest.fn()}
      onOpenReceipt={jest.fn()}
    />,
  )
}

describe('the ballot page', () => {
  it('shows turnout by area and by headcount against the 2/3 quorum', async () => {
    api.on(DETAIL_ROUTE, ok(DETAIL))
    renderDetail()

    const area = await screen.findByRole('progressbar', {
      name: /^专有部分面积/,
    })
    expect(area).toHaveAttribute(
      'aria-label',
      '专有部分面积：已参与 15000.00 平方米，共 21500.00 平方米，占 69.8%，已达到三分之二以上',
    )
    expect(area).toHaveAttribute('aria-valuenow', '69.8')
    const people = screen.getByRole('progressbar', { name: /^人数/ })
    expect(people).toHaveAttribute(
      'aria-label',
      '人数：已参与 150 人，共 240 人，占 62.5%，未达到三分之二以上',
    )
    expect(
      screen.getByText('已参与 150 人 / 共 240 人（62.5%）'),
    ).toBeInTheDocument()
    expect(
      screen.getByText('参与尚未达到法定比例（面积和人数均须三分之二以上）'),
    ).toBeInTheDocument()
  })

  it('shows times in Shanghai time whatever the device zone', async () => {
    expect(process.env.TZ).toBe('America/Los_Angeles')
    api.on(DETAIL_ROUTE, ok(DETAIL))
    renderDetail()

    expect(
      await screen.findByText('投票开始：2026年12月1日 08:00'),
    ).toBeInTheDocument()
    expect(
      screen.getByText('投票截止：2026年12月6日 14:30'),
    ).toBeInTheDocument()
    expect(screen.getByText('剩 3 天 5 小时')).toBeInTheDocument()
  })

  it('tells a resident why they cannot vote instead of offering the vote', async () => {
    useSession.setState({ profile: RESIDENT })
    api.on(
      DETAIL_ROUTE,
      ok({
        ...DETAIL,
        myVoters: [],
        myStatus: 'not-eligible',
        notEligibleReason: 'resident',
      } satisfies Ballot),
    )
    renderDetail()

    expect(await screen.findByText('ⓘ 只有业主可以表决')).toBeInTheDocument()
    expect(
      screen.getByText(
        '您登记为住户，可以查看表决并关注结果；如您是业主，请到居委会核对不动产登记',
      ),
    ).toBeInTheDocument()
    expect(
      screen.queryByRole('button', { name: '去投票' }),
    ).not.toBeInTheDocument()
  })

  it('says which co-owner already voted for a shared unit, and when', async () => {
    api.on(
      DETAIL_ROUTE,
      ok({
        ...DETAIL,
        myStatus: 'voted',
        myVoters: [
          {
            ...DETAIL.myVoters[0],
            vote: {
              castAt: '2026-12-02T02:05:00Z',
              castBy: '张*',
              byMe: false,
              receiptCode: null,
            },
          },
        ],
      } satisfies Ballot),
    )
    renderDetail()

    expect(
      await screen.findByText(
        '3号楼1202室：已由 张* 于 2026年12月2日 10:05 投票',
      ),
    ).toBeInTheDocument()
    expect(
      screen.queryByRole('button', { name: '去投票' }),
    ).not.toBeInTheDocument()
  })

  it('shows the catalogue message and action for a server error, and retries', async () => {
    api.on(DETAIL_ROUTE, fail('BALLOT_NOT_FOUND'), ok(DETAIL))
    renderDetail()

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('没有找到该表决')
    expect(alert).toHaveTextContent('请返回议事列表刷新后重试')

    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('选聘新的物业服务企业')).toBeInTheDocument()
  })

  it('refreshes the turnout every 15 seconds while open and shown, and not when hidden', async () => {
    jest.useFakeTimers({
      doNotFake: [
        'Date',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'queueMicrotask',
        'nextTick',
        'setImmediate',
      ],
    })
    try {
      api.on(DETAIL_ROUTE, ok(DETAIL))
      const view = renderDetail(true)
      await screen.findByText('选聘新的物业服务企业')
      expect(api.callsTo(DETAIL_ROUTE)).toHaveLength(1)

      await act(async () => {
        jest.advanceTimersByTime(TURNOUT_REFRESH_MS)
      })
      expect(api.callsTo(DETAIL_ROUTE)).toHaveLength(2)

      view.rerender(
        <BallotDetail
          ballotId={DETAIL.id}
          active={false}
          onVote={jest.fn()}
          onOpenReceipt={jest.fn()}
        />,
      )
      await act(async () => {
        jest.advanceTimersByTime(TURNOUT_REFRESH_MS * 3)
      })
      expect(api.callsTo(DETAIL_ROUTE)).toHaveLength(2)
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('the ballot list', () => {
  it('puts open ballots first with the time left and my status', async () => {
    const closed = {
      ...SUMMARY,
      id: 'b-0',
      title: '修订管理规约',
      phase: 'published' as const,
      closesAt: '2026-10-01T10:00:00Z',
      myStatus: 'voted' as const,
    }
    api.on(
      `GET /api/estates/${ESTATE.id}/ballots`,
      ok({ ballots: [closed, SUMMARY] }),
    )
    render(<BallotList estateId={ESTATE.id} onOpen={jest.fn()} />)

    const links = await screen.findAllByRole('link')
    expect(links.map((l) => l.getAttribute('aria-label'))).toEqual([
      '选聘新的物业服务企业，投票中，待我投票，剩 3 天 5 小时，12月6日 星期日 14:30 截止',
      '修订管理规约，已公布结果，我已投票，已于 10月1日 星期四 18:00 截止',
    ])

    fireEvent.click(screen.getByRole('tab', { name: '待我投票' }))
    expect(screen.getByRole('tab', { name: '待我投票' })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await screen.findAllByRole('link')
    expect(api.calls.at(-1)?.url).toBe(
      `/api/estates/${ESTATE.id}/ballots?filter=to-vote`,
    )
  })
})
