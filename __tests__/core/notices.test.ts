import fc from 'fast-check'

import {
  audienceIncludes,
  categoriesFor,
  checkPostingRight,
  checkTimes,
  cleanBody,
  cleanTitle,
  compareFeed,
  inFeed,
  mayManage,
  mayOpen,
  matchesSearch,
  NOTICE_CATEGORIES,
  noticeStateAt,
  PUBLISH_SLACK_MS,
  type FeedEntry,
  type StaffRole,
} from '@/core/notices'

const HOUR = 3_600_000
const NOW = Date.UTC(2026, 11, 3, 2)

const OC: StaffRole = { estateId: 'chenxi', org: 'owners-committee' }
const PC: StaffRole = { estateId: 'chenxi', org: 'property-company' }
const RC_LIZE: StaffRole = { estateId: 'lize', org: 'residents-committee' }

describe('who may post what', () => {
  it('lets staff post as their own organisation in their own estate', () => {
    expect(
      checkPostingRight([OC], {
        estateId: 'chenxi',
        org: 'owners-committee',
        category: 'announcement',
        estateHasOwnersCommittee: true,
      }),
    ).toEqual({ ok: true })
  })

  it('refuses posting as an organisation the person does not serve', () => {
    expect(
      checkPostingRight([PC], {
        estateId: 'chenxi',
        org: 'owners-committee',
        category: 'announcement',
        estateHasOwnersCommittee: true,
      }),
    ).toEqual({ ok: false, problem: 'not-staff' })
  })

  it('refuses posting in another estate', () => {
    expect(
      checkPostingRight([OC], {
        estateId: 'lize',
        org: 'owners-committee',
        category: 'announcement',
        estateHasOwnersCommittee: false,
      }),
    ).toEqual({ ok: false, problem: 'not-staff' })
  })

  it('keeps meeting and decision notices to the committees', () => {
    expect(categoriesFor('property-company', true)).toEqual([
      'announcement',
      'rectification',
      'public-income',
      'emergency',
    ])
    expect(categoriesFor('owners-committee', true)).toEqual([
      ...NOTICE_CATEGORIES,
    ])
  })

  it('lets the residents committee publish public income only where there is no owners committee', () => {
    expect(categoriesFor('residents-committee', true)).not.toContain(
      'public-income',
    )
    expect(
      checkPostingRight([RC_LIZE], {
        estateId: 'lize',
        org: 'residents-committee',
        category: 'public-income',
        estateHasOwnersCommittee: false,
      }),
    ).toEqual({ ok: true })
  })

  it('lets only the authoring organisation manage a notice', () => {
    const notice = {
      estateId: 'chenxi',
      authorOrg: 'owners-committee' as const,
    }
    expect(mayManage([OC], notice)).toBe(true)
    expect(mayManage([PC], notice)).toBe(false)
    expect(mayManage([{ ...OC, estateId: 'lize' }], notice)).toBe(false)
  })
})

describe('who sees a notice', () => {
  const toB5 = { kind: 'buildings' as const, buildings: ['5'] }

  it('reaches a person who owns or lives in a targeted building', () => {
    expect(audienceIncludes(toB5, { buildings: ['5'], staff: false })).toBe(
      true,
    )
    expect(
      audienceIncludes(toB5, { buildings: ['2', '5'], staff: false }),
    ).toBe(true)
  })

  it('does not reach a person of another building', () => {
    expect(audienceIncludes(toB5, { buildings: ['2'], staff: false })).toBe(
      false,
    )
  })

  it('reaches everyone of the estate when sent to the estate', () => {
    expect(
      audienceIncludes({ kind: 'estate' }, { buildings: ['2'], staff: false }),
    ).toBe(true)
  })

  it('shows staff of the estate every notice', () => {
    expect(audienceIncludes(toB5, { buildings: [], staff: true })).toBe(true)
  })
})

