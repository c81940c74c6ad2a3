import {
  isMeaningfulUpdate,
  itemProgress,
  summariseList,
} from '@/core/rectification'

describe('the rectification list', () => {
  it('marks an unfinished item overdue only after its deadline day', () => {
    const item = { status: 'in-progress' as const, deadline: '2026-12-03' }
    expect(itemProgress(item, '2026-12-03')).toBe('in-progress')
    expect(itemProgress(item, '2026-12-04')).toBe('overdue')
    expect(itemProgress({ ...item, status: 'done' }, '2027-01-01')).toBe('done')
  })

  it('counts done and overdue items', () => {
    expect(
      summariseList(
        [
          { status: 'done', deadline: '2026-10-01' },
          { status: 'pending', deadline: '2026-11-01' },
          { status: 'in-progress', deadline: '2027-01-15' },
        ],
        '2026-12-03',
      ),
    ).toEqual({ total: 3, done: 1, overdue: 1 })
  })

  it('refuses an update that neither changes the status nor says anything', () => {
    expect(isMeaningfulUpdate('pending', 'pending', '  ')).toBe(false)
    expect(isMeaningfulUpdate('pending', 'pending', '已进场')).toBe(true)
    expect(isMeaningfulUpdate('pending', 'done', '')).toBe(true)
  })
})
