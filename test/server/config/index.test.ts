import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EnvSchema } from '../../../server/config/env.ts'
import { loadConfig } from '../../../server/config/index.ts'
import { defaultPolicy } from '../../helpers/policy.ts'
import { HOOK_SECRET, writePolicyFile } from '../../helpers/server.ts'

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    return (error as { problems: string[] }).problems
  }
  throw new Error('expected the configuration to be refused')
}

describe('configuration from the environment', () => {
  it('defaults to 127.0.0.1:3000 and the offline emulator', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, okta: { mode: 'emulator' } })
    expect(config.policy.email.allowedDomains).toEqual(['example.com'])
  })

  it('treats empty values as unset, as .env files write them', () => {
    expect(loadConfig({ PORT: '', OKTA_ISSUER: '' }).okta.mode).toBe('emulator')
  })

  it('names every bad value at once', () => {
    expect(problems({ PORT: 'eighty', LOG_LEVEL: 'loud', HOOK_AUTH_SECRET: 'short', CORS_ORIGINS: 'https://a.example.com/path' })).toEqual([
      expect.stringMatching(/^PORT: /),
      expect.stringMatching(/^LOG_LEVEL: /),
      expect.stringMatching(/^HOOK_AUTH_SECRET: must be at least 16 characters/),
      expect.stringMatching(/^CORS_ORIGINS: "https:\/\/a.example.com\/path" is not an origin/),
    ])
  })

  it('requires a client id with a real org, and an https or http issuer URL', () => {
    expect(problems({ OKTA_ISSUER: 'https://acme.okta.com/oauth2/default', HOOK_AUTH_SECRET: HOOK_SECRET })).toEqual([
      'OKTA_CLIENT_ID: is required when OKTA_ISSUER is set',
    ])
    expect(problems({ OKTA_ISSUER: 'ftp://acme', OKTA_CLIENT_ID: 'a', HOOK_AUTH_SECRET: HOOK_SECRET })[0]).toMatch(/^OKTA_ISSUER: must be an http\(s\) URL/)
  })

  it('takes one language for every visitor as a language tag, naming a bad one', () => {
    expect(loadConfig({ WIDGET_LANGUAGE: 'pt-BR' }).widgetLanguage).toBe('pt-BR')
    expect(loadConfig({}).widgetLanguage).toBeUndefined()
    expect(() => loadConfig({ WIDGET_LANGUAGE: 'French' })).toThrow(/WIDGET_LANGUAGE: must be a language tag/)
  })

  it('requires the OAuth issuer and audience together', () => {
    expect(problems({ HOOK_OAUTH_ISSUER: 'https://acme.okta.com/oauth2/default' })).toEqual([
      'HOOK_OAUTH_AUDIENCE: HOOK_OAUTH_ISSUER and HOOK_OAUTH_AUDIENCE are set together',
    ])
  })
})

describe('the policy file', () => {
  it('stops the server naming the file and the path of each bad value', () => {
    const file = writePolicyFile({
      ...defaultPolicy,
      email: { allowedDomains: ['example.com', 'exa mple.com'], blockFreeMail: 'yes' },
      consent: { ...defaultPolicy.consent, termsUrl: 'http://insecure.example.com/terms' },
      surprise: true,
    })
    expect(problems({ POLICY_FILE: file })).toEqual([
      `${file}: email.allowedDomains[1]: "exa mple.com" is not a valid domain name`,
      `${file}: email.blockFreeMail: Invalid input: expected boolean, received string`,
      `${file}: consent.termsUrl: must be an https:// URL or a same-origin path starting with /`,
      `${file}: (top level): Unrecognized key: "surprise"`,
    ])
  })

  it('reports a file that is not JSON', () => {
    const file = writePolicyFile('{ "email": ')
    expect(problems({ POLICY_FILE: file })[0]).toMatch(new RegExp(`^${file}: not valid JSON`))
  })

  it('reports a file that does not exist', () => {
    expect(problems({ POLICY_FILE: '/no/such/policy.json' })).toEqual(["/no/such/policy.json: cannot be read (ENOENT)"])
  })

  it('reports a department listed twice, ignoring case and spacing', () => {
    const file = writePolicyFile({ ...defaultPolicy, department: { directory: ['Finance', 'finance '] } })
    expect(problems({ POLICY_FILE: file })).toEqual([`${file}: department.directory[1]: "finance" is listed twice`])
  })

  it('stores allowed domains in their ASCII form', () => {
    const file = writePolicyFile({ ...defaultPolicy, email: { allowedDomains: ['Bücher.DE'] } })
    expect(loadConfig({ POLICY_FILE: file }).policy.email.allowedDomains).toEqual(['xn--bcher-kva.de'])
  })
})

describe('.env.example', () => {
  const lines = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8').split('\n')
  const variable = /^([A-Z][A-Z0-9_]*)=/

  it('lists exactly the variables the server reads', () => {
    const documented = lines.flatMap((line) => variable.exec(line)?.[1] ?? [])
    expect([...documented].sort()).toEqual(Object.keys(EnvSchema.shape).sort())
  })

  it('explains each variable: every group of them follows a comment', () => {
    lines.forEach((line, index) => {
      if (!variable.test(line)) return
      let above = index - 1
      while (above >= 0 && variable.test(lines[above]!)) above--
      expect(lines[above], line).toMatch(/^# \S/)
    })
  })
})
