import { ballotPhaseAt, type BallotSchedule } from '@/core/ballot'

const DAY = 86_400_000
const schedule: BallotSchedule = {
  announcedAt: 0,
  opensAt: 10 * DAY,
  closesAt: 20 * DAY,
  publishedAt: null,
}

describe('a ballot follows the clock', () => {
  it('is a draft until announced', () => {
    expect(ballotPhaseAt({ ...schedule, announcedAt: null }, 15 * DAY)).toBe(
      'draft',
    )
  })

  it('is announced before it opens', () => {
    expect(ballotPhaseAt(schedule, 10 * DAY - 1)).toBe('announced')
  })

  it('opens at the opening time', () => {
    expect(ballotPhaseAt(schedule, 10 * DAY)).toBe('open')
  })

  it('closes at the deadline itself', () => {
    expect(ballotPhaseAt(schedule, 20 * DAY - 1)).toBe('open')
    expect(ballotPhaseAt(schedule, 20 * DAY)).toBe('closed')
  })

  it('stays published once its result is out', () => {
    expect(
      ballotPhaseAt({ ...schedule, publishedAt: 21 * DAY }, 30 * DAY),
    ).toBe('published')
  })
})
