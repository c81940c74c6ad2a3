import { fireEvent, render, screen, waitFor } from '@testing-library/react'

import type { ManagedBallot, RollPreview } from '@/core/voting-api'
import { connectSession, useSession } from '@/features/identity'
import { BallotEditor } from '@/features/ballot-admin/components/ballot-editor'
import { platformRequest } from '@/platform/request'

import { installFakeApi, ok, type FakeApi } from '../support/fake-api'
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

const ROLL: RollPreview = {
  frozen: false,
  units: 80,
  area: '7000.00',
  headcount: 76,
  developerHeldUnits: 2,
  multiUnitOwners: 3,
  coOwnedUnits: 6,
  buildings: [{ building: '5', units: 80, area: '7000.00' }],
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

describe('the staff ballot editor', () => {
  it('proposes an opening 15 days ahead and saves a building-only draft', async () => {
    api.on('POST /api/estates/chenxi/ballots', ok(DRAFT, 201))
    const onCreated = jest.fn()
    render(
      <BallotEditor
        estateId="chenxi"
        ballotId={null}
        onCreated={onCreated}
        onAnnounced={jest.fn()}
        now={NOW}
      />,
    )
    // NOW is 2026-12-03 09:30 in Shanghai: 15 days on, then 09:00.
    expect(
      await screen.findByRole('textbox', { name: '投票开始（北京时间）' }),
    ).toHaveValue('2026-12-19 09:00')
    await type('表决标题', '5号楼外墙修缮')
    fireEvent.click(screen.getByRole('radio', { name: '部分楼栋的业主' }))
    await type('楼号', '5')
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('chenxi-draft1'))
    const [call] = api.callsTo('POST /api/estates/chenxi/ballots')
    expect(call.body).toEqual({
      title: '5号楼外墙修缮',
      description: '',
      electorate: { kind: 'buildings', buildings: ['5'] },
      allowChanges: false,
      opensAt: '2026-12-19T01:00:00.000Z',
      closesAt: '2026-12-26T10:00:00.000Z',
    })
    expect(onCreated).toHaveBeenCalledWith('chenxi-draft1')
  })

  it('refuses a closing before the opening without asking the backend', async () => {
    render(
      <BallotEditor
        estateId="chenxi"
        ballotId={null}
        onCreated={jest.fn()}
        onAnnounced={jest.fn()}
        now={NOW}
      />,
    )
    await type('表决标题', '更换监控')
    await type('投票截止（北京时间）', '2026-12-18 09:00')
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    expect(screen.getByRole('alert')).toHaveTextContent(
      '截止时间须晚于开始时间',
    )
    expect(api.calls).toEqual([])
  })

  it('adds an item with its matter type, previews the roll and announces after confirmation', async () => {
    const withItem: ManagedBallot = {
      ...DRAFT,
      canAnnounce: true,
      ballot: {
        ...DRAFT.ballot,
        items: [
          {
            id: 'i-1',
            seq: 1,
            title: '改建停车位',
            description: '',
            matter: 'special',
          },
        ],
      },
    }
    api.on('GET /api/ballots/chenxi-draft1/manage', ok(DRAFT))
    api.on('GET /api/ballots/chenxi-draft1/roll-preview', ok(ROLL))
    api.on('POST /api/ballots/chenxi-draft1/items', ok(withItem, 201))
    api.on('POST /api/ballots/chenxi-draft1/announce', ok(withItem))
    const onAnnounced = jest.fn()
    render(
      <BallotEditor
        estateId="chenxi"
        ballotId="chenxi-draft1"
        onCreated={jest.fn()}
        onAnnounced={onAnnounced}
        now={NOW}
      />,
    )

    expect(
      await screen.findByText(
        '房屋 80 套 · 专有部分面积 7000.00 平方米 · 业主人数 76 人',
      ),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '公告表决' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )

    await type('事项名称', '改建停车位')
    fireEvent.click(
      screen.getByRole('radio', { name: '重大事项（四分之三以上通过）' }),
    )
    fireEvent.click(screen.getByRole('button', { name: '添加事项' }))
    expect(await screen.findByText('第 1 项 改建停车位')).toBeInTheDocument()
    expect(
      api.callsTo('POST /api/ballots/chenxi-draft1/items')[0].body,
    ).toEqual({
      title: '改建停车位',
      description: '',
      matter: 'special',
    })

    fireEvent.click(screen.getByRole('button', { name: '公告表决' }))
    expect(screen.getByRole('alert')).toHaveTextContent(
      '确认公告“选聘新的物业服务企业”？名册将按现在的不动产登记冻结。',
    )
    fireEvent.click(screen.getByRole('button', { name: '确认公告' }))
    await waitFor(() =>
      expect(onAnnounced).toHaveBeenCalledWith('chenxi-draft1'),
    )
  })
})
