import Fastify from 'fastify'
import { describe, expect, it, onTestFinished } from 'vitest'
import registrationApi, { type RegistrationApiOptions } from '../../server/registrationApi.ts'
import { allowedProfile, registrationRequest } from '../helpers/hookRequests.ts'
import { defaultPolicy } from '../helpers/policy.ts'
import { HOOK_SECRET } from '../helpers/server.ts'

/** A Fastify app of someone else's, with the plugin mounted as the README shows. */
async function hostApp(options: Partial<RegistrationApiOptions> = {}) {
  const app = Fastify()
  onTestFinished(() => app.close())
  // The host app's own error format, which the plugin's answers must not take.
  app.setErrorHandler((_error, _request, reply) => reply.code(418).send('host error'))
  await app.register(registrationApi, { auth: { header: { secret: HOOK_SECRET } }, policy: defaultPolicy, ...options })
  await app.ready()
  return app
}

const hook = (app: Awaited<ReturnType<typeof hostApp>>, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: { authorization: HOOK_SECRET }, payload: payload as object })

describe('registration-kit/fastify on an existing app', () => {
  it('answers the hook and the departments search at the default paths', async () => {
    const app = await hostApp()
    const answer = await hook(app, '/hooks/registration', registrationRequest(allowedProfile))
    expect(answer.statusCode).toBe(200)
    expect(answer.json().commands[0].type).toBe('com.okta.user.profile.update')
    expect((await app.inject('/api/departments?q=fin')).json().results).toContainEqual({ name: 'Finance' })
  })

  it('mounts at the paths given, and leaves the departments API out when told', async () => {
    const app = await hostApp({ paths: { hook: '/okta/registration', departments: false } })
    expect((await hook(app, '/okta/registration', registrationRequest(allowedProfile))).statusCode).toBe(200)
    expect((await hook(app, '/hooks/registration', registrationRequest(allowedProfile))).statusCode).toBe(404)
    expect((await app.inject('/api/departments?q=fin')).statusCode).toBe(404)
  })

  it('answers bad input with its own JSON error bodies, whatever the host app does with its errors', async () => {
    const app = await hostApp()
    const broken = await app.inject({ method: 'POST', url: '/hooks/registration', headers: { authorization: HOOK_SECRET, 'content-type': 'application/json' }, payload: '{not json' })
    expect(broken.statusCode).toBe(400)
    expect(broken.json()).toMatchObject({ statusCode: 400, code: 'RK_INVALID_JSON_BODY' })
    expect((await app.inject({ method: 'POST', url: '/hooks/registration', payload: {} })).statusCode).toBe(401)
  })

  it('limits the departments search even when the host app has no rate limiter', async () => {
    const app = await hostApp({ departments: { rateLimit: 2 } })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await app.inject('/api/departments?q=a')).statusCode)
    expect(statuses).toEqual([200, 200, 429])
  })

  it('stops the app at boot naming every bad option, the policy’s included', async () => {
    const app = Fastify()
    onTestFinished(() => app.close())
    const bad = {
      auth: { header: { secret: 'short' } },
      policy: { ...defaultPolicy, email: { allowedDomains: ['exa mple.com'] } },
      paths: { hook: 'hooks' },
    } as unknown as RegistrationApiOptions
    await expect(app.register(registrationApi, bad).ready()).rejects.toThrow(
      [
        'registration-kit/fastify: auth.header.secret: must be at least 16 characters',
        'registration-kit/fastify: paths.hook: must be a path starting with /',
        'registration-kit/fastify: policy.email.allowedDomains[0]: "exa mple.com" is not a valid domain name',
      ].join('\n  - '),
    )
  })
})
