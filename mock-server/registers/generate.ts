/**
 * The mocked government registers, generated from a fixed seed: the
 * population register (公安人口库: name, resident ID, phone, where a
 * person lives) and the property register (不动产登记: units, areas,
 * certificates, owners, developer-held units). Pure: the same seed gives
 * the same registers, so the seed script and the test-account list agree
 * without reading the database.
 *
 * Three fictional estates in 新桥镇, 松江区 mirror the town's situation:
 * a large estate with an owners' committee, one without a committee whose
 * residents' committee acts under a mandate (居代业), and one whose
 * committee is not yet formed.
 */
import type { StaffOrg } from '@/core/api-types'
import { residentIdCheckDigit } from '@/core/resident-id'

import { COMPOUND_SURNAMES, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names'
import { Random } from './random'

export const REGISTER_SEED = 20261203

/** Songjiang district's administrative division code. */
export const REGION_CODE = '310117'

export const ESTATE = {
  chenxi: 'chenxi',
  lize: 'lize',
  xincheng: 'xincheng',
} as const

export interface RegisterEstate {
  id: string
  name: string
  district: string
  town: string
  hasOwnersCommittee: boolean
}

export interface RegisterBuilding {
  id: string
  estateId: string
  number: string
}

export interface RegisterUnit {
  id: string
  estateId: string
  buildingId: string
  building: string
  room: string
  /** 0.01 m² */
  area: number
  certificateNumber: string
  developerHeld: boolean
  owners: string[]
}

export interface RegisterPerson {
  id: string
  name: string
  idNumber: string
  phone: string
  residenceUnitId: string | null
}

export interface RegisterStaffRole {
  personId: string
  estateId: string
  org: StaffOrg
}

export interface Registers {
  estates: RegisterEstate[]
  buildings: RegisterBuilding[]
  units: RegisterUnit[]
  persons: RegisterPerson[]
  staff: RegisterStaffRole[]
}

/** Range of registered area in m², for a stack of flats. */
type AreaRange = readonly [number, number]

interface EstatePlan {
  estate: RegisterEstate
  buildings: number
  floors: number
  roomsPerFloor: number
  areaRange(building: number, stack: number): AreaRange
}

const DISTRICT = '松江区'
const TOWN = '新桥镇'

// Shares that shape the property register.
const DEVELOPER_HELD_SHARE = 0.03
const EXTRA_UNIT_SHARE = 0.065
const CO_OWNED_SHARE = 0.08
const OWNER_OCCUPIED_SHARE = 0.85
const TENANT_SHARE = 0.15
const MAX_UNITS_PER_OWNER = 3
// Flats of one stack share a floor plan; registered areas still differ a
// little from floor to floor.
const FLOOR_JITTER_CENTI = 30

const PLANS: readonly EstatePlan[] = [
  {
    estate: {
      id: ESTATE.chenxi,
      name: '晨曦名邸',
      district: DISTRICT,
      town: TOWN,
      hasOwnersCommittee: true,
    },
    buildings: 30,
    floors: 20,
    roomsPerFloor: 4,
    // Small flats in the first buildings, family flats in the middle,
    // large ones by the river; end flats (stacks 1 and 4) are bigger.
    areaRange(building, stack) {
      const end = stack === 1 || stack === 4
      if (building <= 8) return end ? [55, 68] : [40, 52]
      if (building <= 24) return end ? [118, 142] : [82, 98]
      return end ? [160, 180] : [138, 158]
    },
  },
  {
    estate: {
      id: ESTATE.lize,
      name: '丽泽华庭',
      district: DISTRICT,
      town: TOWN,
      hasOwnersCommittee: false,
    },
    buildings: 15,
    floors: 10,
    roomsPerFloor: 2,
    areaRange: (_building, stack) => (stack === 1 ? [62, 98] : [55, 86]),
  },
  {
    estate: {
      id: ESTATE.xincheng,
      name: '新程国际城',
      district: DISTRICT,
      town: TOWN,
      hasOwnersCommittee: false,
    },
    buildings: 10,
    floors: 20,
    roomsPerFloor: 2,
    areaRange: (_building, stack) => (stack === 1 ? [118, 145] : [86, 112]),
  },
]

class PersonFactory {
  readonly persons: RegisterPerson[] = []
  private readonly idNumbers = new Set<string>()
  private readonly phones = new Set<string>()

  constructor(private readonly random: Random) {}

  create(residenceUnitId: string | null, oldestYear = 1945): RegisterPerson {
    const male = this.random.chance(0.5)
    const person: RegisterPerson = {
      id: `P${String(this.persons.length + 1).padStart(6, '0')}`,
      name: this.name(male),
      idNumber: this.idNumber(male, oldestYear),
      phone: this.phone(),
      residenceUnitId,
    }
    this.persons.push(person)
    return person
  }

  private name(male: boolean): string {
    const surname = this.random.chance(0.01)
      ? this.random.pick(COMPOUND_SURNAMES)
      : this.random.pick(SURNAMES)
    const pool = male ? GIVEN_MALE : GIVEN_FEMALE
    const given = this.random.chance(0.65)
      ? this.random.pick(pool) + this.random.pick(pool)
      : this.random.pick(pool)
    return surname + given
  }

  private idNumber(male: boolean, oldestYear: number): string {
    for (;;) {
      const year = this.random.int(oldestYear, 2004)
      const month = this.random.int(1, 12)
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
      const day = this.random.int(1, days)
      // The sequence's last digit is odd for men, even for women.
      const sequence = this.random.int(0, 499) * 2 + (male ? 1 : 0)
      const first17 =
        REGION_CODE +
        String(year) +
        String(month).padStart(2, '0') +
        String(day).padStart(2, '0') +
        String(sequence).padStart(3, '0')
      const value = first17 + residentIdCheckDigit(first17)
      if (!this.idNumbers.has(value)) {
        this.idNumbers.add(value)
        return value
      }
    }
  }

  private phone(): string {
    for (;;) {
      const value = `1990${String(this.random.int(0, 9_999_999)).padStart(7, '0')}`
      if (!this.phones.has(value)) {
        this.phones.add(value)
        return value
      }
    }
  }
}

function centiBetween(random: Random, [min, max]: AreaRange): number {
  return random.int(min * 100, max * 100)
}

function buildUnits(
  plan: EstatePlan,
  random: Random,
  nextCertificate: () => string,
): { buildings: RegisterBuilding[]; units: RegisterUnit[] } {
  const buildings: RegisterBuilding[] = []
  const units: RegisterUnit[] = []
  const estateId = plan.estate.id
  for (let b = 1; b <= plan.buildings; b++) {
    const building = { id: `${estateId}-${b}`, estateId, number: String(b) }
    buildings.push(building)
    const stackBase: number[] = []
    for (let s = 1; s <= plan.roomsPerFloor; s++) {
      stackBase[s] = centiBetween(random, plan.areaRange(b, s))
    }
    for (let floor = 1; floor <= plan.floors; floor++) {
      for (let s = 1; s <= plan.roomsPerFloor; s++) {
        const [min, max] = plan.areaRange(b, s)
        const jitter = random.int(-FLOOR_JITTER_CENTI, FLOOR_JITTER_CENTI)
        const area = Math.min(
          max * 100,
          Math.max(min * 100, stackBase[s] + jitter),
        )
        const room = `${floor}${String(s).padStart(2, '0')}`
        units.push({
          id: `${building.id}-${room}`,
          estateId,
          buildingId: building.id,
          building: building.number,
          room,
          area,
          certificateNumber: nextCertificate(),
          developerHeld: false,
          owners: [],
        })
      }
    }
  }
  return { buildings, units }
}

/**
 * Gives every unit its owners: a few stay with the developer, some go to
 * a buyer who already owns one (owners of two or three units), some are
 * co-owned by two people, the rest have one owner each. Also places
 * tenants in some flats whose owners live elsewhere.
 */
function assignOwners(
  units: RegisterUnit[],
  random: Random,
  people: PersonFactory,
): void {
  const soleOwners: { person: RegisterPerson; units: number }[] = []
  for (const unit of units) {
    if (random.chance(DEVELOPER_HELD_SHARE)) {
      unit.developerHeld = true
      continue
    }
    if (soleOwners.length > 0 && random.chance(EXTRA_UNIT_SHARE)) {
      const index = random.int(0, soleOwners.length - 1)
      const owner = soleOwners[index]
      unit.owners.push(owner.person.id)
      owner.units += 1
      if (owner.units === MAX_UNITS_PER_OWNER) soleOwners.splice(index, 1)
      continue
    }
    const livesHere = random.chance(OWNER_OCCUPIED_SHARE)
    const residence = livesHere ? unit.id : null
    if (random.chance(CO_OWNED_SHARE)) {
      unit.owners.push(people.create(residence).id, people.create(residence).id)
    } else {
      const person = people.create(residence)
      unit.owners.push(person.id)
      soleOwners.push({ person, units: 1 })
    }
    if (!livesHere && random.chance(TENANT_SHARE)) {
      people.create(unit.id, 1960)
    }
  }
}

export function generateRegisters(seed = REGISTER_SEED): Registers {
  const random = new Random(seed)
  const people = new PersonFactory(random)
  let certificate = random.int(10_000, 20_000)
  const nextCertificate = () => {
    certificate += random.int(1, 7)
    const year = random.int(2016, 2024)
    return `沪(${year})松字不动产权第${String(certificate).padStart(6, '0')}号`
  }

  const registers: Registers = {
    estates: [],
    buildings: [],
    units: [],
    persons: people.persons,
    staff: [],
  }
  for (const plan of PLANS) {
    const { buildings, units } = buildUnits(plan, random, nextCertificate)
    assignOwners(units, random, people)
    registers.estates.push(plan.estate)
    registers.buildings.push(...buildings)
    registers.units.push(...units)
  }

  // Staff of the residents' committees and property companies are town or
  // company employees; they need not live in the estate they serve.
  for (const estate of registers.estates) {
    for (let i = 0; i < 2; i++) {
      const person = people.create(null, 1965)
      registers.staff.push({
        personId: person.id,
        estateId: estate.id,
        org: 'residents-committee',
      })
    }
  }
  for (const estateId of [ESTATE.chenxi, ESTATE.lize]) {
    const person = people.create(null, 1965)
    registers.staff.push({
      personId: person.id,
      estateId,
      org: 'property-company',
    })
  }

  // Members of the owners' committee are owners who live in the estate.
  const residence = new Map(
    people.persons.map((p) => [p.id, p.residenceUnitId]),
  )
  const residentOwners = registers.units.filter(
    (unit) =>
      unit.estateId === ESTATE.chenxi &&
      unit.owners.length === 1 &&
      residence.get(unit.owners[0]) === unit.id,
  )
  for (const unit of random.shuffle(residentOwners).slice(0, 3)) {
    registers.staff.push({
      personId: unit.owners[0],
      estateId: ESTATE.chenxi,
      org: 'owners-committee',
    })
  }
  return registers
}

/** "3号楼1202室" */
export function unitLabel(building: string, room: string): string {
  return `${building}号楼${room}室`
}
