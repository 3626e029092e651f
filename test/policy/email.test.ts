import { describe, expect, it } from 'vitest'
import { createEmailProviders } from '../../server/emailProviders.ts'
import { registrationPolicy } from '../helpers/policy.ts'

const providers = createEmailProviders()

function emailIssue(email: unknown, policy = registrationPolicy()) {
  const { issues, updates } = policy.evaluate({ email }, { mode: 'profileUpdate', providers })
  return { reason: issues[0]?.reason, message: issues[0]?.message, email: updates.email }
}

describe('email rules of the default policy (example.com and its subdomains)', () => {
  it.each(['ana@example.com', 'ana@mail.example.com', 'ana@a.b.example.com', 'Ana.Lopez+x@EXAMPLE.com'])(
    'allows %s',
    (email) => {
      expect(emailIssue(email).reason).toBeUndefined()
    },
  )

  it.each([
    ['evil-example.com', 'a look-alike that only ends with the name'],
    ['example.com.evil.io', 'the allowed name used as a subdomain'],
    ['notexample.com', 'a longer label'],
    ['exаmple.com', 'a Cyrillic "а" in the name'],
    ['xn--exmple-4nf.com', 'the punycode of that look-alike'],
    ['example.co', 'another top-level domain'],
  ])('denies %s (%s) with INVALID_EMAIL_DOMAIN and says which domain may register', (domain) => {
    const issue = emailIssue(`ana@${domain}`)
    expect(issue.reason).toBe('INVALID_EMAIL_DOMAIN')
    expect(issue.message).toContain('example.com')
  })

  it.each([
    ['ana@@example.com', 'two @'],
    ['ana@exa@mple.com', 'two @ apart'],
    ['ana@example..com', 'an empty label'],
    ['ana@.example.com', 'an empty first label'],
    ['ana@example.com.', 'a trailing dot'],
    ['ana @example.com', 'a space in the local part'],
    ['ana@exam ple.com', 'a space in the domain'],
    ['ana@', 'no domain'],
    ['@example.com', 'no local part'],
    ['ana.example.com', 'no @'],
    ['ana@localhost', 'a single-label domain'],
    ['ana@127.0.0.1', 'an IP address'],
    ['ana@example.com/path', 'a path'],
    ['a..b@example.com', 'two dots in the local part'],
    ['', 'nothing'],
  ])('rejects %j (%s) with INVALID_EMAIL', (email) => {
    expect(emailIssue(email).reason).toBe('INVALID_EMAIL')
  })

  it('rejects a value that is not text with INVALID_EMAIL', () => {
    expect(emailIssue(42).reason).toBe('INVALID_EMAIL')
    expect(emailIssue(null).reason).toBe('INVALID_EMAIL')
  })

  it('lower-cases the domain only, keeping the local part as typed', () => {
    expect(emailIssue('  Ana.Lopez@Mail.EXAMPLE.com ').email).toBe('Ana.Lopez@mail.example.com')
  })
})

describe('email rules with an empty allow-list', () => {
  const open = registrationPolicy({ email: { allowedDomains: [], deniedDomains: ['competitor.io'] } })

  it('allows an ordinary company domain', () => {
    expect(emailIssue('ana@acme-industries.co.uk', open).reason).toBeUndefined()
  })

  it('denies free-mail providers with FREE_EMAIL_PROVIDER', () => {
    const issue = emailIssue('ana@gmail.com', open)
    expect(issue.reason).toBe('FREE_EMAIL_PROVIDER')
    expect(issue.message).toContain('gmail.com')
  })

  it('denies disposable providers, subdomains included, with DISPOSABLE_EMAIL', () => {
    expect(emailIssue('ana@mailinator.com', open).reason).toBe('DISPOSABLE_EMAIL')
    expect(emailIssue('ana@eu.mailinator.com', open).reason).toBe('DISPOSABLE_EMAIL')
  })

  it('denies listed domains and their subdomains with INVALID_EMAIL_DOMAIN', () => {
    expect(emailIssue('ana@competitor.io', open).reason).toBe('INVALID_EMAIL_DOMAIN')
    expect(emailIssue('ana@eu.competitor.io', open).reason).toBe('INVALID_EMAIL_DOMAIN')
  })

  it('denies a domain that mixes look-alike scripts in one label', () => {
    expect(emailIssue('ana@раypal.com', open).reason).toBe('INVALID_EMAIL_DOMAIN')
  })

  it('accepts an internationalized domain written in one script and keeps it readable', () => {
    const issue = emailIssue('ana@Bücher.de', open)
    expect(issue.reason).toBeUndefined()
    expect(issue.email).toBe('ana@bücher.de')
  })

  it('rejects a name with no registrable domain under the public suffix list', () => {
    expect(emailIssue('ana@co.uk', open).reason).toBe('INVALID_EMAIL')
  })

  it('lets free-mail through when the policy turns that check off', () => {
    const lenient = registrationPolicy({ email: { allowedDomains: [], blockFreeMail: false } })
    expect(emailIssue('ana@gmail.com', lenient).reason).toBeUndefined()
  })
})
