import type { Profile, Session } from '@/core/api-types'

import type { TestApp } from './helpers'
import {
  account,
  bearer,
  codeOf,
  errorOf,
  HOUR,
  login,
  MINUTE,
  requestSms,
  signIn,
  testApp,
} from './helpers'

let t: TestApp

beforeAll(async () => {
  t = await testApp()
})

afterAll(async () => {
  await t.app.close()
})

function verify(token: string, payload: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/identity/verify',
    headers: bearer(token),
    payload,
  })
}

/** A logged-in but unverified account with a fresh SMS code. */
async function withCode(device: string, phone: string) {
  const session = await login(t.app, device)
  t.clock.advance(MINUTE + 1000)
  const sms = await requestSms(t.app, session.token, phone)
  return { token: session.token, code: sms.mockCode ?? '' }
}

describe('platform login', () => {
  it('gives a new H5 device an account token without a profile', async () => {
    const session = await login(t.app, 'fresh-device-01')
    expect(session.profile).toBeNull()
    expect(session.expiresAt).toBe(
      new Date(t.clock.now() + 2 * HOUR).toISOString(),
    )
  })

  it('accepts a mock WeChat code that names its openid', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { channel: 'weapp', code: 'mock-wx.openid-tester' },
    })
    expect(response.statusCode).toBe(200)
  })

  it('refuses a 随申办 code that is not a mock authorisation', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { channel: 'h5', code: 'something-else' },
    })
    expect(response.statusCode).toBe(401)
    expect(codeOf(response)).toBe('LOGIN_CODE_INVALID')
  })
})

describe('real-name verification', () => {
  const owner = account('owner')

  it('binds the account to the person and lists their units', async () => {
    const { profile } = await signIn(t, 'owner')
    expect(profile.role).toBe('owner')
    expect(profile.person.name).toBe(owner.name)
    expect(profile.person.idNumberMasked).toBe(
      `310117********${owner.idNumber.slice(14)}`,
    )
    expect(profile.person.phoneMasked).toBe(
      `${owner.phone.slice(0, 3)}****${owner.phone.slice(7)}`,
    )
    expect(profile.units.map((u) => u.label)).toEqual(owner.units)
    expect(profile.units[0].area).toMatch(/^\d{2,3}\.\d{2}$/)
    expect(profile.estates.map((e) => e.id)).toEqual(['chenxi'])
  })

  it('gives a person who owns nothing the resident role', async () => {
    const { profile } = await signIn(t, 'resident')
    expect(profile.role).toBe('resident')
    expect(profile.units).toEqual([])
    expect(profile.estates.map((e) => e.id)).toEqual(['chenxi'])
  })

  it('lists the staff role of a residents-committee worker', async () => {
    const { profile } = await signIn(t, 'residents-committee')
    expect(profile.staffRoles).toEqual([
      {
        estateId: 'chenxi',
        estateName: '晨曦名邸',
        org: 'residents-committee',
      },
    ])
  })

  it('refuses an ID number whose check digit is wrong', async () => {
    const { token, code } = await withCode('check-digit-01', owner.phone)
    const last = owner.idNumber[17] === '1' ? '2' : '1'
    const response = await verify(token, {
      name: owner.name,
      idNumber: owner.idNumber.slice(0, 17) + last,
      phone: owner.phone,
      smsCode: code,
    })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('RESIDENT_ID_INVALID')
    expect(errorOf(response).issues?.[0].field).toBe('idNumber')
  })

  it('refuses a phone number that is not a mainland mobile', async () => {
    const session = await login(t.app, 'bad-phone-01')
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/identity/sms',
      headers: bearer(session.token),
      payload: { phone: '12345' },
    })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('PHONE_INVALID')
  })

  it('refuses a wrong SMS code', async () => {
    const { token, code } = await withCode('wrong-code-01', owner.phone)
    const wrong = code === '000000' ? '111111' : '000000'
    const response = await verify(token, {
      name: owner.name,
      idNumber: owner.idNumber,
      phone: owner.phone,
      smsCode: wrong,
    })
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('SMS_CODE_WRONG')
  })

  it('refuses an SMS code after five minutes', async () => {
    const { token, code } = await withCode('expired-code-01', owner.phone)
    t.clock.advance(5 * MINUTE)
    const response = await verify(token, {
      name: owner.name,
      idNumber: owner.idNumber,
      phone: owner.phone,
      smsCode: code,
    })
    expect(codeOf(response)).toBe('SMS_CODE_EXPIRED')
  })

  it('stops accepting a code after five wrong tries', async () => {
    const { token, code } = await withCode('five-tries-01', owner.phone)
    const wrong = code === '000000' ? '111111' : '000000'
    const payload = {
      name: owner.name,
      idNumber: owner.idNumber,
      phone: owner.phone,
    }
    for (let i = 0; i < 5; i++) {
      await verify(token, { ...payload, smsCode: wrong })
    }
    const response = await verify(token, { ...payload, smsCode: code })
    expect(response.statusCode).toBe(429)
    expect(codeOf(response)).toBe('SMS_TOO_MANY_ATTEMPTS')
  })

  it('refuses a second code to the same phone within a minute', async () => {
    const { token } = await withCode('resend-01', owner.phone)
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/identity/sms',
      headers: bearer(token),
      payload: { phone: owner.phone },
    })
    expect(response.statusCode).toBe(429)
    expect(codeOf(response)).toBe('SMS_RATE_LIMITED')
  })

  it('refuses a name that does not match the register, without saying which field', async () => {
    const { token, code } = await withCode('name-mismatch-01', owner.phone)
    const response = await verify(token, {
      name: `${owner.name}某`,
      idNumber: owner.idNumber,
      phone: owner.phone,
      smsCode: code,
    })
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('IDENTITY_MISMATCH')
    expect(errorOf(response).issues).toBeUndefined()
  })

  it('refuses a malformed SMS code with the field named', async () => {
    const session = await login(t.app, 'malformed-01')
    const response = await verify(session.token, {
      name: owner.name,
      idNumber: owner.idNumber,
      phone: owner.phone,
      smsCode: '12ab',
    })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('VALIDATION_FAILED')
    expect(errorOf(response).issues).toEqual([
      { field: 'smsCode', message: '验证码应为 6 位数字' },
    ])
  })
})

