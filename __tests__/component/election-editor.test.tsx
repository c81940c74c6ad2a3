/**
 * The candidate editor inside the staff ballot editor: what owners will
 * see of each person (the masking preview), the seats/picks rules
 * checked before sending, and a refusal that keeps everything typed.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'

import type { ManagedBallot } from '@/core/voting-api'
import { BallotEditor } from '@/features/ballot-admin/components/ballot-editor'
import { connectSession, useSession } from '@/features/identity'
import { platformRequest } from '@/platform/request'

import { fail, installFakeApi, ok, type FakeApi } from '../support/fake-api'
import { DETAIL, NOW, OWNER, SESSION_EXPIRES } from '../support/fixtures'

jest.mock('@/platform/request', () => ({ platformRequest: jest.fn() }))

const DRAFT: ManagedBallot = {
  ballot: {
    ...DETAIL,
    id: 'chenxi-draft1',
    phase: 'draft',
    announcedAt: null,
    items: [],
    itemCount: 0,
  },
  canEdit: true,
  canAnnounce: false,
  canPublish: false,
  earliestOpening: '2026-12-18T01:30:00Z',
  publishBy: null,
  votes: 0,
  proxyVotes: 0,
}

const ITEMS = 'POST /api/ballots/chenxi-draft1/items'

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
  api.on('GET /api/ballots/chenxi-draft1/manage', ok(DRAFT))
  api.on('GET /api/ballots/chenxi-draft1/roll-preview', fail('INTERNAL'))
})

// Taro's inputs render their <input> a moment after the form appears.
async function type(name: string, value: string) {
  fireEvent.input(await screen.findByRole('textbox', { name }), {
    target: { value },
  })
}

async function openCommitteeElection() {
  render(
    <BallotEditor
      estateId="chenxi"
      ballotId="chenxi-draft1"
      onCreated={jest.fn()}
      onAnnounced={jest.fn()}
      now={NOW}
    />,
  )
  await type('事项名称', '选举业委会委员')
  fireEvent.click(screen.getByRole('radio', { name: '选举（业主委员会委员）' }))
}

describe('the candidate editor', () => {
  it('previews a masked name until the candidate agrees to publish it', async () => {
    await openCommitteeElection()
    await type('1 号候选人姓名', '王建明')
    await type('1 号候选人简介', '退休会计师')
    const card = screen.getByRole('listitem', { name: '1 号候选人' })
    expect(within(card).getByText(/^业主看到：/)).toHaveTextContent(
      '业主看到：王建明 · 无照片 · 公开简介',
    )

    fireEvent.click(within(card).getByRole('checkbox', { name: '公开姓名' }))
    fireEvent.click(within(card).getByRole('checkbox', { name: '公开简介' }))
    expect(within(card).getByText(/^业主看到：/)).toHaveTextContent(
      '业主看到：王*明 · 无照片 · 不公开简介',
    )
  })

  it('refuses more picks than seats and too few candidates before sending', async () => {
    await openCommitteeElection()
    await type('应选人数', '2')
    await type('每位业主最多可选', '3')
    await type('1 号候选人姓名', '王建明')
    fireEvent.click(screen.getByRole('button', { name: '添加候选人' }))
    await type('2 号候选人姓名', '李秀英')
    fireEvent.click(screen.getByRole('button', { name: '添加事项' }))

    expect(screen.getByText('每人可选人数不能多于应选人数')).toBeInTheDocument()
    expect(
      screen.getByText('候选人应多于应选人数，请至少填写 3 名'),
    ).toBeInTheDocument()
    expect(api.callsTo(ITEMS)).toEqual([])
  })

  it('sends the election with each consent and keeps it all on a refusal', async () => {
    api.on(ITEMS, fail('ELECTION_INVALID'))
    await openCommitteeElection()
    await type('应选人数', '1')
    await type('每位业主最多可选', '1')
    await type('1 号候选人姓名', '王建明')
    fireEvent.click(screen.getByRole('button', { name: '添加候选人' }))
    await type('2 号候选人姓名', '李秀英')
    const second = screen.getByRole('listitem', { name: '2 号候选人' })
    fireEvent.click(within(second).getByRole('checkbox', { name: '公开姓名' }))
    fireEvent.click(screen.getByRole('button', { name: '添加事项' }))

    expect(await screen.findByText('选举事项的设置有误')).toBeInTheDocument()
    expect(api.callsTo(ITEMS)[0].body).toEqual({
      title: '选举业委会委员',
      description: '',
      matter: 'ordinary',
      election: {
        seats: 1,
        maxPicks: 1,
        candidates: [
          {
            kind: 'person',
            name: '王建明',
            statement: '',
            photoFileId: null,
            documentFileIds: [],
            consent: { name: true, photo: false, statement: true },
          },
          {
            kind: 'person',
            name: '李秀英',
            statement: '',
            photoFileId: null,
            documentFileIds: [],
            consent: { name: false, photo: false, statement: true },
          },
        ],
      },
    })
    expect(screen.getByRole('textbox', { name: '2 号候选人姓名' })).toHaveValue(
      '李秀英',
    )
    expect(screen.getByRole('textbox', { name: '事项名称' })).toHaveValue(
      '选举业委会委员',
    )
  })
})
