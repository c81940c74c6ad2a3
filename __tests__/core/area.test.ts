import { formatArea, parseArea } from '@/core/area'

describe('areas in 0.01 m²', () => {
  it.each([
    ['89.53', 8953],
    ['89.5', 8950],
    ['89', 8900],
    ['0.01', 1],
    [' 120.00 ', 12000],
  ])('reads %p as %d', (text, value) => {
    expect(parseArea(text)).toBe(value)
  })

  it.each(['0', '0.00', '-1', '89.531', '1e3', '', '89.', '.5', 'abc'])(
    'refuses %p',
    (text) => {
      expect(parseArea(text)).toBeNull()
    },
  )

  it('adds without floating point error', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004.
    const sum = (parseArea('0.10') ?? 0) + (parseArea('0.20') ?? 0)
    expect(formatArea(sum)).toBe('0.30')
  })

  it('prints two decimals', () => {
    expect(formatArea(8950)).toBe('89.50')
    expect(formatArea(5)).toBe('0.05')
  })
})
