import type { TestApp } from './helpers'
import { codeOf, login, testApp } from './helpers'

let t: TestApp

beforeAll(async () => {
  t = await testApp()
})

afterAll(async () => {
  await t.app.close()
})

describe('the API description', () => {
  it('lists every route of the contract as OpenAPI 3', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/openapi.json',
    })
    expect(response.statusCode).toBe(200)
    const doc = response.json<{
      openapi: string
      paths: Record<string, object>
    }>()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/auth/login',
      '/api/ballots/{ballotId}',
      '/api/ballots/{ballotId}/step-up',
      '/api/ballots/{ballotId}/step-up/sms',
      '/api/ballots/{ballotId}/votes',
      '/api/estates/{estateId}/ballots',
      '/api/health',
      '/api/identity/sms',
      '/api/identity/verify',
      '/api/me',
      '/api/me/receipts',
    ])
  })

  it('answers the health check', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(response.json()).toEqual({ ok: true })
  })
})

describe('an unexpected failure', () => {
  it('answers INTERNAL without details', async () => {
    const broken = await testApp()
    const session = await login(broken.app, 'broken-store-01')
    broken.app.ctx.db.close()
    const response = await broken.app.inject({
      method: 'POST',
      url: '/api/identity/sms',
      headers: { authorization: `Bearer ${session.token}` },
      payload: { phone: '19900000000' },
    })
    expect(response.statusCode).toBe(500)
    expect(codeOf(response)).toBe('INTERNAL')
    expect(response.body).not.toMatch(/database|sqlite/i)
    await broken.app.close()
  })
})