describe('a notice over time', () => {
  const times = { publishAt: NOW, endsAt: NOW + 24 * HOUR, withdrawnAt: null }

  it('is scheduled before its publish time, live until its end, then ended', () => {
    expect(noticeStateAt(times, NOW - 1)).toBe('scheduled')
    expect(noticeStateAt(times, NOW)).toBe('live')
    expect(noticeStateAt(times, NOW + 24 * HOUR - 1)).toBe('live')
    expect(noticeStateAt(times, NOW + 24 * HOUR)).toBe('ended')
  })

  it('stays withdrawn, and in the feed, once withdrawn', () => {
    const withdrawn = { ...times, withdrawnAt: NOW + HOUR }
    expect(noticeStateAt(withdrawn, NOW + 2 * HOUR)).toBe('withdrawn')
    expect(inFeed(withdrawn, false, NOW + 2 * HOUR)).toBe(true)
  })

  it('keeps scheduled and ended notices out of a resident feed but not out of staff view', () => {
    expect(inFeed(times, false, NOW - 1)).toBe(false)
    expect(inFeed(times, false, NOW + 25 * HOUR)).toBe(false)
    expect(inFeed(times, true, NOW - 1)).toBe(true)
    expect(mayOpen(times, false, NOW - 1)).toBe(false)
    expect(mayOpen(times, false, NOW + 25 * HOUR)).toBe(true)
  })

  it('refuses an end before the start and a start in the past', () => {
    expect(checkTimes(NOW, NOW, NOW)).toBe('ends-before-publish')
    expect(checkTimes(NOW - PUBLISH_SLACK_MS - 1, null, NOW)).toBe(
      'publish-in-past',
    )
    expect(checkTimes(NOW - PUBLISH_SLACK_MS, NOW + 1, NOW)).toBeNull()
  })
})

describe('the feed order', () => {
  const entry = (
    id: string,
    publishAt: number,
    extra: Partial<FeedEntry> = {},
  ): FeedEntry => ({
    id,
    publishAt,
    endsAt: null,
    withdrawnAt: null,
    pinned: false,
    ...extra,
  })

  it('puts pinned live notices first, then the newest', () => {
    const list = [
      entry('old', NOW - 3 * HOUR),
      entry('new', NOW - HOUR),
      entry('pinned', NOW - 5 * HOUR, { pinned: true }),
      entry('pulled', NOW - 2 * HOUR, { pinned: true, withdrawnAt: NOW }),
    ]
    expect(
      list.sort((a, b) => compareFeed(a, b, NOW)).map((e) => e.id),
    ).toEqual(['pinned', 'new', 'pulled', 'old'])
  })

  it('gives one order whatever order the notices arrive in', () => {
    const arb = fc.record({
      id: fc.string({ maxLength: 3 }),
      publishAt: fc.integer({ min: NOW - 10, max: NOW + 10 }),
      endsAt: fc.constant(null),
      withdrawnAt: fc.option(fc.constant(NOW - 1), { nil: null }),
      pinned: fc.boolean(),
    })
    fc.assert(
      fc.property(
        fc.uniqueArray(arb, { maxLength: 12, selector: (e) => e.id }),
        (entries) => {
          const a = [...entries].sort((x, y) => compareFeed(x, y, NOW))
          const b = [...entries]
            .reverse()
            .sort((x, y) => compareFeed(x, y, NOW))
          expect(a.map((e) => JSON.stringify(e))).toEqual(
            b.map((e) => JSON.stringify(e)),
          )
        },
      ),
    )
  })
})

describe('search and plain text', () => {
  it('finds a notice when every word appears in its title or body', () => {
    const notice = {
      title: '3号楼停水通知',
      body: '12月5日 9:00–17:00 更换水泵',
    }
    expect(matchesSearch(notice, '停水 水泵')).toBe(true)
    expect(matchesSearch(notice, '停电')).toBe(false)
    expect(matchesSearch(notice, '   ')).toBe(true)
  })

  it('keeps markup as the text it is', () => {
    expect(cleanBody('<script>alert(1)</script>')).toBe(
      '<script>alert(1)</script>',
    )
  })

  it('drops invisible control characters and direction overrides', () => {
    expect(cleanBody('a\u202eb\u0007c\r\nd')).toBe('abc\nd')
    expect(cleanTitle(' 第一行\n 第二行 ')).toBe('第一行 第二行')
  })
})
