import { isMainlandMobile, maskName, maskPhone } from '@/core/person'

describe('phones', () => {
  it.each(['13912345678', '+86 139 1234 5678', '139-1234-5678'])(
    'accepts %p',
    (phone) => expect(isMainlandMobile(phone)).toBe(true),
  )

  it.each(['12912345678', '1391234567', '021-12345678', ''])(
    'refuses %p',
    (phone) => expect(isMainlandMobile(phone)).toBe(false),
  )

  it('masks the middle four digits', () => {
    expect(maskPhone('13912345678')).toBe('139****5678')
  })
})

describe('names', () => {
  it.each([
    ['王', '王'],
    ['王芳', '王*'],
    ['张晓明', '张*明'],
    ['欧阳修文', '欧阳**'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })
})
