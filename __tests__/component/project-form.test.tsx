import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'

import type { BallotSummary } from '@/core/api-types'
import type { RepairCaseDetail } from '@/core/repairs-api'
import { connectSession, useSession } from '@/features/identity'
import { ProjectForm } from '@/features/repairs'
import { useElderMode } from '@/features/settings'
import { platformRequest } from '@/platform/request'

import { fail, installFakeApi, ok, type FakeApi } from '../support/fake-api'
import {
  ESTATE,
  NOW,
  OWNER,
  SESSION_EXPIRES,
  SUMMARY,
} from '../support/fixtures'

jest.mock('@/platform/request', () => ({ platformRequest: jest.fn() }))

const CASE = {
  id: 'R20261203-0007',
  estateId: ESTATE.id,
  place: { kind: 'building', label: '5号楼' },
  title: '外墙瓷砖空鼓脱落',
  state: 'accepted',
  projectId: null,
} as RepairCaseDetail

const BALLOTS = `GET /api/estates/${ESTATE.id}/ballots`
const CREATE = `POST /api/repair-cases/${CASE.id}/project`

const PUBLISHED: BallotSummary = {
  ...SUMMARY,
  id: 'b-facade',
  title: '使用维修资金修缮5号楼外墙',
  phase: 'published',
}
const STILL_OPEN: BallotSummary = {
  ...SUMMARY,
  id: 'b-open',
  title: '增设电动车充电桩',
  phase: 'open',
}

const PROJECT = { id: `PJ-${CASE.id}` }

let api: FakeApi

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
  connectSession(jest.fn())
  useSession.setState({
    token: 'tok',
    expiresAt: SESSION_EXPIRES,
    profile: {
      ...OWNER,
      staffRoles: [
        {
          estateId: ESTATE.id,
          estateName: ESTATE.name,
          org: 'property-company',
        },
      ],
    },
  })
  useElderMode.setState({ elder: false })
  api = installFakeApi(platformRequest as jest.Mock)
  api.on(BALLOTS, ok({ ballots: [PUBLISHED, STILL_OPEN] }))
})

// Taro's inputs get their labels once the custom elements have loaded.
async function type(name: string, value: string) {
  fireEvent.input(await screen.findByRole('textbox', { name }), {
    target: { value },
  })
}

function choose(group: string, option: string) {
  const radios = screen.getByRole('radiogroup', { name: group })
  fireEvent.click(within(radios).getByRole('radio', { name: option }))
}

function previewRows(): string[][] {
  const table = screen.getByRole('table', { name: '分摊预览' })
  return within(table)
    .getAllByRole('row')
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    )
}

function renderForm(onCreated = jest.fn()) {
  render(
    <ProjectForm
      kase={CASE}
      buildings={['4', '5', '6']}
      onCreated={onCreated}
    />,
  )
  return onCreated
}

