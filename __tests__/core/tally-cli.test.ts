import { spawnSync } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

function runTally(input: string) {
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), 'scripts/tally.ts', '-'],
    { cwd: ROOT, input, encoding: 'utf8' },
  )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const ROLL = [
  { id: '3-1202', area: '89.53', owners: ['p1', 'p2'], developerHeld: false },
  { id: '3-1203', area: '60.50', owners: ['p3'], developerHeld: false },
  { id: '3-1204', area: '100', owners: [], developerHeld: true },
]

describe('npm run tally', () => {
  it('prints the result of an item as JSON with two-decimal areas', () => {
    const { status, stdout } = runTally(
      JSON.stringify({
        matter: 'ordinary',
        units: ROLL,
        votes: [
          { unit: '3-1202', choice: 'agree' },
          { unit: '3-1203', choice: 'abstain' },
          { unit: '3-1204', choice: 'agree' },
        ],
      }),
    )
    expect(status).toBe(0)
    expect(JSON.parse(stdout)).toEqual({
      totals: { area: '250.03', headcount: 3 },
      participating: { area: '250.03', headcount: 3 },
      agree: { area: '189.53', headcount: 2 },
      oppose: { area: '0.00', headcount: 0 },
      abstain: { area: '60.50', headcount: 1 },
      quorum: true,
      approved: true,
    })
  })

  it.each([
    [
      'an unknown unit',
      { votes: [{ unit: '9-9', choice: 'agree' }] },
      /unknown unit: 9-9/,
    ],
    [
      'a duplicate unit',
      { units: [ROLL[0], ROLL[0]] },
      /duplicate unit: 3-1202/,
    ],
    [
      'an area with three decimals',
      { units: [{ ...ROLL[0], area: '89.531' }] },
      /area .*3-1202/,
    ],
    ['an unknown matter', { matter: 'urgent' }, /unknown matter.*urgent/],
    [
      'conflicting choices of one person',
      {
        units: [
          { id: 'a', area: '50', owners: ['p1'] },
          { id: 'b', area: '50', owners: ['p1'] },
        ],
        votes: [
          { unit: 'a', choice: 'agree' },
          { unit: 'b', choice: 'oppose' },
        ],
      },
      /two different choices.*b/,
    ],
  ])('exits with status 2 naming %s', (_name, change, message) => {
    const input = { matter: 'ordinary', units: ROLL, votes: [], ...change }
    const { status, stdout, stderr } = runTally(JSON.stringify(input))
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(message)
  })

  it('exits with status 2 on text that is not JSON', () => {
    const { status, stderr } = runTally('{"matter":')
    expect(status).toBe(2)
    expect(stderr).toMatch(/^tally: not valid JSON/)
  })

  it('counts an election item: each candidate, the quorum and who is elected', () => {
    const units = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      area: '50.00',
      owners: [`p-${id}`],
    }))
    const { status, stdout } = runTally(
      JSON.stringify({
        kind: 'election',
        seats: 1,
        maxPicks: 1,
        candidates: [
          { id: 'x', name: '甲物业' },
          { id: 'y', name: '乙物业' },
        ],
        units,
        votes: [
          { unit: 'a', picks: ['x'] },
          { unit: 'b', picks: ['x'] },
          { unit: 'c', picks: ['x'] },
          { unit: 'd', picks: [] },
        ],
      }),
    )
    expect(status).toBe(0)
    expect(JSON.parse(stdout)).toEqual({
      totals: { area: '200.00', headcount: 4 },
      participating: { area: '200.00', headcount: 4 },
      abstain: { area: '50.00', headcount: 1 },
      candidates: [
        {
          id: 'x',
          name: '甲物业',
          area: '150.00',
          headcount: 3,
          qualified: true,
          elected: true,
        },
        {
          id: 'y',
          name: '乙物业',
          area: '0.00',
          headcount: 0,
          qualified: false,
          elected: false,
        },
      ],
      quorum: true,
      elected: ['x'],
      runoff: [],
      outcome: 'elected',
    })
  })

  it('exits with status 2 when an owner picks more candidates than allowed', () => {
    const { status, stderr } = runTally(
      JSON.stringify({
        kind: 'election',
        seats: 1,
        candidates: [{ id: 'x' }, { id: 'y' }],
        units: [ROLL[0]],
        votes: [{ unit: '3-1202', picks: ['x', 'y'] }],
      }),
    )
    expect(status).toBe(2)
    expect(stderr).toMatch(/more candidates picked than allowed.*3-1202/)
  })
})
