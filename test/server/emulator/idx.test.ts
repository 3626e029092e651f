import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildEmulator, idx, pkce, startFakeHook, startSignUp, validProfile } from './helper.ts'

type Field = { name: string; messages?: { value: Array<{ message: string; i18n?: { key: string } }> } }

const profileFields = (body: any): Field[] => body.remediation.value[0].value[0].form.value
const messagesOn = (body: any, name: string) => profileFields(body).find((f) => f.name === name)?.messages?.value ?? []

describe('the emulator’s IDX registration', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let stateHandle: string
  let count = 0
  const someone = () => ({ ...validProfile, email: `person${++count}@example.com` })

  beforeEach(async () => {
    hook = await startFakeHook()
    app = await buildEmulator(hook.url)
    stateHandle = await startSignUp(app, pkce().challenge)
  })
  afterEach(() => vi.useRealTimers())

  it('returns 401 "session expired" for an unknown stateHandle', async () => {
    const response = await idx(app, 'enroll/new', { stateHandle: 'nope', userProfile: validProfile })
    expect(response.statusCode).toBe(401)
    expect(response.json().messages.value[0].i18n.key).toBe('idx.session.expired')
  })

  it('returns 401 once the transaction has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60 * 60_000 + 1 })
    const response = await idx(app, 'introspect', { stateToken: stateHandle })
    expect(response.statusCode).toBe(401)
  })

  it('offers the sign-up form built from the policy, with a required consent checkbox and the optional language field', async () => {
    const body = (await idx(app, 'introspect', { stateToken: stateHandle })).json()
    expect(body.remediation.value[0]).toMatchObject({ name: 'enroll-profile', href: 'http://localhost:80/idp/idx/enroll/new' })
    expect(profileFields(body).map((f) => f.name)).toEqual(['firstName', 'lastName', 'email', 'department', 'termsAccepted', 'signupLocale'])
    expect(profileFields(body).find((field) => field.name === 'signupLocale')).toMatchObject({ required: false })
    expect(profileFields(body).find((field) => field.name === 'termsAccepted')).toMatchObject({
      type: 'boolean',
      required: true,
      options: [{ value: { value: { inputType: 'checkbox' } } }],
    })
  })

  it.each([
    ['a missing first name', { firstName: ' ' }, 'firstName', 'model.validation.field.blank'],
    ['a malformed email', { email: 'ada@' }, 'email', 'registration.error.invalidLoginEmail'],
    ['the consent box sent as false', { termsAccepted: false }, 'termsAccepted', 'model.validation.field.blank'],
  ])('returns 400 on the field for %s without calling the hook', async (_case, change, field, key) => {
    const response = await idx(app, 'enroll/new', { stateHandle, userProfile: { ...someone(), ...change } })
    expect(response.statusCode).toBe(400)
    expect(messagesOn(response.json(), field)[0]?.i18n?.key).toBe(key)
    expect(hook.calls).toHaveLength(0)
  })

  it('returns notUniqueWithinOrg for an email that is already registered', async () => {
    const profile = someone()
    expect((await idx(app, 'enroll/new', { stateHandle, userProfile: profile })).statusCode).toBe(200)
    const next = await startSignUp(app, pkce().challenge)
    const response = await idx(app, 'enroll/new', { stateHandle: next, userProfile: { ...profile, email: profile.email.toUpperCase() } })
    expect(response.statusCode).toBe(400)
    expect(messagesOn(response.json(), 'email')[0]?.i18n?.key).toBe('registration.error.notUniqueWithinOrg')
  })

  it('puts each DENY cause under its field, keeping the same form and stateHandle', async () => {
    hook.respond(() => ({
      commands: [{ type: 'com.okta.action.update', value: { registration: 'DENY' } }],
      error: {
        errorSummary: 'Denied',
        errorCauses: [
          { errorSummary: 'Only example.com emails can register.', location: 'data.userProfile.email' },
          { errorSummary: 'Something else.', location: 'data.context' },
        ],
      },
    }))
    const response = await idx(app, 'enroll/new', { stateHandle, userProfile: someone() })
    expect(response.statusCode).toBe(400)
    const body = response.json()
    expect(body.stateHandle).toBe(stateHandle)
    expect(body.remediation.value[0].name).toBe('enroll-profile')
    expect(messagesOn(body, 'email')).toEqual([{ message: 'Only example.com emails can register.', class: 'ERROR' }])
    expect(body.messages.value).toEqual([{ message: 'Something else.', class: 'ERROR' }])
  })

  it('shows "Registration denied." for a DENY without an error object', async () => {
    hook.respond(() => ({ commands: [{ type: 'com.okta.action.update', value: { registration: 'DENY' } }] }))
    const body = (await idx(app, 'enroll/new', { stateHandle, userProfile: someone() })).json()
    expect(body.messages.value[0].message).toBe('Registration denied.')
  })

  it('answers a failed hook with Okta’s generic message and no form', async () => {
    hook.respond((_request, reply) => reply.code(500).send({}))
    const response = await idx(app, 'enroll/new', { stateHandle, userProfile: someone() })
    expect(response.statusCode).toBe(400)
    expect(response.json().remediation).toBeUndefined()
    expect(response.json().messages.value[0]).toMatchObject({
      message: 'There was an error creating your account. Please try registering again.',
      i18n: { key: 'registration.error.generic' },
    })
  })

  it('enrolls the email with the code from the outbox, rejecting a wrong one, and polls the same state', async () => {
    const profile = someone()
    const accepted = (await idx(app, 'enroll/new', { stateHandle, userProfile: profile })).json()
    expect(accepted.remediation.value[0].name).toBe('select-authenticator-enroll')
    const emailId = accepted.authenticators.value[0].id
    const enrolling = await idx(app, 'credential/enroll', { stateHandle, authenticator: { id: emailId } })
    expect(enrolling.json().currentAuthenticator.value.key).toBe('okta_email')
    expect((await idx(app, 'challenge/poll', { stateHandle })).json().currentAuthenticator.value.key).toBe('okta_email')

    await idx(app, 'challenge/resend', { stateHandle })
    const { messages } = (await app.inject({ url: `/emulator/outbox?to=${profile.email}` })).json()
    expect(messages).toHaveLength(2)
    expect(messages[0]).toMatchObject({ to: profile.email, code: expect.stringMatching(/^\d{6}$/) })

    const wrongCode = messages[0].code === '000000' ? '111111' : '000000'
    const wrong = await idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: wrongCode } })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().remediation.value[0].value[0].form.value[0].messages.value[0].i18n.key).toBe('api.authn.error.PASSCODE_INVALID')
    const right = await idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: messages[0].code } })
    expect(right.json().authenticatorEnrollments.value.map((a: { key: string }) => a.key)).toEqual(['okta_email'])
  })

  it('rejects a password that misses the complexity rules', async () => {
    const accepted = (await idx(app, 'enroll/new', { stateHandle, userProfile: someone() })).json()
    const passwordId = accepted.authenticators.value[1].id
    await idx(app, 'credential/enroll', { stateHandle, authenticator: { id: passwordId } })
    const response = await idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: 'short' } })
    expect(response.statusCode).toBe(400)
  })

  it('returns 400 with the IDX shape for a body that is not JSON, and 404 JSON for unknown IDX routes', async () => {
    const bad = await app.inject({ method: 'POST', url: '/idp/idx/introspect', headers: { 'content-type': 'application/ion+json' }, payload: '{' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().version).toBe('1.0.0')
    const missing = await idx(app, 'nowhere', { stateHandle })
    expect(missing.statusCode).toBe(404)
  })

  it('starts over at the sign-in form on cancel', async () => {
    const body = (await idx(app, 'cancel', { stateHandle })).json()
    expect(body.remediation.value.map((r: { name: string }) => r.name)).toEqual(['identify', 'select-enroll-profile'])
  })

  it('escapes every value in the outbox view', async () => {
    const view = await app.inject({ url: '/emulator/outbox/view?to=%3Cscript%3E' })
    expect(view.headers['content-type']).toContain('text/html')
    expect(view.body).not.toContain('<script>')
  })
})
