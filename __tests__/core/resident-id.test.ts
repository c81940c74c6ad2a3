import {
  checkResidentId,
  maskResidentId,
  normaliseResidentId,
  residentIdCheckDigit,
} from '@/core/resident-id'

const TODAY = '20261203'

describe('resident ID numbers (GB 11643)', () => {
  // The standard's own worked example.
  it('computes the check digits of well-known examples', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X')
    expect(residentIdCheckDigit('44052418800101001')).toBe('4')
  })

  it('accepts a number whose check digit is X, typed in lower case', () => {
    expect(checkResidentId('11010519491231002x', TODAY)).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      sex: 'female',
    })
  })

  it('reads the sex from the parity of the sequence', () => {
    const first17 = '31011719800101001'
    const id = first17 + residentIdCheckDigit(first17)
    expect(checkResidentId(id, TODAY)).toMatchObject({ ok: true, sex: 'male' })
  })

  it('refuses a wrong check digit', () => {
    expect(checkResidentId('110105194912310021', TODAY)).toEqual({
      ok: false,
      problem: 'check-digit',
    })
  })

  it.each([
    ['', 'empty'],
    ['31011719800101', 'length'],
    ['010117198001010011', 'format'],
    ['31011719800101001A', 'format'],
    ['310117198002300012', 'birth-date'],
    ['310117189901010012', 'birth-date'],
  ])('refuses %p as %s', (value, problem) => {
    expect(checkResidentId(value, TODAY)).toEqual({ ok: false, problem })
  })

  it('refuses a birth date after today', () => {
    const first17 = '31011720261204001'
    const id = first17 + residentIdCheckDigit(first17)
    expect(checkResidentId(id, TODAY)).toEqual({
      ok: false,
      problem: 'birth-date',
    })
    expect(checkResidentId(id, '20261204')).toMatchObject({ ok: true })
  })

  it('ignores spaces people type between groups', () => {
    expect(normaliseResidentId(' 110105 19491231 002x ')).toBe(
      '11010519491231002X',
    )
  })

  it('masks all but the region and the last four characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X')
  })
})
