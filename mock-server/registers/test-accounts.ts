/**
 * Named people from the synthetic registers for testers and tests: who to
 * sign in as to try each path. Picked by rule from the generated registers
 * (not by hand-typed numbers), so they stay right if the generator
 * changes. The seed keeps their votes out of the open ballots, so each of
 * them can still vote.
 */
import { generateRegisters, ESTATE, unitLabel } from './generate'
import type { Registers, RegisterUnit } from './generate'

export type TestAccountKey =
  | 'owner'
  | 'multi-owner'
  | 'co-owner-a'
  | 'co-owner-b'
  | 'resident'
  | 'residents-committee'
  | 'owners-committee'
  | 'facade-owner'
  | 'xincheng-owner'
  | 'lize-owner'
  | 'property-company'
  | 'proxy-grantor'
  | 'proxy-holder'
  | 'lize-residents-committee'

export interface TestAccount {
  key: TestAccountKey
  /** Who this is, in a few words. */
  label: string
  personId: string
  name: string
  /** Full synthetic ID number: a tester types it to verify. */
  idNumber: string
  phone: string
  estateId: string
  units: string[]
  /** What a tester can try with this account. */
  canDo: string
}

interface Pick {
  key: TestAccountKey
  label: string
  canDo: string
  personId: string
  estateId: string
}

function byOwner(units: readonly RegisterUnit[]): Map<string, RegisterUnit[]> {
  const map = new Map<string, RegisterUnit[]>()
  for (const unit of units) {
    for (const owner of unit.owners) {
      map.set(owner, [...(map.get(owner) ?? []), unit])
    }
  }
  return map
}

