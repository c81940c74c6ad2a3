import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'

import { connectSession, useSession } from '@/features/identity'
import { useElderMode } from '@/features/settings'
import { useReceipts } from '@/features/record'
import { useVoteDrafts, VoteFlow } from '@/features/voting'
import { platformRequest } from '@/platform/request'

import { fail, installFakeApi, ok, type FakeApi } from '../support/fake-api'
import {
  DETAIL,
  NOW,
  OWNER,
  RECEIPT,
  SESSION_EXPIRES,
} from '../support/fixtures'

jest.mock('@/platform/request', () => ({ platformRequest: jest.fn() }))

const VOTES = `POST /api/ballots/${DETAIL.id}/votes`

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
  api.on(`GET /api/ballots/${DETAIL.id}`, ok(DETAIL))
  api.on(
    `POST /api/ballots/${DETAIL.id}/step-up/sms`,
    ok({
      sentTo: '139****5678',
      expiresAt: SESSION_EXPIRES,
      resendAfter: SESSION_EXPIRES,
      mockCode: '246810',
    }),
  )
  api.on(
    `POST /api/ballots/${DETAIL.id}/step-up`,
    ok({ stepUpToken: 'step-up-1', expiresAt: SESSION_EXPIRES }),
  )
})

function pick(item: string, choice: string) {
  const group = screen.getByRole('radiogroup', { name: new RegExp(item) })
  fireEvent.click(within(group).getByRole('radio', { name: choice }))
}

async function passStepUp() {
  fireEvent.click(screen.getByRole('button', { name: '下一步：验证身份' }))
  fireEvent.click(await screen.findByRole('button', { name: '发送验证码' }))
  expect(
    await screen.findByText('模拟短信：验证码 246810（演示环境，无真实短信）'),
  ).toBeInTheDocument()
  fireEvent.input(await screen.findByRole('textbox', { name: '短信验证码' }), {
    target: { value: '246810' },
  })
  fireEvent.click(screen.getByRole('button', { name: '验证并继续' }))
}

describe('the vote flow', () => {
  it('asks for a choice on every item before the review', async () => {
    render(<VoteFlow ballotId={DETAIL.id} onReceipt={jest.fn()} />)
    await screen.findByText('解聘现物业服务企业')

    pick('第 1 项', '同意')
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对选择' }))

    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('还有表决事项没有选择')
    expect(alert).toHaveTextContent('未选：第 2 项')
    expect(screen.queryByText('核对您的选择')).not.toBeInTheDocument()
    expect(
      screen.getByRole('radio', { name: '同意', checked: true }),
    ).toHaveAttribute('aria-checked', 'true')
  })

  it('reviews, steps up, confirms and sends once, reusing the idempotency key after a network failure', async () => {
    api.on(VOTES, 'network-error', ok(RECEIPT, 201))
    // The client warns about the lost answer; keep the test output clean.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const onReceipt = jest.fn()
    render(<VoteFlow ballotId={DETAIL.id} onReceipt={onReceipt} />)
    await screen.findByText('解聘现物业服务企业')

    pick('第 1 项', '同意')
    pick('第 2 项', '弃权')
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对选择' }))

    const review = screen.getByRole('list')
    const rows = within(review).getAllByRole('listitem')
    expect(rows.map((r) => r.textContent)).toEqual([
      '第 1 项 解聘现物业服务企业同意',
      '第 2 项 使用维修资金修缮外墙弃权',
    ])

    await passStepUp()
    expect(
      await screen.findByText('投票一经提交不可撤回，确认提交？'),
    ).toBeInTheDocument()
    expect(api.callsTo(VOTES)).toHaveLength(0)

    fireEvent.click(screen.getByRole('button', { name: '确认提交' }))
    expect(await screen.findByText('网络连接失败')).toBeInTheDocument()
    expect(
      screen.getByText('请检查网络后重试；已填写的内容不会丢失'),
    ).toBeInTheDocument()
    expect(api.callsTo(VOTES)).toHaveLength(1)

    fireEvent.click(screen.getByRole('button', { name: '重新提交' }))
    await waitFor(() => expect(onReceipt).toHaveBeenCalledWith(RECEIPT))

    const sent = api.callsTo(VOTES)
    expect(sent).toHaveLength(2)
    const [first, retry] = sent
    expect(first.headers['idempotency-key']).toMatch(/^[a-z0-9]{32}$/)
    expect(retry.headers['idempotency-key']).toBe(
      first.headers['idempotency-key'],
    )
    expect(retry.body).toEqual({
      voterId: 'v-1',
      choices: [
        { itemId: 'i-1', choice: 'agree' },
        { itemId: 'i-2', choice: 'abstain' },
      ],
      stepUpToken: 'step-up-1',
    })
    expect(useReceipts.getState().receipts).toEqual([RECEIPT])
    expect(useVoteDrafts.getState().drafts[DETAIL.id]).toBeUndefined()
  })

  it('keeps the choices when the page is left and opened again', async () => {
    const first = render(
      <VoteFlow ballotId={DETAIL.id} onReceipt={jest.fn()} />,
    )
    await screen.findByText('解聘现物业服务企业')
    pick('第 1 项', '反对')
    first.unmount()

    render(<VoteFlow ballotId={DETAIL.id} onReceipt={jest.fn()} />)
    await screen.findByText('解聘现物业服务企业')
    const group = screen.getByRole('radiogroup', { name: /第 1 项/ })
    expect(within(group).getByRole('radio', { name: '反对' })).toHaveAttribute(
      'aria-checked',
      'true',
    )
  })

  it('goes back to the step-up check when the server says it expired', async () => {
    api.on(VOTES, fail('STEP_UP_INVALID'))
    render(<VoteFlow ballotId={DETAIL.id} onReceipt={jest.fn()} />)
    await screen.findByText('解聘现物业服务企业')
    pick('第 1 项', '同意')
    pick('第 2 项', '同意')
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对选择' }))
    await passStepUp()
    fireEvent.click(await screen.findByRole('button', { name: '确认提交' }))

    expect(await screen.findByText('身份验证已失效')).toBeInTheDocument()
    expect(
      screen.getByRole('button', { name: '发送验证码' }),
    ).toBeInTheDocument()
  })

  it('shows one item per screen in elder mode', async () => {
    useElderMode.setState({ elder: true })
    render(<VoteFlow ballotId={DETAIL.id} onReceipt={jest.fn()} />)
    await screen.findByText('第 1 项，共 2 项')

    expect(screen.getAllByRole('radiogroup')).toHaveLength(1)
    const next = screen.getByRole('button', { name: '下一项' })
    expect(next).toHaveAttribute('aria-disabled', 'true')

    pick('第 1 项', '同意')
    fireEvent.click(screen.getByRole('button', { name: '下一项' }))
    expect(screen.getByText('第 2 项，共 2 项')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '上一项' })).toBeInTheDocument()
  })
})
