import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { HookResponse } from '../../server/hook/contract.ts'
import { buildPreviewRequest } from '../../tools/hookPreview/request.ts'
import { oktaFixture } from '../fixtures/okta/index.ts'
import { freePort } from '../helpers/compiledServer.ts'
import { buildTestServer, HOOK_SECRET } from '../helpers/server.ts'

const run = promisify(execFile)

/** The object's key structure (what the documented payloads fix), without its values. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return typeof value
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shape((value as Record<string, unknown>)[key])]))
}

describe('hook preview request', () => {
  const post = async (body: unknown) =>
    (await buildTestServer()).inject({ method: 'POST', url: '/hooks/registration', headers: { authorization: HOOK_SECRET }, payload: body as object })

  it('has the documented self-service registration shape apart from the form values', () => {
    const request = buildPreviewRequest({ email: 'rosario.jones@example.com', firstName: 'Rosario', lastName: 'Jones' })
    expect(shape(request)).toEqual(shape(oktaFixture('hook/ssr-request.json')))
  })

  it('has the documented progressive profile shape with the update as userProfileUpdate', () => {
    const request = buildPreviewRequest({ email: 'rosario.jones@example.com', department: 'Legal', progressive: true })
    const documented = oktaFixture('hook/progressive-profile-request.json')
    documented.data.userProfileUpdate = { department: 'Legal' }
    documented.data.context.user.profile = { login: '', email: '', locale: '' }
    expect(shape(request)).toEqual(shape(documented))
  })

  it('uses a fresh event id and the current time unless pinned', () => {
    const now = new Date('2026-01-02T03:04:05.000Z')
    expect(buildPreviewRequest({ email: 'a@example.com' }, { eventId: 'evt-1', now })).toMatchObject({
      eventId: 'evt-1',
      eventTime: now.toISOString(),
    })
    expect(buildPreviewRequest({ email: 'a@example.com' }).eventId).not.toBe(buildPreviewRequest({ email: 'a@example.com' }).eventId)
  })

  it('is accepted by the hook and allowed when the profile passes the default policy', async () => {
    const now = new Date('2026-01-02T03:04:05.000Z')
    const request = buildPreviewRequest({ email: 'ann@Example.com', department: ' engineering ', termsAccepted: true }, { now })
    const response = await post(request)
    expect(response.statusCode).toBe(200)
    expect(HookResponse.parse(response.json())).toEqual({
      commands: [
        {
          type: 'com.okta.user.profile.update',
          value: {
            email: 'ann@example.com',
            login: 'ann@example.com',
            department: 'Engineering',
            termsVersion: '2026-01',
            termsAcceptedAt: now.toISOString(),
          },
        },
      ],
    })
  })

  it('is accepted by the hook as a progressive profile update', async () => {
    const response = await post(buildPreviewRequest({ email: 'ann@example.com', department: 'legal', progressive: true }))
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      commands: [{ type: 'com.okta.user.progressive.profile.update', value: { department: 'Legal' } }],
    })
  })
})

describe('npm run hook:preview', () => {
  /** The hook's URL on a server listening for this test. */
  const listening = async () => `${await (await buildTestServer()).listen({ host: '127.0.0.1', port: 0 })}/hooks/registration`

  // The real command line, as a person runs it; the environment must not leak a secret or URL in.
  const preview = (...args: string[]) =>
    run('node', ['--import', 'tsx', 'tools/hookPreview/index.ts', ...args], {
      env: { PATH: process.env.PATH },
      timeout: 20_000,
    })

  it('prints the request, the response and an allow decision', async () => {
    const { stdout } = await preview('--url', await listening(), '--secret', HOOK_SECRET, '--email', 'ann@example.com', '--department', 'Engineering', '--terms', 'true')
    expect(stdout).toContain('"requestType": "self.service.registration"')
    expect(stdout).toContain('Response: 200 OK')
    expect(stdout).toMatch(/^Decision: ALLOW \(updates email, login, department, termsVersion, termsAcceptedAt\)$/m)
  }, 30_000)

  it('prints a deny decision naming every failing field', async () => {
    const { stdout } = await preview('--url', await listening(), '--secret', HOOK_SECRET, '--email', 'ann@gmail.com', '--department', 'enginering', '--terms', 'false')
    expect(stdout).toMatch(
      /^Decision: DENY \(INVALID_EMAIL_DOMAIN at data\.userProfile\.email, UNKNOWN_DEPARTMENT at data\.userProfile\.department, TERMS_NOT_ACCEPTED at data\.userProfile\.termsAccepted\)$/m,
    )
  }, 30_000)

  it('takes the URL, secret and header name from the environment', async () => {
    const url = await listening()
    const { stdout } = await run('node', ['--import', 'tsx', 'tools/hookPreview/index.ts', '--email', 'ann@example.com', '--progressive', '--department', 'legal'], {
      env: { PATH: process.env.PATH, HOOK_URL: url, HOOK_AUTH_SECRET: HOOK_SECRET, HOOK_AUTH_HEADER: 'authorization' },
      timeout: 20_000,
    })
    expect(stdout).toMatch(/^Decision: ALLOW \(updates department\)$/m)
  }, 30_000)

  it('exits 1 with a one-line message when the secret is wrong', async () => {
    const failure = preview('--url', await listening(), '--secret', 'not-the-secret', '--email', 'ann@example.com')
    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^hook:preview: 401 from .*wrong or missing secret.*\n$/) })
  }, 30_000)

  it('exits 1 with a one-line message when nothing listens at the URL', async () => {
    const gone = `http://127.0.0.1:${await freePort()}/hooks/registration`
    const failure = preview('--url', gone, '--secret', HOOK_SECRET, '--email', 'ann@example.com')
    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^hook:preview: no answer from .*: ECONNREFUSED\n$/) })
  }, 30_000)

  it('exits 1 with the usage when --email is missing', async () => {
    await expect(preview('--url', await listening())).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--email is required') })
  }, 30_000)
})
