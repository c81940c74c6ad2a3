import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'

import type { BallotDetail, Receipt } from '@/core/api-types'
import type { ElectionView } from '@/core/election-api'
import { connectSession, useSession } from '@/features/identity'
import { useElderMode } from '@/features/settings'
import { useReceipts } from '@/features/record'
import { useVoteDrafts, VoteFlow } from '@/features/voting'
import { platformRequest } from '@/platform/request'

import { installFakeApi, ok, type FakeApi } from '../support/fake-api'
import {
  DETAIL,
  NOW,
  OWNER,
  RECEIPT,
  SESSION_EXPIRES,
} from '../support/fixtures'

jest.mock('@/platform/request', () => ({ platformRequest: jest.fn() }))

const NAMES = ['王建明', '李*英', '张国华', '陈美玲', '刘*强']

const ELECTION: ElectionView = {
  seats: 3,
  maxPicks: 2,
  candidates: NAMES.map((name, i) => ({
    id: `c${i + 1}`,
    seq: i + 1,
    kind: 'person',
    name,
    photoUrl: null,
    statement: i === 1 ? null : `${name}的参选声明`,
    documents: [],
  })),
}

const BALLOT: BallotDetail = {
  ...DETAIL,
  items: [
    {
      id: 'e-1',
      seq: 1,
      title: '选举业主委员会委员',
      description: '',
      matter: 'ordinary',
      election: ELECTION,
    },
  ],
}

const VOTES = `POST /api/ballots/${BALLOT.id}/votes`

let api: FakeApi

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
  connectSession(jest.fn())
  useSession.setState({
    token: 'tok',
    expiresAt: SESSION_EXPIRES,
    profile: OWNER,
  })
  useVoteDrafts.setState({ drafts: {} })
  useReceipts.setState({ receipts: [] })
  useElderMode.setState({ elder: false })
  api = installFakeApi(platformRequest as jest.Mock)
  api.on(`GET /api/ballots/${BALLOT.id}`, ok(BALLOT))
  api.on(
    `POST /api/ballots/${BALLOT.id}/step-up/sms`,
    ok({
      sentTo: '139****5678',
      expiresAt: SESSION_EXPIRES,
      resendAfter: SESSION_EXPIRES,
      mockCode: '246810',
    }),
  )
  api.on(
    `POST /api/ballots/${BALLOT.id}/step-up`,
    ok({ stepUpToken: 'step-up-1', expiresAt: SESSION_EXPIRES }),
  )
})

function candidate(name: string) {
  return screen.getByRole('checkbox', { name: new RegExp(name) })
}

describe('the candidate picker', () => {
  it('is a group of checkboxes that says how many are picked', async () => {
    render(<VoteFlow ballotId={BALLOT.id} onReceipt={jest.fn()} />)
    const group = await screen.findByRole('group', {
      name: '第 1 项：选举业主委员会委员',
    })
    expect(within(group).getAllByRole('checkbox')).toHaveLength(5)
    expect(screen.getByText('已选 0/2')).toBeInTheDocument()

    fireEvent.click(candidate('王建明'))
    expect(candidate('王建明')).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByText('已选 1/2')).toBeInTheDocument()
    expect(screen.getByText('候选人未同意公开简介')).toBeInTheDocument()
  })

  it('prevents a third pick when two are allowed', async () => {
    render(<VoteFlow ballotId={BALLOT.id} onReceipt={jest.fn()} />)
    await screen.findByText('已选 0/2')

    fireEvent.click(candidate('王建明'))
    fireEvent.click(candidate('张国华'))
    expect(screen.getByText(/已选 2\/2/)).toHaveTextContent(
      '已选 2/2（已达上限，如需改选请先取消一名）',
    )
    expect(candidate('陈美玲')).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(candidate('陈美玲'))
    expect(candidate('陈美玲')).toHaveAttribute('aria-checked', 'false')

    fireEvent.click(candidate('王建明'))
    fireEvent.click(candidate('陈美玲'))
    expect(candidate('陈美玲')).toHaveAttribute('aria-checked', 'true')
  })

  it('abstains on the item, undoing the picks', async () => {
    render(<VoteFlow ballotId={BALLOT.id} onReceipt={jest.fn()} />)
    await screen.findByText('已选 0/2')
    fireEvent.click(candidate('王建明'))
    fireEvent.click(candidate('弃权'))
    expect(candidate('弃权')).toHaveAttribute('aria-checked', 'true')
    expect(candidate('王建明')).toHaveAttribute('aria-checked', 'false')
    expect(screen.getByText('已选 0/2')).toBeInTheDocument()
  })

  it('reviews the names picked and sends them as picks', async () => {
    const receipt: Receipt = {
      ...RECEIPT,
      choices: [
        {
          itemId: 'e-1',
          itemTitle: '选举业主委员会委员',
          picks: ['c1', 'c3'],
          pickNames: ['王建明', '张国华'],
        },
      ],
    }
    api.on(VOTES, ok(receipt, 201))
    const onReceipt = jest.fn()
    render(<VoteFlow ballotId={BALLOT.id} onReceipt={onReceipt} />)
    await screen.findByText('已选 0/2')
    fireEvent.click(candidate('王建明'))
    fireEvent.click(candidate('张国华'))
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对选择' }))

    const rows = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(rows.map((r) => r.textContent)).toEqual([
      '第 1 项 选举业主委员会委员选 王建明、张国华',
    ])

    fireEvent.click(screen.getByRole('button', { name: '下一步：验证身份' }))
    fireEvent.click(await screen.findByRole('button', { name: '发送验证码' }))
    fireEvent.input(
      await screen.findByRole('textbox', { name: '短信验证码' }),
      { target: { value: '246810' } },
    )
    fireEvent.click(screen.getByRole('button', { name: '验证并继续' }))
    fireEvent.click(await screen.findByRole('button', { name: '确认提交' }))
    await waitFor(() => expect(onReceipt).toHaveBeenCalledWith(receipt))
    expect(api.callsTo(VOTES)[0].body).toEqual({
      voterId: 'v-1',
      choices: [{ itemId: 'e-1', picks: ['c1', 'c3'] }],
      stepUpToken: 'step-up-1',
    })
  })
})
