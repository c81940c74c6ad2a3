/**
 * Accounts, sessions and real-name verification against the mocked
 * population register, and the profile the property register gives a
 * verified person.
 *
 * Binding rule: a person has at most one account per channel. Verifying
 * on a new device (or a new WeChat account) moves the binding there and
 * the old account's sessions end: the SMS code to the phone registered
 * with the police is the proof, as with the real services. So
 * IDENTITY_ALREADY_BOUND is never sent by this mock.
 */
import { createHash, randomBytes } from 'node:crypto'

import type {
  EstateView,
  LoginChannel,
  Profile,
  Session,
  StaffOrg,
  StaffRoleView,
  UnitView,
  VerifyRequest,
} from '@/core/api-types'
import { formatArea } from '@/core/area'
import { AppError } from '@/core/errors'
import { isMainlandMobile, maskPhone, normalisePhone } from '@/core/person'
import {
  checkResidentId,
  maskResidentId,
  normaliseResidentId,
  RESIDENT_ID_PROBLEM_TEXT,
} from '@/core/resident-id'

import { unitLabel } from '../registers/generate'
import { sql } from '../store/database'
import type { Context } from './context'
import { iso, shanghaiDate } from './context'
import { checkSmsCode } from './sms'
import type { SessionClaims } from './tokens'
import { signSession } from './tokens'

const SSB_CODE = /^ssb-mock\.([A-Za-z0-9_-]{8,64})$/
const MOCK_WX_CODE = /^mock-wx\.([A-Za-z0-9_-]{1,64})$/
const WX_CODE = /^[A-Za-z0-9_-]{8,128}$/

/** Who an account is on its platform, or LOGIN_CODE_INVALID. */
function subjectOf(channel: LoginChannel, code: string): string {
  if (channel === 'h5') {
    const match = SSB_CODE.exec(code)
    if (match) return match[1]
    throw new AppError('LOGIN_CODE_INVALID')
  }
  const mock = MOCK_WX_CODE.exec(code)
  if (mock) return mock[1]
  // The mock can not ask WeChat whose code this is; a code stands for an
  // openid of its own, so every fresh wx.login is a new account until
  // real-name verification binds it.
  if (WX_CODE.test(code)) {
    return `o${createHash('sha256').update(code).digest('base64url').slice(0, 27)}`
  }
  throw new AppError('LOGIN_CODE_INVALID')
}

interface AccountRow {
  id: string
  person_id: string | null
}

async function sessionFor(ctx: Context, account: AccountRow): Promise<Session> {
  const { token, expiresAt } = await signSession(ctx, {
    accountId: account.id,
    personId: account.person_id,
  })
  return {
    token,
    expiresAt: iso(expiresAt),
    profile: account.person_id ? profileOf(ctx, account.person_id) : null,
  }
}

export async function login(
  ctx: Context,
  channel: LoginChannel,
  code: string,
): Promise<Session> {
  const subject = subjectOf(channel, code)
  const find = sql(
    ctx.db,
    'SELECT id, person_id FROM accounts WHERE channel = ? AND subject = ?',
  )
  let account = find.get(channel, subject) as AccountRow | undefined
  if (!account) {
    sql(
      ctx.db,
      'INSERT INTO accounts (id, channel, subject, created_at) VALUES (?, ?, ?, ?)',
    ).run(`A${randomBytes(8).toString('hex')}`, channel, subject, ctx.now())
    account = find.get(channel, subject) as AccountRow
  }
  return sessionFor(ctx, account)
}

export async function verifyIdentity(
  ctx: Context,
  accountId: string,
  request: VerifyRequest,
): Promise<Session> {
  const name = request.name.trim()
  const idNumber = normaliseResidentId(request.idNumber)
  const check = checkResidentId(idNumber, shanghaiDate(ctx.now()))
  if (!check.ok) {
    throw new AppError('RESIDENT_ID_INVALID', [
      { field: 'idNumber', message: RESIDENT_ID_PROBLEM_TEXT[check.problem] },
    ])
  }
  const phone = normalisePhone(request.phone)
  if (!isMainlandMobile(phone)) throw new AppError('PHONE_INVALID')

  // The code is checked before the register, so the register can not be
  // probed without the phone in hand.
  const code = checkSmsCode(
    ctx,
    { accountId, purpose: 'identity', ballotId: null, phone },
    request.smsCode,
  )
  const person = sql(
    ctx.db,
    'SELECT id, name, phone FROM persons WHERE id_number = ?',
  ).get(idNumber) as { id: string; name: string; phone: string } | undefined
  if (!person || person.name !== name || person.phone !== phone) {
    // Which field is wrong stays unsaid; the try still counts.
    code.fail()
    throw new AppError('IDENTITY_MISMATCH')
  }

  const account = sql(
    ctx.db,
    'SELECT id, channel FROM accounts WHERE id = ?',
  ).get(accountId) as { id: string; channel: string }
  ctx.db.transaction(() => {
    sql(
      ctx.db,
      'UPDATE accounts SET person_id = NULL, bound_at = NULL WHERE person_id = ? AND channel = ? AND id != ?',
    ).run(person.id, account.channel, account.id)
    sql(
      ctx.db,
      'UPDATE accounts SET person_id = ?, bound_at = ? WHERE id = ?',
    ).run(person.id, ctx.now(), account.id)
    code.consume()
  })()
  return sessionFor(ctx, { id: account.id, person_id: person.id })
}

