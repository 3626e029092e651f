import type { FastifyInstance } from 'fastify'
import { beforeEach, describe, expect, it } from 'vitest'
import { oktaFixture } from '../../fixtures/okta/index.ts'
import { buildEmulator, idx, interact, pkce, registerFully, startFakeHook, validProfile } from './helper.ts'

const PASSWORD = 'Seeded-Pass-1'
const seeded = (login: string) => ({ login, password: PASSWORD, profile: { firstName: 'Grace', lastName: 'Hopper', email: login, department: 'Engineering' } })

const keysOf = (value: object) => Object.keys(value).sort()
const remediationNames = (body: any) => body.remediation?.value.map((r: { name: string }) => r.name)
const passcodeMessages = (body: any) => body.remediation.value[0].value[0].form.value[0].messages?.value ?? []

describe('email as a second sign-in factor (EMULATOR_SIGN_IN_FACTORS=password,email)', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let count = 0

  /** A seeded user of their own, past the password on a new embedded transaction: the stateHandle, the answer and their email. */
  async function pastThePassword() {
    const email = `second.factor${++count}@example.com`
    const { interaction_handle } = (await interact(app, pkce().challenge)).json()
    const { stateHandle } = (await idx(app, 'introspect', { interactionHandle: interaction_handle })).json()
    await idx(app, 'identify', { stateHandle, identifier: email })
    return { stateHandle, email, response: await idx(app, 'challenge/answer', { stateHandle, credentials: { passcode: PASSWORD } }) }
  }
  const codesSentTo = async (email: string) =>
    ((await app.inject({ url: `/emulator/outbox?to=${encodeURIComponent(email)}` })).json().messages as Array<{ code: string; subject: string }>)
  const answer = (stateHandle: string, passcode: string) => idx(app, 'challenge/answer', { stateHandle, credentials: { passcode } })

  beforeEach(async () => {
    hook = await startFakeHook()
    const users = Array.from({ length: 10 }, (_, index) => seeded(`second.factor${index + 1}@example.com`))
    app = await buildEmulator(hook.url, { seedUsers: users, signInFactors: ['password', 'email'] })
  })

  it('asks for a code sent to the user’s email after the password, with the shape of a real org’s email challenge', async () => {
    const { email, response } = await pastThePassword()
    expect(response.statusCode).toBe(200)
    const challenge = response.json()
    const real = oktaFixture('idx/challenge-authenticator-email.json')
    expect(keysOf(challenge)).toEqual(keysOf(real))
    expect(remediationNames(challenge)).toEqual(remediationNames(real))
    expect(keysOf(challenge.currentAuthenticatorEnrollment.value)).toEqual(keysOf(real.currentAuthenticatorEnrollment.value))
    expect(challenge.currentAuthenticatorEnrollment.value).toMatchObject({
      key: 'okta_email',
      contextualData: { useEmailMagicLink: false },
      profile: { email: 's************1@example.com' },
      resend: { href: 'http://localhost:80/idp/idx/challenge/resend' },
      poll: { href: 'http://localhost:80/idp/idx/challenge/poll', refresh: 4000 },
    })
    expect(challenge.remediation.value[0]).toMatchObject({ href: 'http://localhost:80/idp/idx/challenge/answer', relatesTo: ['$.currentAuthenticatorEnrollment'] })
    expect(challenge.remediation.value[1].value[0].options[0].relatesTo).toBe('$.authenticatorEnrollments.value[0]')
    expect(await codesSentTo(email)).toEqual([expect.objectContaining({ code: expect.stringMatching(/^\d{6}$/), subject: 'One-time verification code' })])
  })

  it('signs in with the right code; a wrong one gets Okta’s message under the field, and the poll and a reload show the same challenge', async () => {
    const { stateHandle, email, response } = await pastThePassword()
    const wrong = await answer(stateHandle, '000000x')
    expect(wrong.statusCode).toBe(400)
    expect(passcodeMessages(wrong.json())).toEqual([expect.objectContaining({ i18n: { key: 'api.authn.error.PASSCODE_INVALID' } })])
    for (const path of ['challenge/poll', 'introspect']) {
      const state = (await idx(app, path, { stateHandle, stateToken: stateHandle })).json()
      expect(state.currentAuthenticatorEnrollment).toEqual(response.json().currentAuthenticatorEnrollment)
    }
    const [newest] = await codesSentTo(email)
    const success = (await answer(stateHandle, newest!.code)).json()
    expect(success.successWithInteractionCode).toBeDefined()
  })

  it('sends a new code on resend and on choosing the email again (select-authenticator-authenticate); only the newest works', async () => {
    const { stateHandle, email, response } = await pastThePassword()
    const emailId = response.json().remediation.value[1].value[0].options[0].value.form.value[0].value
    expect((await idx(app, 'challenge/resend', { stateHandle })).statusCode).toBe(200)
    const reselected = await idx(app, 'challenge', { stateHandle, authenticator: { id: emailId, methodType: 'email' } })
    expect(remediationNames(reselected.json())).toEqual(['challenge-authenticator', 'select-authenticator-authenticate'])
    const codes = (await codesSentTo(email)).map((message) => message.code)
    expect(codes).toHaveLength(3)
    for (const older of codes.slice(1)) if (older !== codes[0]) expect((await answer(stateHandle, older)).statusCode).toBe(400)
    expect((await answer(stateHandle, codes[0]!)).json().successWithInteractionCode).toBeDefined()
  })

  it('ends the transaction at the fifth wrong code, as for enrollment', async () => {
    const { stateHandle } = await pastThePassword()
    const statuses: number[] = []
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await answer(stateHandle, 'wrong')).statusCode)
    expect(statuses).toEqual([400, 400, 400, 400, 400])
    expect((await idx(app, 'introspect', { stateToken: stateHandle })).statusCode).toBe(401)
  })

  it('answers the email selection out of step, or for another authenticator, with a 400 and the current state', async () => {
    const { interaction_handle } = (await interact(app, pkce().challenge)).json()
    const { stateHandle } = (await idx(app, 'introspect', { interactionHandle: interaction_handle })).json()
    const early = await idx(app, 'challenge', { stateHandle, authenticator: { id: 'aut0emulatorEmail0001' } })
    expect(early.statusCode).toBe(400)
    expect(remediationNames(early.json())).toEqual(['identify', 'select-enroll-profile'])
    const { stateHandle: challenged } = await pastThePassword()
    for (const body of [{ authenticator: { id: 'aut0emulatorPassword01' } }, { authenticator: 'email' }, {}]) {
      const response = await idx(app, 'challenge', { stateHandle: challenged, ...body })
      expect(response.statusCode).toBe(400)
      expect(remediationNames(response.json())).toEqual(['challenge-authenticator', 'select-authenticator-authenticate'])
    }
  })

  it('does not ask a new user again: the email was verified when they signed up', async () => {
    const code = await registerFully(app, pkce().challenge, { ...validProfile, email: 'new.user@example.com' })
    expect(code).toMatch(/^[\w-]{43}$/)
  })
})
