import fc from 'fast-check'

import {
  actionsFor,
  checkTransition,
  deadlinesOf,
  FINAL_STATES,
  firstHandler,
  isOverdue,
  REPAIR_ACTIONS,
  REPAIR_STATES,
  TRANSITIONS,
} from '@/core/repair-case'

const HOUR = 3_600_000
const REPORTED = Date.UTC(2026, 11, 3, 2, 0, 0)

describe('the transition table', () => {
  it('walks the happy path from report to confirmation', () => {
    const path = [
      ['submitted', 'accept', 'handler', 'accepted'],
      ['accepted', 'assign', 'handler', 'assigned'],
      ['assigned', 'start', 'handler', 'in-progress'],
      ['in-progress', 'resolve', 'handler', 'resolved'],
      ['resolved', 'confirm', 'reporter', 'closed'],
    ] as const
    for (const [state, action, actor, to] of path) {
      expect(checkTransition(state, action, actor)).toEqual({ ok: true, to })
    }
  })

  it('lets only the reporter confirm, reopen and cancel', () => {
    expect(checkTransition('resolved', 'confirm', 'handler')).toEqual({
      ok: false,
      problem: 'wrong-actor',
    })
    expect(actionsFor('submitted', 'reporter')).toEqual(['cancel'])
    expect(actionsFor('resolved', 'reporter')).toEqual(['confirm', 'reopen'])
  })

  it('offers the handler of a new case accept, reject, transfer and merge', () => {
    expect(actionsFor('submitted', 'handler')).toEqual([
      'accept',
      'reject',
      'transfer',
      'merge',
    ])
  })

  it('allows nothing from a final state', () => {
    for (const state of FINAL_STATES) {
      expect(actionsFor(state, 'handler')).toEqual([])
      expect(actionsFor(state, 'reporter')).toEqual([])
    }
  })

  it('leads every action into a known state, from known states only', () => {
    for (const action of REPAIR_ACTIONS) {
      const rule = TRANSITIONS[action]
      expect(REPAIR_STATES).toContain(rule.to)
      rule.from.forEach((s) => expect(REPAIR_STATES).toContain(s))
    }
  })

  it('agrees with actionsFor for every state, action and actor', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPAIR_STATES),
        fc.constantFrom(...REPAIR_ACTIONS),
        fc.constantFrom('reporter' as const, 'handler' as const),
        (state, action, actor) => {
          const allowed = checkTransition(state, action, actor).ok
          expect(actionsFor(state, actor).includes(action)).toBe(allowed)
        },
      ),
    )
  })
})

describe('who handles a case first', () => {
  it('is the property company, or the residents’ committee for shops and where there is none', () => {
    expect(firstHandler('lift', true)).toBe('property-company')
    expect(firstHandler('shop-nuisance', true)).toBe('residents-committee')
    expect(firstHandler('lift', false)).toBe('residents-committee')
  })
})

describe('promised times', () => {
  it('marks an emergency not accepted within 30 minutes as overdue', () => {
    const deadlines = deadlinesOf('emergency', REPORTED)
    expect(deadlines.acceptBy - REPORTED).toBe(0.5 * HOUR)
    expect(isOverdue('submitted', deadlines, REPORTED + 0.5 * HOUR)).toBe(false)
    expect(isOverdue('submitted', deadlines, REPORTED + 0.5 * HOUR + 1)).toBe(
      true,
    )
    expect(isOverdue('accepted', deadlines, REPORTED + 2 * HOUR)).toBe(false)
  })

  it('marks an open case past its resolve time, but not one waiting for confirmation', () => {
    const deadlines = deadlinesOf('normal', REPORTED)
    const late = REPORTED + 7 * 24 * HOUR + 1
    expect(isOverdue('in-progress', deadlines, late)).toBe(true)
    expect(isOverdue('resolved', deadlines, late)).toBe(false)
    expect(isOverdue('closed', deadlines, late)).toBe(false)
  })
})
