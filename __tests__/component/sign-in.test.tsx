import { fireEvent, render, screen, waitFor } from '@testing-library/react'

import { connectSession, SignIn, useSession } from '@/features/identity'
import { platformRequest } from '@/platform/request'

import { fail, installFakeApi, ok } from '../support/fake-api'
import { NOW, OWNER, SESSION_EXPIRES } from '../support/fixtures'

jest.mock('@/platform/request', () => ({ platformRequest: jest.fn() }))

const VALID_ID = '310117198001011230'
const WRONG_CHECK_DIGIT = '310117198001011231'

async function type(name: string, value: string) {
  const input = await screen.findByRole('textbox', { name })
  fireEvent.input(input, { target: { value } })
  return input
}

function signedInUnverified() {
  useSession.setState({
    token: 'account-token',
    expiresAt: SESSION_EXPIRES,
    profile: null,
  })
}

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
  useSession.setState({ token: null, expiresAt: null, profile: null })
  connectSession(jest.fn())
})

describe('real-name verification', () => {
  it('refuses a wrong check digit before sending and says why in Chinese', async () => {
    const api = installFakeApi(platformRequest as jest.Mock)
    signedInUnverified()
    render(<SignIn onDone={jest.fn()} />)

    await type('姓名', '王建国')
    await type('身份证号', WRONG_CHECK_DIGIT)
    await type('手机号', '13912345678')
    await type('短信验证码', '123456')
    fireEvent.click(screen.getByRole('button', { name: '提交实名认证' }))

    expect(
      await screen.findByText('身份证号码校验位不对，请逐位核对'),
    ).toBeInTheDocument()
    expect(api.calls).toHaveLength(0)
  })

  it('shows the mock SMS code and keeps what was typed when the server refuses', async () => {
    const api = installFakeApi(platformRequest as jest.Mock)
    api.on(
      'POST /api/identity/sms',
      ok({
        sentTo: '139****5678',
        expiresAt: SESSION_EXPIRES,
        resendAfter: new Date(NOW + 60000).toISOString(),
        mockCode: '123456',
      }),
    )
    api.on('POST /api/identity/verify', fail('IDENTITY_MISMATCH'))
    signedInUnverified()
    render(<SignIn onDone={jest.fn()} />)

    await type('姓名', '王建国')
    await type('身份证号', VALID_ID)
    await type('手机号', '13912345678')
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))

    expect(
      await screen.findByText(
        '模拟短信：验证码 123456（演示环境，无真实短信）',
      ),
    ).toBeInTheDocument()
    expect(
      screen.getByRole('button', { name: '重新获取验证码（60 秒）' }),
    ).toBeInTheDocument()
    expect(api.callsTo('POST /api/identity/sms')[0].body).toEqual({
      phone: '13912345678',
    })

    await type('短信验证码', '123456')
    fireEvent.click(screen.getByRole('button', { name: '提交实名认证' }))

    expect(
      await screen.findByText('姓名、身份证号与手机号不一致'),
    ).toBeInTheDocument()
    expect(
      screen.getByText('请核对后重试；手机号须是在公安登记的本人号码'),
    ).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: '身份证号' })).toHaveValue(
      VALID_ID,
    )
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveValue('王建国')
    expect(useSession.getState().profile).toBeNull()
  })

  // Found by trying the app: after correcting a mistyped phone the button
  // stayed locked for a minute and the old number's code stayed on screen.
  it('lets a corrected phone number get its own code at once', async () => {
    const api = installFakeApi(platformRequest as jest.Mock)
    api.on(
      'POST /api/identity/sms',
      ok({
        sentTo: '139****5679',
        expiresAt: SESSION_EXPIRES,
        resendAfter: new Date(NOW + 60000).toISOString(),
        mockCode: '111111',
      }),
    )
    signedInUnverified()
    render(<SignIn onDone={jest.fn()} />)

    await type('手机号', '13912345679')
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(
      await screen.findByRole('button', { name: '重新获取验证码（60 秒）' }),
    ).toBeInTheDocument()

    await type('手机号', '13912345678')
    expect(
      screen.getByRole('button', { name: '获取验证码' }),
    ).not.toBeDisabled()
    expect(screen.queryByText(/验证码 111111/)).not.toBeInTheDocument()
  })

  it('says the person is an owner once verified', async () => {
    const api = installFakeApi(platformRequest as jest.Mock)
    api.on(
      'POST /api/auth/login',
      ok({ token: 't1', expiresAt: SESSION_EXPIRES, profile: null }),
    )
    api.on(
      'POST /api/identity/sms',
      ok({
        sentTo: '139****5678',
        expiresAt: SESSION_EXPIRES,
        resendAfter: SESSION_EXPIRES,
        mockCode: '654321',
      }),
    )
    api.on(
      'POST /api/identity/verify',
      ok({ token: 't2', expiresAt: SESSION_EXPIRES, profile: OWNER }),
    )
    render(<SignIn onDone={jest.fn()} />)

    fireEvent.click(screen.getByRole('button', { name: '随申办授权登录' }))
    await type('姓名', '王建国')
    await type('身份证号', VALID_ID)
    await type('手机号', '13912345678')
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    await screen.findByText(/验证码 654321/)
    await type('短信验证码', '654321')
    fireEvent.click(screen.getByRole('button', { name: '提交实名认证' }))

    expect(await screen.findByText('王建国，业主')).toBeInTheDocument()
    const login = api.callsTo('POST /api/auth/login')[0]
    expect(login.body).toEqual({
      channel: 'h5',
      code: expect.stringMatching(/^ssb-mock\.[a-z0-9]{24}$/),
    })
    expect(
      api.callsTo('POST /api/identity/verify')[0].headers.authorization,
    ).toBe('Bearer t1')
    await waitFor(() => expect(useSession.getState().token).toBe('t2'))
  })
})
