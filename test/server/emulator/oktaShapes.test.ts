import type { FastifyInstance } from 'fastify'
import { beforeEach, describe, expect, it } from 'vitest'
import { oktaFixture } from '../../fixtures/okta/index.ts'
import { buildEmulator, idx, interact, pkce, startFakeHook, validProfile } from './helper.ts'

// The real widget reads these responses: the emulator must answer with what a real org sends.

const keys = (value: object) => Object.keys(value).sort()
const enrollProfile = (body: any) => body.remediation.value.find((r: { name: string }) => r.name === 'enroll-profile')
const profileField = (body: any, name: string) =>
  enrollProfile(body).value[0].form.value.find((field: { name: string }) => field.name === name)

describe('the emulator answers with the shapes of a real org', () => {
  let hook: Awaited<ReturnType<typeof startFakeHook>>
  let app: FastifyInstance
  let stateHandle: string
  let signUpForm: any

  beforeEach(async () => {
    hook = await startFakeHook()
    app = await buildEmulator(hook.url)
    const { interaction_handle } = (await interact(app, pkce().challenge)).json()
    stateHandle = (await idx(app, 'introspect', { interactionHandle: interaction_handle })).json().stateHandle
    signUpForm = (await idx(app, 'enroll', { stateHandle })).json()
  })

  it('opens the sign-up form as a real org does (src/v3 mock of POST /idp/idx/enroll)', () => {
    const real = oktaFixture('idx/enroll-profile.json')
    expect(keys(signUpForm)).toEqual(keys(real))
    expect(keys(enrollProfile(signUpForm))).toEqual(keys(enrollProfile(real)))
    expect(enrollProfile(signUpForm).value.map((v: { name: string }) => v.name)).toEqual(enrollProfile(real).value.map((v: { name: string }) => v.name))
    for (const name of ['firstName', 'lastName', 'email']) {
      expect(profileField(signUpForm, name)).toMatchObject({ name, label: profileField(real, name).label, required: true })
    }
  })

  it('puts Okta’s two messages for a malformed email on the field, format and pattern, with Okta’s keys, parameters and class', async () => {
    const response = await idx(app, 'enroll/new', { stateHandle, userProfile: { ...validProfile, email: 'ada@' } })
    expect(response.statusCode).toBe(400)
    const { messages } = profileField(oktaFixture('idx/error-new-signup-email.json'), 'email')
    expect(profileField(response.json(), 'email').messages).toEqual(messages)
  })
})
