import { describe, expect, it } from 'vitest'
import { compilePolicy } from '../../policy/index.ts'
import { SHIPPED_MESSAGES } from '../../policy/messages.ts'
import { PolicySchema } from '../../policy/schema.ts'
import { allowedProfile } from '../helpers/hookRequests.ts'
import { defaultPolicy, policyWith, registrationPolicy } from '../helpers/policy.ts'

const policy = registrationPolicy()
const acceptedAt = '2026-11-21T10:00:00.000Z'

describe('a whole registration under the default policy', () => {
  it('allows a valid profile and returns normalized values with consent stamps', () => {
    const result = policy.evaluate(
      { ...allowedProfile, firstName: ' Rosario ', department: 'engineering', email: 'rosario.jones@EXAMPLE.com', login: 'rosario.jones@EXAMPLE.com' },
      { mode: 'registration', acceptedAt },
    )
    expect(result).toEqual({
      issues: [],
      updates: {
        firstName: 'Rosario',
        lastName: 'Jones',
        email: 'rosario.jones@example.com',
        login: 'rosario.jones@example.com',
        department: 'Engineering',
        termsVersion: '2026-01',
        termsAcceptedAt: acceptedAt,
      },
    })
  })

  it('reports every failing field at once, in form order', () => {
    const { issues } = policy.evaluate(
      { firstName: 'R2', lastName: 'Jones', email: 'r@gmail.com', department: 'Nope', termsAccepted: false },
      { mode: 'registration', acceptedAt },
    )
    expect(issues.map((issue) => [issue.attribute, issue.reason])).toEqual([
      ['firstName', 'INVALID_NAME'],
      ['email', 'INVALID_EMAIL_DOMAIN'],
      ['department', 'UNKNOWN_DEPARTMENT'],
      ['termsAccepted', 'TERMS_NOT_ACCEPTED'],
    ])
  })

  it('requires the consent box to be checked', () => {
    const { issues } = policy.evaluate({ ...allowedProfile, termsAccepted: undefined }, { mode: 'registration' })
    expect(issues).toEqual([
      {
        attribute: 'termsAccepted',
        reason: 'TERMS_NOT_ACCEPTED',
        message: 'To create an account, agree to the Terms of Service and Privacy Policy.',
      },
    ])
  })

  it('accepts consent sent as the string "true", as radio-style booleans arrive', () => {
    expect(policy.evaluate({ ...allowedProfile, termsAccepted: 'true' }, { mode: 'registration' }).issues).toEqual([])
  })

  it('stamps nothing when stamping is turned off', () => {
    const unstamped = registrationPolicy({
      consent: { version: 'v1', termsUrl: '/t', privacyUrl: '/p', stamp: { enabled: false } },
    })
    const { updates } = unstamped.evaluate(allowedProfile, { mode: 'registration', acceptedAt })
    expect(updates).not.toHaveProperty('termsVersion')
    expect(updates).not.toHaveProperty('termsAcceptedAt')
  })

  it('uses the messages of the policy file, filling in placeholders', () => {
    const custom = registrationPolicy({ messages: { emailDomainNotAllowed: 'Only {allowedDomains}, please.' } })
    const { issues } = custom.evaluate({ ...allowedProfile, email: 'a@b.org' }, { mode: 'registration' })
    expect(issues[0]?.message).toBe('Only example.com, please.')
  })

  it('checks only the attributes a progressive-profile update carries', () => {
    expect(policy.evaluate({ employeeNumber: '1234' }, { mode: 'profileUpdate' })).toEqual({ issues: [], updates: {} })
  })

  it('ignores inherited properties of the profile object', () => {
    const profile = Object.create({ firstName: 'R2D2' }) as Record<string, unknown>
    expect(policy.evaluate(profile, { mode: 'profileUpdate' }).issues).toEqual([])
  })
})

describe('messages per language', () => {
  it('ships English, French, German and Spanish, and reads a file that gives the keys directly as English', () => {
    const policy = policyWith({ messages: { summary: 'Please fix the fields below.' } })
    expect(Object.keys(policy.messages).sort()).toEqual(['de', 'en', 'es', 'fr'])
    expect(policy.messages.en!.summary).toBe('Please fix the fields below.')
  })

  it('fills a language’s missing message from the policy’s own English, not from a default that says something else', () => {
    const policy = policyWith({ messages: { en: { termsNotAccepted: 'Tick the box.' }, fr: { summary: 'Corrigez les champs.' } } })
    expect(policy.messages.fr!.summary).toBe('Corrigez les champs.')
    expect(policy.messages.fr!.termsNotAccepted).toBe('Tick the box.')
    expect(policy.messages.fr!.invalidEmail).toBe(SHIPPED_MESSAGES.fr!.invalidEmail)
  })

  it('adds a language the product does not ship, English where the file says nothing', () => {
    const policy = policyWith({ messages: { it: { summary: 'Correggi i campi.' } } })
    expect(policy.messages.it!.summary).toBe('Correggi i campi.')
    expect(policy.messages.it!.invalidEmail).toBe(SHIPPED_MESSAGES.en!.invalidEmail)
    const compiled = compilePolicy(policy)
    expect(compiled.language('it-IT')).toBe('it')
    expect(compiled.language('pt-BR')).toBe('en')
  })

  it('rejects at boot a bad language tag or an unknown placeholder, naming where', () => {
    const tag = PolicySchema.safeParse({ ...defaultPolicy, messages: { French: { summary: 'x' } } })
    expect(tag.error?.issues[0]?.path).toEqual(['messages', 'French'])
    const placeholder = PolicySchema.safeParse({ ...defaultPolicy, messages: { de: { freeEmail: 'Nicht {domian}.' } } })
    expect(placeholder.error?.issues[0]).toMatchObject({ path: ['messages', 'de', 'freeEmail'], message: expect.stringContaining('{domian}') })
  })

  it('lists allowed domains with the language’s own “or”', () => {
    const compiled = compilePolicy(policyWith({ email: { allowedDomains: ['example.com', 'example.org'] } }))
    const { issues } = compiled.evaluate({ ...allowedProfile, email: 'ana@gmail.com' }, { mode: 'registration', locale: 'de' })
    expect(issues[0]?.message).toContain('example.com oder example.org')
  })
})