describe('the works project form', () => {
  it('checks as it is typed that the shares add up to 100%, and sends nothing until they do', async () => {
    renderForm()
    await screen.findByRole('radio', { name: PUBLISHED.title })
    await type('工程名称', '5号楼外墙修缮')
    await type('预算（元）', '186500')
    await type('第 1 方比例（%）', '60')
    expect(screen.getByText('合计 60%，还差 40%')).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '添加分摊方' }))
    await type('第 2 方名称', '开发商')
    await type('第 2 方比例（%）', '45')
    expect(screen.getByText('合计 105%，多了 5%')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '确认立项' }))
    expect(api.callsTo(CREATE)).toHaveLength(0)

    await type('第 2 方比例（%）', '40')
    expect(screen.getByText('合计 100%，可以提交')).toBeInTheDocument()
    expect(previewRows()).toEqual([
      ['本楼业主（60%）', '¥111,900.00'],
      ['开发商（40%）', '¥74,600.00'],
      ['合计', '¥186,500.00'],
    ])
  })

  it('previews a split whose parts add up to the budget to the fen, the left-over fen marked', async () => {
    renderForm()
    await type('预算（元）', '1000.01')
    await type('第 1 方比例（%）', '33.33')
    fireEvent.click(screen.getByRole('button', { name: '添加分摊方' }))
    await type('第 2 方名称', '开发商')
    await type('第 2 方比例（%）', '33.33')
    fireEvent.click(screen.getByRole('button', { name: '添加分摊方' }))
    await type('第 3 方名称', '物业公司')
    await type('第 3 方比例（%）', '33.34')

    // 100001 fen: 33330 + 33330 + 33340 leave 1 fen, which goes to the
    // largest remainder (0.3334 of a fen, the third party's).
    expect(previewRows()).toEqual([
      ['本楼业主（33.33%）', '¥333.30'],
      ['开发商（33.33%）', '¥333.30'],
      ['物业公司（33.34%）', '¥333.41 *'],
      ['合计', '¥1,000.01'],
    ])
  })

  it('offers only ballots with a published result as the approval', async () => {
    renderForm()
    expect(
      await screen.findByRole('radio', { name: PUBLISHED.title }),
    ).toBeInTheDocument()
    expect(
      screen.queryByRole('radio', { name: STILL_OPEN.title }),
    ).not.toBeInTheDocument()
  })

  it('keeps everything typed when a send is refused, and sends the same plan again', async () => {
    api.on(CREATE, fail('PROJECT_APPROVAL_INVALID'), ok(PROJECT, 201))
    const onCreated = renderForm()
    await screen.findByRole('radio', { name: PUBLISHED.title })
    await type('工程名称', '5号楼外墙修缮')
    await type('预算（元）', '186,500')
    await type('第 1 方比例（%）', '60')
    fireEvent.click(screen.getByRole('button', { name: '添加分摊方' }))
    await type('第 2 方名称', '开发商')
    await type('第 2 方比例（%）', '40')
    choose('第 2 方怎样分摊', '其他单位（整笔承担）')
    choose('批准的表决（已公布结果）', PUBLISHED.title)
    fireEvent.click(screen.getByRole('button', { name: '添加节点' }))
    await type('第 1 个节点名称', '搭设脚手架')
    await type('第 1 个节点计划日期', '2026-12-20')

    fireEvent.click(screen.getByRole('button', { name: '确认立项' }))
    expect(await screen.findByText('批准依据不符合要求')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: '工程名称' })).toHaveValue(
      '5号楼外墙修缮',
    )
    expect(screen.getByRole('textbox', { name: '第 2 方名称' })).toHaveValue(
      '开发商',
    )

    fireEvent.click(screen.getByRole('button', { name: '确认立项' }))
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(PROJECT))
    const sends = api.callsTo(CREATE)
    expect(sends).toHaveLength(2)
    expect(sends[1].body).toEqual(sends[0].body)
    expect(sends[0].body).toEqual({
      title: '5号楼外墙修缮',
      budgetFen: 18650000,
      funding: 'maintenance-fund',
      approval: { kind: 'ballot', ballotId: 'b-facade' },
      parties: [
        {
          name: '本楼业主',
          share: { numerator: 6000, denominator: 10000 },
          ownersOf: { buildings: ['5'] },
        },
        { name: '开发商', share: { numerator: 4000, denominator: 10000 } },
      ],
      milestones: [{ title: '搭设脚手架', dueAt: '2026-12-20T15:59:00.000Z' }],
    })
  })

  it('names a budget that is not an amount in yuan before sending', async () => {
    renderForm()
    await type('工程名称', '5号楼外墙修缮')
    await type('预算（元）', '18.655')
    fireEvent.click(screen.getByRole('button', { name: '确认立项' }))
    expect(
      screen.getByText('请按元填写预算，最多两位小数，如 186500 或 2350.50'),
    ).toBeInTheDocument()
    expect(api.callsTo(CREATE)).toHaveLength(0)
  })
})