function pickAccounts(registers: Registers): Pick[] {
  const owned = byOwner(registers.units)
  const staffIds = new Set(registers.staff.map((s) => s.personId))
  const taken = new Set<string>()
  const personOf = new Map(registers.persons.map((p) => [p.id, p]))

  const firstUnit = (test: (unit: RegisterUnit) => boolean): RegisterUnit => {
    const unit = registers.units.find(
      (u) =>
        test(u) && u.owners.every((o) => !taken.has(o) && !staffIds.has(o)),
    )
    if (!unit) throw new Error('[seed] no unit fits a test account rule')
    unit.owners.forEach((o) => taken.add(o))
    return unit
  }
  const soleOwnerOfOne = (estateId: string, building: string) =>
    firstUnit(
      (u) =>
        u.estateId === estateId &&
        u.building === building &&
        Number(u.room) >= 1000 &&
        u.owners.length === 1 &&
        owned.get(u.owners[0])?.length === 1 &&
        personOf.get(u.owners[0])?.residenceUnitId === u.id,
    ).owners[0]

  const owner = soleOwnerOfOne(ESTATE.chenxi, '3')
  const multi = firstUnit(
    (u) =>
      u.estateId === ESTATE.chenxi &&
      u.owners.length === 1 &&
      (owned.get(u.owners[0])?.length ?? 0) === 3,
  ).owners[0]
  const coOwned = firstUnit(
    (u) =>
      u.estateId === ESTATE.chenxi &&
      u.building === '6' &&
      u.owners.length === 2,
  )
  const resident = registers.persons.find(
    (p) =>
      p.residenceUnitId?.startsWith(`${ESTATE.chenxi}-`) && !owned.has(p.id),
  )
  const staffOf = (estateId: string, org: string) =>
    registers.staff.find((s) => s.estateId === estateId && s.org === org)
  const rc = staffOf(ESTATE.chenxi, 'residents-committee')
  const oc = staffOf(ESTATE.chenxi, 'owners-committee')
  const pc = staffOf(ESTATE.chenxi, 'property-company')
  if (!resident || !rc || !oc || !pc) {
    throw new Error('[seed] test account missing')
  }
  const lizeRc = staffOf(ESTATE.lize, 'residents-committee')
  if (!lizeRc) throw new Error('[seed] test account missing')
  // A proxy from outside the estate: a tenant elsewhere who owns nothing,
  // so whatever of 晨曦名邸 they see comes from the proxy alone.
  const outsider = (): string => {
    const person = registers.persons.find(
      (p) =>
        p.residenceUnitId?.startsWith(`${ESTATE.xincheng}-`) &&
        !owned.has(p.id) &&
        !staffIds.has(p.id) &&
        !taken.has(p.id),
    )
    if (!person) throw new Error('[seed] no person fits a test account rule')
    taken.add(person.id)
    return person.id
  }

  return [
    {
      key: 'owner',
      label: '业主（一套房）',
      canDo: '晨曦名邸：查看并参加进行中的表决',
      personId: owner,
      estateId: ESTATE.chenxi,
    },
    {
      key: 'multi-owner',
      label: '业主（三套房，计一人）',
      canDo: '晨曦名邸：三套房合并为一票（面积相加）',
      personId: multi,
      estateId: ESTATE.chenxi,
    },
    {
      key: 'co-owner-a',
      label: '共有业主甲',
      canDo: '晨曦名邸：与乙共有一套房，谁先投谁代表这套房',
      personId: coOwned.owners[0],
      estateId: ESTATE.chenxi,
    },
    {
      key: 'co-owner-b',
      label: '共有业主乙',
      canDo: '晨曦名邸：甲投票后可看到已投，不能再投',
      personId: coOwned.owners[1],
      estateId: ESTATE.chenxi,
    },
    {
      key: 'resident',
      label: '住户（无房产）',
      canDo: '晨曦名邸：可查看表决，不能投票',
      personId: resident.id,
      estateId: ESTATE.chenxi,
    },
    {
      key: 'residents-committee',
      label: '居委会工作人员',
      canDo: '晨曦名邸：可查看草稿表决，不能投票',
      personId: rc.personId,
      estateId: ESTATE.chenxi,
    },
    {
      key: 'owners-committee',
      label: '业委会委员（业主）',
      canDo: '晨曦名邸：可查看草稿表决，也可以投票',
      personId: oc.personId,
      estateId: ESTATE.chenxi,
    },
    {
      key: 'facade-owner',
      label: '5号楼业主',
      canDo: '新程国际城：参加5号楼外墙修缮表决',
      personId: soleOwnerOfOne(ESTATE.xincheng, '5'),
      estateId: ESTATE.xincheng,
    },
    {
      key: 'xincheng-owner',
      label: '业主（非5号楼）',
      canDo: '新程国际城：不在5号楼外墙表决名册中',
      personId: soleOwnerOfOne(ESTATE.xincheng, '2'),
      estateId: ESTATE.xincheng,
    },
    {
      key: 'lize-owner',
      label: '业主',
      canDo: '丽泽华庭：参加居委会受托组织的表决（居代业）',
      personId: soleOwnerOfOne(ESTATE.lize, '3'),
      estateId: ESTATE.lize,
    },
    {
      key: 'property-company',
      label: '物业工作人员',
      canDo: '晨曦名邸：处理报修（受理、派单、处理完成）',
      personId: pc.personId,
      estateId: ESTATE.chenxi,
    },
    {
      key: 'proxy-grantor',
      label: '业主（委托他人投票）',
      canDo: '晨曦名邸：在表决详情中委托代理人，或撤销委托',
      personId: soleOwnerOfOne(ESTATE.chenxi, '3'),
      estateId: ESTATE.chenxi,
    },
    {
      key: 'proxy-holder',
      label: '代理人（外小区住户）',
      canDo: '先登录一次；业主委托后，在“议事”中为其投票',
      personId: outsider(),
      estateId: ESTATE.xincheng,
    },
    {
      key: 'lize-residents-committee',
      label: '居委会工作人员（受托）',
      canDo: '丽泽华庭：受业主大会委托组织表决（居代业）',
      personId: lizeRc.personId,
      estateId: ESTATE.lize,
    },
  ]
}

let cached: TestAccount[] | null = null

/** The test accounts of the standard seed, with full synthetic identity. */
export function testAccounts(): TestAccount[] {
  if (cached) return cached
  cached = testAccountsOf(generateRegisters())
  return cached
}

export function testAccountsOf(registers: Registers): TestAccount[] {
  const persons = new Map(registers.persons.map((p) => [p.id, p]))
  const owned = byOwner(registers.units)
  return pickAccounts(registers).map((pick) => {
    const person = persons.get(pick.personId)
    if (!person) throw new Error('[seed] test account has no person')
    return {
      ...pick,
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      units: (owned.get(person.id) ?? []).map((u) =>
        unitLabel(u.building, u.room),
      ),
    }
  })
}
