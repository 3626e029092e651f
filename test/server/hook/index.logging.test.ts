import { describe, expect, it } from 'vitest'
import { allowedProfile, registrationRequest } from '../../helpers/hookRequests.ts'
import { buildTestServer, HOOK_SECRET } from '../../helpers/server.ts'

describe('hook decision logs', () => {
  it('writes one structured line per decision without the secret, the address or the names', async () => {
    const logs: string[] = []
    const app = await buildTestServer({ logs })
    await app.inject({
      method: 'POST',
      url: '/hooks/registration',
      headers: { authorization: HOOK_SECRET },
      payload: registrationRequest({ ...allowedProfile, email: 'rosario.jones@gmail.com' }),
    })

    const decisions = logs.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'registration hook decision')
    expect(decisions).toHaveLength(1)
    expect(decisions[0]).toMatchObject({
      eventId: '04Dmt8BcT_aEgM',
      requestType: 'registration',
      decision: 'deny',
      reasons: ['INVALID_EMAIL_DOMAIN'],
      emailDomain: 'gmail.com',
    })
    expect(typeof decisions[0].latencyMs).toBe('number')
    // Fastify's own "incoming request" / "request completed" lines are not written for the hook.
    expect(logs.filter((line) => JSON.parse(line).reqId === decisions[0].reqId)).toHaveLength(1)
    const all = logs.join('\n')
    expect(all).not.toContain('rosario.jones')
    expect(all).not.toContain('Rosario')
    expect(all).not.toContain(HOOK_SECRET)
    expect(all).not.toContain('YWRtaW46c3VwZXJzZWNyZXQ')
  })
})
