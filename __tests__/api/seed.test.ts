import type { FastifyInstance } from 'fastify'

import { checkResidentId } from '@/core/resident-id'

import { generateRegisters } from '../../mock-server/registers/generate'
import { testAccounts } from '../../mock-server/registers/test-accounts'
import { testApp } from './helpers'

const TODAY = '20261203'

function dump(app: FastifyInstance, sql: string): unknown[] {
  return app.ctx.db.prepare(sql).all()
}

describe('the synthetic registers', () => {
  const registers = generateRegisters()

  it('are the same on every seed', async () => {
    const a = await testApp({ reseed: true })
    const b = await testApp({ reseed: true })
    for (const sql of [
      'SELECT * FROM persons ORDER BY id',
      'SELECT * FROM units ORDER BY id',
      'SELECT * FROM unit_owners ORDER BY unit_id, person_id',
      'SELECT * FROM staff_roles ORDER BY person_id',
    ]) {
      expect(dump(a.app, sql)).toEqual(dump(b.app, sql))
    }
    await a.app.close()
    await b.app.close()
  })

  it('give every person a valid resident ID from Songjiang and a 1990 phone', () => {
    for (const person of registers.persons) {
      expect(checkResidentId(person.idNumber, TODAY)).toMatchObject({
        ok: true,
      })
      expect(person.idNumber.startsWith('310117')).toBe(true)
      expect(person.phone).toMatch(/^1990\d{7}$/)
    }
    const ids = new Set(registers.persons.map((p) => p.idNumber))
    expect(ids.size).toBe(registers.persons.length)
  })

  it('build 晨曦名邸 of 2,400 units in 30 buildings with areas of 40 to 180 m²', () => {
    const units = registers.units.filter((u) => u.estateId === 'chenxi')
    expect(units).toHaveLength(2400)
    expect(new Set(units.map((u) => u.building)).size).toBe(30)
    for (const unit of units) {
      expect(unit.area).toBeGreaterThanOrEqual(4000)
      expect(unit.area).toBeLessThanOrEqual(18000)
    }
  })

  it('mix developer-held, co-owned and multi-unit owners as in a real estate', () => {
    const units = registers.units.filter((u) => u.estateId === 'chenxi')
    const share = (n: number) => n / units.length
    expect(share(units.filter((u) => u.developerHeld).length)).toBeCloseTo(
      0.03,
      1,
    )
    expect(
      share(units.filter((u) => u.owners.length === 2).length),
    ).toBeCloseTo(0.08, 1)
    const perOwner = new Map<string, number>()
    for (const unit of units) {
      for (const o of unit.owners) perOwner.set(o, (perOwner.get(o) ?? 0) + 1)
    }
    const multi = [...perOwner.values()].filter((n) => n > 1).length
    expect(multi / perOwner.size).toBeGreaterThan(0.03)
    expect(multi / perOwner.size).toBeLessThan(0.08)
    expect(Math.max(...perOwner.values())).toBe(3)
  })
})

describe('the seeded ballots', () => {
  it('leave every test account free to vote on the open ballots', async () => {
    const { app } = await testApp()
    const persons = testAccounts().map((a) => a.personId)
    const cast = app.ctx.db
      .prepare(
        `SELECT count(*) AS n FROM votes v
           JOIN ballot_roll_owners o
             ON o.ballot_id = v.ballot_id AND o.voter_id = v.voter_id
          WHERE o.person_id IN (${persons.map(() => '?').join(',')})`,
      )
      .get(...persons) as { n: number }
    expect(cast.n).toBe(0)
    await app.close()
  })
})