describe('sessions', () => {
  it('lets a returning device log straight in with its profile', async () => {
    await signIn(t, 'lize-owner', 'returning-device')
    const session = await login(t.app, 'returning-device')
    expect(session.profile?.units[0].estateId).toBe('lize')
  })

  it('serves the profile to a verified token', async () => {
    const { token } = await signIn(t, 'multi-owner')
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: bearer(token),
    })
    expect(response.statusCode).toBe(200)
    expect(response.json<Profile>().units).toHaveLength(3)
  })

  it('ends a session after two hours', async () => {
    const { token } = await signIn(t, 'owner')
    t.clock.advance(2 * HOUR + 1000)
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: bearer(token),
    })
    expect(response.statusCode).toBe(401)
    expect(codeOf(response)).toBe('SESSION_EXPIRED')
  })

  it('asks for sign-in when there is no token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me' })
    expect(response.statusCode).toBe(401)
    expect(codeOf(response)).toBe('AUTH_REQUIRED')
  })

  it('asks for sign-in when the token is forged', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: bearer('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJQMDAwMDAxIn0.bad'),
    })
    expect(response.statusCode).toBe(401)
    expect(codeOf(response)).toBe('AUTH_REQUIRED')
  })

  it('asks an unverified account to verify first', async () => {
    const session = await login(t.app, 'unverified-01')
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: bearer(session.token),
    })
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('NOT_VERIFIED')
  })

  it('ends the old device session when the person verifies on a new device', async () => {
    const first = await signIn(t, 'facade-owner', 'old-phone')
    await signIn(t, 'facade-owner', 'new-phone')
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: bearer(first.token),
    })
    expect(response.statusCode).toBe(401)
    expect(codeOf(response)).toBe('SESSION_EXPIRED')
    const relogin = await login(t.app, 'old-phone')
    expect((relogin as Session).profile).toBeNull()
  })
})

describe('malformed requests', () => {
  it('answers unreadable JSON with MALFORMED_REQUEST', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"channel":',
    })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('MALFORMED_REQUEST')
  })

  // Found by trying the app: a pasted essay got "请求格式有误".
  it('answers a body past the size limit with BODY_TOO_LARGE', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ channel: 'h5', code: 'x'.repeat(200_000) }),
    })
    expect(response.statusCode).toBe(413)
    expect(codeOf(response)).toBe('BODY_TOO_LARGE')
  })

  it('answers an unknown API route with NOT_FOUND', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing' })
    expect(response.statusCode).toBe(404)
    expect(codeOf(response)).toBe('NOT_FOUND')
  })
})
