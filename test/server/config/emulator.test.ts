import { describe, expect, it } from 'vitest'
import { HOOK_SECRET, writePolicyFile } from '../../helpers/server.ts'
import { loadConfig } from '../../../server/config/index.ts'

describe('the emulator’s configuration', () => {
  it('registers the EMULATOR_REDIRECT_URIS for the client besides the page’s own', () => {
    const { okta } = loadConfig({ EMULATOR_REDIRECT_URIS: 'http://localhost:8080/callback, https://app.example.com/cb' })
    expect(okta).toMatchObject({ mode: 'emulator', redirectUris: ['http://localhost:8080/callback', 'https://app.example.com/cb'] })
    expect(loadConfig({}).okta).toMatchObject({ redirectUris: [] })
  })

  it('refuses a redirect URI that is relative, not http(s) or has a fragment, naming it', () => {
    expect(() => loadConfig({ EMULATOR_REDIRECT_URIS: '/callback,ftp://app.example.com/cb,https://app.example.com/cb#x' })).toThrow(
      expect.objectContaining({
        problems: [
          'EMULATOR_REDIRECT_URIS: "/callback" is not an absolute http(s) URL without a fragment',
          'EMULATOR_REDIRECT_URIS: "ftp://app.example.com/cb" is not an absolute http(s) URL without a fragment',
          'EMULATOR_REDIRECT_URIS: "https://app.example.com/cb#x" is not an absolute http(s) URL without a fragment',
        ],
      }),
    )
  })

  /** A seed file as an operator writes it (the policy helper writes any JSON to a fresh file). */
  const seedFile = writePolicyFile

  it('reads the EMULATOR_USERS seed file', () => {
    const file = seedFile([{ login: 'grace@example.com', password: 'Seeded-Pass-1', profile: { firstName: 'Grace' } }])
    expect(loadConfig({ EMULATOR_USERS: file }).okta).toMatchObject({ seedUsers: [{ login: 'grace@example.com', profile: { firstName: 'Grace' } }] })
  })

  it('stops the server naming the seed file and each bad entry', () => {
    const file = seedFile([
      { login: 'grace@example.com', password: 'x', profile: {} },
      { login: 'not-an-email', password: '', profile: { department: { nested: true } } },
      { login: 'GRACE@example.com', password: 'x', profile: {}, role: 'admin' },
    ])
    expect(() => loadConfig({ EMULATOR_USERS: file })).toThrow(
      expect.objectContaining({
        problems: [
          expect.stringMatching(new RegExp(`^EMULATOR_USERS ${file}: \\[1\\]\\.login: `)),
          expect.stringMatching(/\[1\]\.password: /),
          expect.stringMatching(/\[1\]\.profile\.department: /),
          expect.stringMatching(/\[2\]: Unrecognized key: "role"/),
        ],
      }),
    )
    expect(() => loadConfig({ EMULATOR_USERS: seedFile([{ login: 'a@example.com', password: 'x', profile: {} }, { login: 'A@example.com', password: 'x', profile: {} }]) })).toThrow(
      expect.objectContaining({ problems: [expect.stringMatching(/\[1\]\.login: A@example.com is already the login of \[0\]$/)] }),
    )
    expect(() => loadConfig({ EMULATOR_USERS: '/nowhere/users.json' })).toThrow(expect.objectContaining({ problems: ['EMULATOR_USERS /nowhere/users.json: cannot be read'] }))
  })

  it('refuses a non-loopback HOST unless EMULATOR_ALLOW_REMOTE=true, and only offline', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(expect.objectContaining({ problems: [expect.stringMatching(/^HOST: 0\.0\.0\.0 is not a loopback address/)] }))
    expect(loadConfig({ HOST: '0.0.0.0', EMULATOR_ALLOW_REMOTE: 'true' }).host).toBe('0.0.0.0')
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.1.2.3']) expect(loadConfig({ HOST: host }).host).toBe(host)
    const org = { OKTA_ISSUER: 'https://acme.okta.com/oauth2/default', OKTA_CLIENT_ID: 'x', HOOK_AUTH_SECRET: HOOK_SECRET }
    expect(loadConfig({ ...org, HOST: '0.0.0.0' }).host).toBe('0.0.0.0')
  })

  it('bounds the live transactions at EMULATOR_MAX_TRANSACTIONS (default 1,000)', () => {
    expect(loadConfig({}).okta).toMatchObject({ maxTransactions: 1000 })
    expect(loadConfig({ EMULATOR_MAX_TRANSACTIONS: '50' }).okta).toMatchObject({ maxTransactions: 50 })
    expect(() => loadConfig({ EMULATOR_MAX_TRANSACTIONS: '0' })).toThrow(expect.objectContaining({ problems: [expect.stringMatching(/^EMULATOR_MAX_TRANSACTIONS: /)] }))
  })

  it('reads the authentication policy from EMULATOR_SIGN_IN_FACTORS (default: the password alone), naming a bad value', () => {
    expect(loadConfig({}).okta).toMatchObject({ signInFactors: ['password'] })
    expect(loadConfig({ EMULATOR_SIGN_IN_FACTORS: 'password, email' }).okta).toMatchObject({ signInFactors: ['password', 'email'] })
    expect(() => loadConfig({ EMULATOR_SIGN_IN_FACTORS: 'password,sms' })).toThrow(
      expect.objectContaining({ problems: ['EMULATOR_SIGN_IN_FACTORS: "sms" is not a sign-in factor: use password or password,email'] }),
    )
    expect(() => loadConfig({ EMULATOR_SIGN_IN_FACTORS: 'email' })).toThrow(
      expect.objectContaining({ problems: ['EMULATOR_SIGN_IN_FACTORS: "email" must start with password: use password or password,email'] }),
    )
  })
})
