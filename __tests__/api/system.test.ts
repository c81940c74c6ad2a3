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
      '/api/ballots/{ballotId}/announce',
      '/api/ballots/{ballotId}/draft',
      '/api/ballots/{ballotId}/items',
      '/api/ballots/{ballotId}/items/{itemId}',
      '/api/ballots/{ballotId}/items/{itemId}/remove',
      '/api/ballots/{ballotId}/manage',
      '/api/ballots/{ballotId}/proxies',
      '/api/ballots/{ballotId}/publish',
      '/api/ballots/{ballotId}/record',
      '/api/ballots/{ballotId}/record/entries/{seq}/proof',
      '/api/ballots/{ballotId}/result',
      '/api/ballots/{ballotId}/roll-preview',
      '/api/ballots/{ballotId}/step-up',
      '/api/ballots/{ballotId}/step-up/sms',
      '/api/ballots/{ballotId}/votes',
      '/api/estates/{estateId}/ballot-admin',
      '/api/estates/{estateId}/ballots',
      '/api/estates/{estateId}/notices',
      '/api/estates/{estateId}/notices/buildings',
      '/api/estates/{estateId}/repair-cases',
      '/api/estates/{estateId}/repair-places',
      '/api/estates/{estateId}/repair-queue',
      '/api/files',
      '/api/files/{fileId}',
      '/api/files/{fileId}/content',
      '/api/health',
      '/api/identity/sms',
      '/api/identity/verify',
      '/api/me',
      '/api/me/proxies-held',
      '/api/me/receipts',
      '/api/me/repair-cases',
      '/api/notices/{noticeId}',
      '/api/notices/{noticeId}/pin',
      '/api/notices/{noticeId}/reads',
      '/api/notices/{noticeId}/rectification/{itemId}/updates',
      '/api/notices/{noticeId}/schedule',
      '/api/notices/{noticeId}/withdraw',
      '/api/proxies/{proxyId}/revoke',
      '/api/repair-cases/{caseId}',
      '/api/repair-cases/{caseId}/actions',
      '/api/repair-cases/{caseId}/project',
      '/api/repair-cases/{caseId}/rating',
      '/api/repair-projects/{projectId}',
      '/api/repair-projects/{projectId}/inspections',
      '/api/repair-projects/{projectId}/progress',
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
