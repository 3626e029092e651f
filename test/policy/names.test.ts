import { describe, expect, it } from 'vitest'
import { registrationPolicy } from '../helpers/policy.ts'

const policy = registrationPolicy()
const check = (firstName: unknown) => policy.evaluate({ firstName }, { mode: 'profileUpdate' })

describe('name rules', () => {
  it.each(['Ana', 'José', "O'Brien", 'Mary-Ann', 'J.R.R.', 'St. John', 'Nguyễn Văn', '山田', 'Владимир', 'Ana’s', 'محمد', 'x'])(
    'accepts %s',
    (name) => {
      expect(check(name).issues).toEqual([])
    },
  )

  it.each([
    ['R2D2', 'digits'],
    ['<b>Ana</b>', 'markup'],
    ['Ana\u0000', 'a control character'],
    ['evil.com', 'a web address'],
    ['https://evil', 'a URL'],
    ['   ', 'only spaces'],
    ['', 'nothing'],
    ['-', 'no letter'],
    ['A'.repeat(51), '51 characters'],
  ])('rejects %j (%s) with INVALID_NAME and a message the user can act on', (name) => {
    const { issues } = check(name)
    expect(issues).toEqual([
      { attribute: 'firstName', reason: 'INVALID_NAME', message: 'Use 1 to 50 letters, spaces, apostrophes, hyphens or periods.' },
    ])
  })

  it('counts characters, not UTF-16 units: 50 astral letters pass', () => {
    expect(check('𠀀'.repeat(50)).issues).toEqual([])
  })

  it('trims and collapses spaces in the stored value', () => {
    expect(check('  Mary   Ann ').updates.firstName).toBe('Mary Ann')
  })

  it('rejects a name that is not text', () => {
    expect(check(12).issues[0]?.reason).toBe('INVALID_NAME')
  })
})
