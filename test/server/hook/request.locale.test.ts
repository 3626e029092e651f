import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { SHIPPED_MESSAGES } from '../../../policy/messages.ts'
import { oktaFixture } from '../../fixtures/okta/index.ts'
import { allowedProfile, registrationRequest } from '../../helpers/hookRequests.ts'
import { buildTestServer, HOOK_SECRET } from '../../helpers/server.ts'

// A sign-up request carries no language: the kit puts the widget's into the policy's locale attribute
// (signupLocale), a non-schema form field Okta forwards. A progressive-profile request carries the user's.

/** The hook's answer to a request, from a server of the test's own unless given one. */
const post = async (body: unknown, app?: FastifyInstance) =>
  (app ?? (await buildTestServer())).inject({ method: 'POST', url: '/hooks/registration', headers: { authorization: HOOK_SECRET }, payload: body as object })

describe('the hook answers in the user’s language', () => {
  it('denies in the language of the sign-up form, summary included', async () => {
    const response = await post(registrationRequest({ ...allowedProfile, email: 'ana@gmail.com', signupLocale: 'fr-CA' }))
    const { error } = response.json()
    expect(error.errorSummary).toBe(SHIPPED_MESSAGES.fr!.summary)
    expect(error.errorCauses[0]).toMatchObject({
      reason: 'INVALID_EMAIL_DOMAIN',
      errorSummary: 'Utilisez votre adresse e-mail professionnelle. Seules les adresses example.com peuvent s’inscrire.',
    })
  })

  it('records the language the terms were shown in, and stores nothing under the language field', async () => {
    const response = await post(registrationRequest({ ...allowedProfile, signupLocale: 'de' }))
    const { value } = response.json().commands[0]
    expect(value).toMatchObject({ termsVersion: '2026-01', termsLocale: 'de' })
    expect(value).not.toHaveProperty('signupLocale')
  })

  it('falls back to the policy’s default language, with no locale stamp, when the request does not tell', async () => {
    const app = await buildTestServer()
    const allowed = await post(registrationRequest(allowedProfile), app)
    expect(allowed.json().commands[0].value).not.toHaveProperty('termsLocale')
    const denied = await post(registrationRequest({ ...allowedProfile, firstName: 'Ana1', signupLocale: 'xx' }), app)
    expect(denied.json().error.errorCauses[0].errorSummary).toBe('Use 1 to 50 letters, spaces, apostrophes, hyphens or periods.')
  })

  it('answers a progressive-profile update in the locale of the signed-in user’s profile', async () => {
    const request = oktaFixture('hook/progressive-profile-request.json')
    request.data.context.user.profile.locale = 'es_ES'
    request.data.userProfileUpdate = { department: 'Finanse' }
    const { error } = (await post(request)).json()
    expect(error.errorCauses[0].errorSummary).toBe('Elija un departamento de la lista. ¿Quería decir Finance?')
  })
})