/**
 * The account behind a session token, as it stands now. A token whose
 * binding no longer holds (verified again elsewhere) ends like an expired
 * session: the person signs in again.
 */
export function checkAccount(ctx: Context, claims: SessionClaims): void {
  const account = sql(
    ctx.db,
    'SELECT person_id FROM accounts WHERE id = ?',
  ).get(claims.accountId) as { person_id: string | null } | undefined
  if (!account) throw new AppError('AUTH_REQUIRED')
  if (account.person_id !== claims.personId) {
    throw new AppError('SESSION_EXPIRED')
  }
}

interface OwnedUnitRow {
  id: string
  estate_id: string
  estate_name: string
  building: string
  room: string
  area: number
  owner_count: number
}

interface EstateRow {
  id: string
  name: string
  district: string
  has_owners_committee: number
}

function estateView(row: EstateRow): EstateView {
  return {
    id: row.id,
    name: row.name,
    district: row.district,
    hasOwnersCommittee: row.has_owners_committee === 1,
  }
}

/** What a verified person may see and do, from the two registers. */
export interface Viewer {
  accountId: string
  personId: string
  ownsAnyUnit: boolean
  /** Estates the person owns in, lives in or serves as staff. */
  estateIds: string[]
  staffEstateIds: Set<string>
}

export function ownedUnits(ctx: Context, personId: string): OwnedUnitRow[] {
  return sql(
    ctx.db,
    `SELECT u.id, u.estate_id, e.name AS estate_name, b.number AS building,
              u.room, u.area,
              (SELECT count(*) FROM unit_owners c WHERE c.unit_id = u.id)
                AS owner_count
         FROM unit_owners o
         JOIN units u ON u.id = o.unit_id
         JOIN buildings b ON b.id = u.building_id
         JOIN estates e ON e.id = u.estate_id
        WHERE o.person_id = ?
        ORDER BY u.id`,
  ).all(personId) as OwnedUnitRow[]
}

function staffRolesOf(ctx: Context, personId: string) {
  return sql(
    ctx.db,
    `SELECT s.estate_id, e.name AS estate_name, s.org FROM staff_roles s
         JOIN estates e ON e.id = s.estate_id
        WHERE s.person_id = ? ORDER BY s.estate_id, s.org`,
  ).all(personId) as { estate_id: string; estate_name: string; org: StaffOrg }[]
}

function estateIdsOf(ctx: Context, personId: string): string[] {
  const residence = sql(
    ctx.db,
    'SELECT u.estate_id FROM persons p JOIN units u ON u.id = p.residence_unit_id WHERE p.id = ?',
  ).get(personId) as { estate_id: string } | undefined
  const ids = [
    ...ownedUnits(ctx, personId).map((u) => u.estate_id),
    ...(residence ? [residence.estate_id] : []),
    ...staffRolesOf(ctx, personId).map((s) => s.estate_id),
  ]
  return Array.from(new Set(ids))
}

export function viewerOf(ctx: Context, claims: SessionClaims): Viewer {
  if (claims.personId === null) throw new AppError('NOT_VERIFIED')
  const personId = claims.personId
  const owned = sql(
    ctx.db,
    'SELECT 1 FROM unit_owners WHERE person_id = ? LIMIT 1',
  ).get(personId)
  return {
    accountId: claims.accountId,
    personId,
    ownsAnyUnit: owned !== undefined,
    estateIds: estateIdsOf(ctx, personId),
    staffEstateIds: new Set(
      staffRolesOf(ctx, personId).map((s) => s.estate_id),
    ),
  }
}

export function profileOf(ctx: Context, personId: string): Profile {
  const person = sql(
    ctx.db,
    'SELECT name, id_number, phone FROM persons WHERE id = ?',
  ).get(personId) as { name: string; id_number: string; phone: string }
  const units: UnitView[] = ownedUnits(ctx, personId).map((u) => ({
    id: u.id,
    estateId: u.estate_id,
    estateName: u.estate_name,
    building: u.building,
    room: u.room,
    label: unitLabel(u.building, u.room),
    area: formatArea(u.area),
    ownerCount: u.owner_count,
  }))
  const staffRoles: StaffRoleView[] = staffRolesOf(ctx, personId).map((s) => ({
    estateId: s.estate_id,
    estateName: s.estate_name,
    org: s.org,
  }))
  const estateById = sql(ctx.db, 'SELECT * FROM estates WHERE id = ?')
  const estates = estateIdsOf(ctx, personId).map((id) =>
    estateView(estateById.get(id) as EstateRow),
  )
  return {
    person: {
      name: person.name,
      idNumberMasked: maskResidentId(person.id_number),
      phoneMasked: maskPhone(person.phone),
    },
    role: units.length > 0 ? 'owner' : 'resident',
    units,
    estates,
    staffRoles,
  }
}

export function registeredPhone(ctx: Context, personId: string): string {
  const row = sql(ctx.db, 'SELECT phone FROM persons WHERE id = ?').get(
    personId,
  ) as { phone: string }
  return row.phone
}
