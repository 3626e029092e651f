import type { FastifyInstance } from 'fastify'
import { beforeEach, describe, expect, it } from 'vitest'
import { oktaFixture } from '../../fixtures/okta/index.ts'
import { APP_REDIRECT_URI, authorize, buildEmulator, followSuccess, idx, interact, pkce, registerFully, startFakeHook, token, validProfile } from './helper.ts'

const SEEDED = { login: 'grace@example.com', password: 'Seeded-Pass-1', profile: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' } }

const keysOf = (value: object) => Object.keys(value).sort()
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString())
const remediationNames = (body: any) => body.remediation?.value.map((r: { name: string }) => r.name)
const passcodeMessages = (body: any) => body.remediation.value[0].value[0].form.value[0].messages?.value ?? []
const profileFields = (body: any) => body.remediation.value[0].value[0].form.value

describe('returning users and progressive profiling', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let count = 0

  /** A new embedded transaction, identified as `login`: the stateHandle and the answer. */
  async function identify(login: string) {
    const { interaction_handle } = (await interact(app, pkce().challenge)).json()
    const { stateHandle } = (await idx(app, 'introspect', { interactionHandle: interaction_handle })).json()
    return { stateHandle, response: await idx(app, 'identify', { stateHandle, identifier: login }) }
  }
  const answer = (stateHandle: string, passcode: string) => idx(app, 'challenge/answer', { stateHandle, credentials: { passcode } })

  beforeEach(async () => {
    hook = await startFakeHook()
    app = await buildEmulator(hook.url, { seedUsers: [SEEDED] })
  })

  it('signs a registered user in again with identify and the password they enrolled, without asking more', async () => {
    const email = `returning${++count}@example.com`
    await registerFully(app, pkce().challenge, { ...validProfile, email })
    const { stateHandle, response } = await identify(email.toUpperCase())
    expect(response.statusCode).toBe(200)
    const challenge = response.json()
    expect(remediationNames(challenge)).toEqual(['challenge-authenticator'])
    expect(challenge.currentAuthenticatorEnrollment.value.key).toBe('okta_password')
    expect(challenge.user.value.identifier).toBe(email)

    const wrong = await answer(stateHandle, 'Wrong-Pass-1')
    expect(wrong.statusCode).toBe(400)
    expect(passcodeMessages(wrong.json())).toEqual([{ message: 'Password is incorrect', class: 'ERROR' }])

    const success = (await answer(stateHandle, 'Correct-Horse-9')).json()
    expect(success.successWithInteractionCode).toBeDefined()
    expect(hook.calls).toHaveLength(1)
  })

  it('answers an unknown user with Okta’s “Unable to sign in” on the sign-in form', async () => {
    const { response } = await identify('nobody@example.com')
    expect(response.statusCode).toBe(400)
    expect(remediationNames(response.json())).toEqual(['identify', 'select-enroll-profile'])
    expect(response.json().messages.value[0].i18n.key).toBe('errors.E0000004')
  })

  it('asks a seeded user without a department for just that, on Okta’s enroll/update form', async () => {
    const { stateHandle } = await identify(SEEDED.login)
    const form = (await answer(stateHandle, SEEDED.password)).json()
    expect(form.remediation.value[0]).toMatchObject({ name: 'enroll-profile', href: 'http://localhost:80/idp/idx/enroll/update' })
    expect(profileFields(form).map((f: { name: string }) => f.name)).toEqual(['department'])
    // The same as a real org's progressive-profile form, and the state a reload introspects.
    expect(keysOf(form.remediation.value[0])).toEqual(keysOf(oktaFixture('idx/enroll-profile-submit.json').remediation.value[0]))
    expect((await idx(app, 'introspect', { stateToken: stateHandle })).json().remediation.value[0].href).toMatch(/\/enroll\/update$/)
  })

  it('checks the asked attributes itself first, without calling the hook', async () => {
    const { stateHandle } = await identify(SEEDED.login)
    await answer(stateHandle, SEEDED.password)
    const response = await idx(app, 'enroll/update', { stateHandle, userProfile: { department: ' ' } })
    expect(response.statusCode).toBe(400)
    expect(profileFields(response.json())[0].messages.value[0].i18n.key).toBe('model.validation.field.blank')
    expect(hook.calls).toHaveLength(0)
  })

  it('calls the hook with Okta’s progressive-profile request, shows a denial’s causes under the field, then applies the allowed update', async () => {
    const { stateHandle } = await identify(SEEDED.login)
    await answer(stateHandle, SEEDED.password)
    // Okta's documented progressive-profile denial: the cause's location is data.userProfile.<attribute>.
    hook.respond(() => ({
      commands: [{ type: 'com.okta.action.update', value: { registration: 'DENY' } }],
      error: {
        errorSummary: 'Incorrect department.',
        errorCauses: [{ errorSummary: 'Choose a department from the list.', reason: 'UNKNOWN_DEPARTMENT', locationType: 'body', location: 'data.userProfile.department', domain: 'end-user' }],
      },
    }))
    const denied = await idx(app, 'enroll/update', { stateHandle, userProfile: { department: 'Astrology' } })
    expect(denied.statusCode).toBe(400)
    expect(profileFields(denied.json())[0].messages.value).toEqual([{ message: 'Choose a department from the list.', class: 'ERROR' }])

    const call = hook.calls[0]!.body
    const real = oktaFixture('hook/progressive-profile-request.json')
    expect(keysOf(call)).toEqual(keysOf(real))
    expect(keysOf(call.data)).toEqual(keysOf(real.data))
    expect(keysOf(call.data.context.user)).toEqual(keysOf(real.data.context.user))
    expect(call).toMatchObject({
      requestType: 'progressive.profile',
      data: { context: { request: { url: { value: '/idp/idx/enroll/update' } }, user: { profile: { login: SEEDED.login } } }, userProfileUpdate: { department: 'Astrology' } },
    })
    expect(JSON.stringify(call)).not.toContain(SEEDED.password)

    hook.respond(() => ({ commands: [{ type: 'com.okta.user.progressive.profile.update', value: { department: 'Finance' } }] }))
    const success = (await idx(app, 'enroll/update', { stateHandle, userProfile: { department: 'finance' } })).json()
    expect(success.successWithInteractionCode).toBeDefined()
  })

  it('answers a failed hook with Okta’s progressive-profile message and no form', async () => {
    const { stateHandle } = await identify(SEEDED.login)
    await answer(stateHandle, SEEDED.password)
    hook.respond((_request, reply) => reply.code(500).send({}))
    const failed = await idx(app, 'enroll/update', { stateHandle, userProfile: { department: 'Legal' } })
    expect(failed.statusCode).toBe(400)
    expect(failed.json().remediation).toBeUndefined()
    expect(failed.json().messages.value[0].message).toBe('There was an error updating your profile. Please try again later.')
  })

  it('signs in through the redirect model too, and the code’s tokens carry the department the update stored', async () => {
    const { verifier, challenge } = pkce()
    const { stateToken } = (await authorize(app, { code_challenge: challenge })).json().hostedPageSettings
    await idx(app, 'identify', { stateHandle: stateToken, identifier: SEEDED.login })
    await answer(stateToken, SEEDED.password)
    hook.respond(() => ({ commands: [{ type: 'com.okta.user.progressive.profile.update', value: { department: 'Legal' } }] }))
    const success = (await idx(app, 'enroll/update', { stateHandle: stateToken, userProfile: { department: 'legal' } })).json()
    const code = (await followSuccess(app, success)).searchParams.get('code')!
    const tokens = (await token(app, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: APP_REDIRECT_URI })).json()
    expect(claimsOf(tokens.id_token)).toMatchObject({ email: SEEDED.login, department: 'Legal' })
  })
})
