import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { HookResponse } from '../../../server/hook/contract.ts'
import { hookRequestFixtures, oktaFixture } from '../../fixtures/okta/index.ts'
import { allowedProfile, registrationRequest } from '../../helpers/hookRequests.ts'
import { buildTestServer, HOOK_SECRET } from '../../helpers/server.ts'

/** The hook's answer to a request, from a server of the test's own unless given one. */
const postHook = async (body: unknown, app?: FastifyInstance) =>
  (app ?? (await buildTestServer())).inject({
    method: 'POST',
    url: '/hooks/registration',
    headers: { authorization: HOOK_SECRET },
    payload: body as object,
  })

describe('POST /hooks/registration', () => {
  describe('accepts every documented request shape', () => {
    it.each(hookRequestFixtures)('answers %s with 200 and a response of Okta\'s shape', async (name) => {
      const response = await postHook(oktaFixture(`hook/${name}`))
      expect(response.statusCode).toBe(200)
      expect(() => HookResponse.parse(response.json())).not.toThrow()
    })

    it('accepts eventTypeVersion and cloudEventVersion as numbers, as in the API spec', async () => {
      const response = await postHook(registrationRequest(allowedProfile, { eventTypeVersion: 1, cloudEventVersion: 0.1 }))
      expect(response.statusCode).toBe(200)
    })

    it('ignores unknown extra fields at every level', async () => {
      const request = registrationRequest(allowedProfile, { futureField: { x: 1 } })
      request.data.futureData = [1, 2]
      request.data.context.somethingNew = true
      const response = await postHook(request)
      expect(response.statusCode).toBe(200)
      expect(response.json().commands[0].type).toBe('com.okta.user.profile.update')
    })
  })

  describe('self-service registration', () => {
    it('allows a valid profile with a profile update of normalized values (login kept equal to email) and consent stamps', async () => {
      const response = await postHook(
        registrationRequest({ ...allowedProfile, lastName: ' Jones ', department: 'customer  success', email: 'Rosario.Jones@Example.COM' }),
      )
      expect(response.json()).toEqual({
        commands: [
          {
            type: 'com.okta.user.profile.update',
            value: {
              firstName: 'Rosario',
              lastName: 'Jones',
              email: 'Rosario.Jones@example.com',
              login: 'Rosario.Jones@example.com',
              department: 'Customer Success',
              termsVersion: '2026-01',
              termsAcceptedAt: '2022-04-25T17:35:27.000Z',
            },
          },
        ],
      })
    })

    it('denies a disallowed domain exactly like Okta\'s documented deny response', async () => {
      const response = await postHook(registrationRequest({ ...allowedProfile, email: 'rosario@evil-example.com' }))
      const documented = oktaFixture('hook/ssr-deny-response.json')
      const body = response.json()
      expect(body.commands).toEqual(documented.commands)
      expect(body.error.errorCauses).toEqual([
        { ...documented.error.errorCauses[0], errorSummary: 'Use your work email address. Only example.com addresses can register.' },
      ])
    })

    it('gives one cause per failing field in a single response', async () => {
      const response = await postHook(
        registrationRequest({ firstName: 'R2D2', lastName: '<script>', email: 'x@example.com', department: 'Enginering', termsAccepted: false }),
      )
      const causes = response.json().error.errorCauses as Array<{ location: string; reason: string; errorSummary: string }>
      expect(causes.map((cause) => [cause.location, cause.reason])).toEqual([
        ['data.userProfile.firstName', 'INVALID_NAME'],
        ['data.userProfile.lastName', 'INVALID_NAME'],
        ['data.userProfile.department', 'UNKNOWN_DEPARTMENT'],
        ['data.userProfile.termsAccepted', 'TERMS_NOT_ACCEPTED'],
      ])
      expect(causes[2]?.errorSummary).toBe('Choose a department from the list. Did you mean Engineering?')
    })

    it('treats a Classic request (no requestType) as a registration', async () => {
      const classic = oktaFixture('hook/classic-ssr-request.json')
      classic.data.userProfile = { ...allowedProfile }
      const response = await postHook(classic)
      expect(response.json().commands[0].type).toBe('com.okta.user.profile.update')
    })

    it('gives a retried event (same eventId, later) the very same answer', async () => {
      const app = await buildTestServer()
      const request = registrationRequest(allowedProfile)
      const first = await postHook(request, app)
      await new Promise((resolve) => setTimeout(resolve, 5))
      const retry = await postHook(request, app)
      expect(retry.body).toBe(first.body)
    })
  })

  describe('progressive profile', () => {
    it('allows a valid update with a progressive profile update command', async () => {
      const request = oktaFixture('hook/progressive-profile-request.json')
      request.data.userProfileUpdate = { department: 'legal', employeeNumber: '1234' }
      const response = await postHook(request)
      expect(response.json()).toEqual({
        commands: [{ type: 'com.okta.user.progressive.profile.update', value: { department: 'Legal' } }],
      })
    })

    it('denies a bad value with the cause located at data.userProfile.<attribute>', async () => {
      const request = oktaFixture('hook/progressive-profile-request.json')
      request.data.userProfileUpdate = { department: 'Space Force' }
      const body = (await postHook(request)).json()
      expect(body.commands).toEqual([{ type: 'com.okta.action.update', value: { registration: 'DENY' } }])
      expect(body.error.errorCauses[0]).toMatchObject({ location: 'data.userProfile.department', reason: 'UNKNOWN_DEPARTMENT' })
    })

    it('recognizes a progressive profile request without requestType by its shape', async () => {
      const request = oktaFixture('hook/progressive-profile-request.json')
      delete request.requestType
      request.data.userProfileUpdate = { firstName: 'R2D2' }
      const body = (await postHook(request)).json()
      expect(body.error.errorCauses[0].location).toBe('data.userProfile.firstName')
    })

    it('does not require consent or a department the update does not carry', async () => {
      const response = await postHook(oktaFixture('hook/progressive-profile-request.json'))
      expect(response.json()).toEqual({ commands: [] })
    })
  })
})
