import { createHash } from 'node:crypto'

import type { StoredFile } from '@/core/files-api'
import { MAX_FILE_BYTES } from '@/core/files'

import type { SignedIn, TestApp } from './helpers'
import { bearer, codeOf, HOUR, signIn, testApp } from './helpers'
import { JPEG, multipart, PNG, upload } from './repair-helpers'

let t: TestApp
let owner: SignedIn

beforeAll(async () => {
  t = await testApp()
  owner = await signIn(t, 'owner')
})

afterAll(async () => {
  await t.app.close()
})

describe('uploading a file', () => {
  it('stores a JPEG and answers its id, type, size and SHA-256', async () => {
    const response = await upload(t.app, owner.token, JPEG)
    expect(response.statusCode).toBe(201)
    const stored = response.json<StoredFile>()
    expect(stored).toMatchObject({
      type: 'image/jpeg',
      size: JPEG.length,
      sha256: createHash('sha256').update(JPEG).digest('hex'),
      uploadedAt: new Date(t.clock.now()).toISOString(),
    })
    expect(stored.url).toMatch(
      new RegExp(`^/api/files/${stored.id}/content\\?expires=\\d+&sig=`),
    )
    const row = t.app.ctx.db
      .prepare('SELECT uploader_id, estate_id FROM files WHERE id = ?')
      .get(stored.id)
    expect(row).toEqual({
      uploader_id: owner.account.personId,
      estate_id: 'chenxi',
    })
  })

  it('takes the type from the content, not from the name', async () => {
    const response = await upload(t.app, owner.token, PNG, {
      filename: 'photo.jpg',
      type: 'image/jpeg',
    })
    expect(response.statusCode).toBe(201)
    expect(response.json<StoredFile>().type).toBe('image/png')
  })

  it('refuses a text file named like a photo', async () => {
    const response = await upload(
      t.app,
      owner.token,
      Buffer.from('<script>alert(1)</script>'),
      { filename: 'photo.jpg', type: 'image/jpeg' },
    )
    expect(response.statusCode).toBe(415)
    expect(codeOf(response)).toBe('FILE_TYPE_NOT_ALLOWED')
  })

  it('refuses a file one byte over 5 MB', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0)
    JPEG.copy(big)
    const response = await upload(t.app, owner.token, big)
    expect(response.statusCode).toBe(413)
    expect(codeOf(response)).toBe('FILE_TOO_LARGE')
  })

  it('accepts a file of exactly 5 MB', async () => {
    const max = Buffer.alloc(MAX_FILE_BYTES, 0)
    JPEG.copy(max)
    const response = await upload(t.app, owner.token, max)
    expect(response.statusCode).toBe(201)
    expect(response.json<StoredFile>().size).toBe(MAX_FILE_BYTES)
  })

  it('refuses a request whose file is in another field', async () => {
    const response = await upload(t.app, owner.token, JPEG, {
      field: 'photo',
    })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('FILE_MISSING')
  })

  it('refuses a JSON body on the upload route', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/files?estateId=chenxi',
      headers: bearer(owner.token),
      payload: { file: 'not a file' },
    })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('MALFORMED_REQUEST')
  })

  it('refuses an upload for an estate the person has nothing to do with', async () => {
    const response = await upload(t.app, owner.token, JPEG, {
      estateId: 'lize',
    })
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('OTHER_ESTATE')
  })

  it('refuses an upload without sign-in', async () => {
    const body = multipart([
      { field: 'file', filename: 'a.jpg', type: 'image/jpeg', bytes: JPEG },
    ])
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/files?estateId=chenxi',
      headers: body.headers,
      payload: body.payload,
    })
    expect(response.statusCode).toBe(401)
    expect(codeOf(response)).toBe('AUTH_REQUIRED')
  })
})

describe('reading a file', () => {
  let stored: StoredFile

  beforeAll(async () => {
    stored = (await upload(t.app, owner.token, JPEG)).json<StoredFile>()
  })

  it('gives the bytes back with their type to someone of the same estate', async () => {
    const neighbour = await signIn(t, 'resident')
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/files/${stored.id}`,
      headers: bearer(neighbour.token),
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('image/jpeg')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.rawPayload.equals(JPEG)).toBe(true)
  })

  it('hides the file from someone of another estate', async () => {
    const other = await signIn(t, 'lize-owner')
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/files/${stored.id}`,
      headers: bearer(other.token),
    })
    expect(response.statusCode).toBe(404)
    expect(codeOf(response)).toBe('FILE_NOT_FOUND')
  })

  it('needs sign-in without a signed link', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/files/${stored.id}`,
    })
    expect(codeOf(response)).toBe('AUTH_REQUIRED')
  })

  it('serves the signed link without a token until it expires', async () => {
    const fresh = await t.app.inject({ method: 'GET', url: stored.url })
    expect(fresh.statusCode).toBe(200)
    expect(fresh.rawPayload.equals(JPEG)).toBe(true)

    t.clock.advance(4 * HOUR)
    const late = await t.app.inject({ method: 'GET', url: stored.url })
    expect(late.statusCode).toBe(403)
    expect(codeOf(late)).toBe('FILE_LINK_EXPIRED')
  })

  it('refuses a signed link whose expiry was changed', async () => {
    const forged = stored.url.replace(/expires=(\d+)/, (_, n: string) => {
      return `expires=${Number(n) + 10 * HOUR}`
    })
    const response = await t.app.inject({ method: 'GET', url: forged })
    expect(response.statusCode).toBe(404)
    expect(codeOf(response)).toBe('FILE_NOT_FOUND')
  })
})
