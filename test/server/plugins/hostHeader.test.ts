import { once } from 'node:events'
import { connect, type AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { allowedProfile, registrationRequest } from '../../helpers/hookRequests.ts'
import { buildTestServer, HOOK_SECRET } from '../../helpers/server.ts'

async function server() {
  const logs: string[] = []
  const app = await buildTestServer({ logs })
  return { app, logs }
}

/** A listening server: requests sent as written, over a real socket, reach the app as Node's parser lets them through. */
async function listening() {
  const { app, logs } = await server()
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return { port, logs }
}

async function rawRequest(port: number, head: string) {
  const socket = connect(port, '127.0.0.1')
  await once(socket, 'connect')
  let reply = ''
  socket.on('data', (chunk) => (reply += chunk))
  socket.end(`${head}\r\n\r\n`)
  await once(socket, 'close')
  // "HTTP/1.1 400 Bad Request\r\n…\r\n\r\n{…}"
  return { status: Number(reply.slice(9, 12)), body: reply.slice(reply.indexOf('\r\n\r\n') + 4) }
}

function expectNoStack(logs: string[]) {
  const entries = logs.map((line) => JSON.parse(line))
  expect(entries.filter((entry) => entry.level >= 50)).toEqual([])
  expect(logs.join('\n')).not.toMatch(/stack| {4}at /)
}

const routes = [
  ['GET', '/'],
  ['GET', '/hosted'],
  ['POST', '/hooks/registration'],
  ['GET', '/api/departments?q=fin'],
  ['GET', '/healthz'],
  ['GET', '/openapi.json'],
  ['GET', '/oauth2/default/.well-known/openid-configuration'],
  ['POST', '/idp/idx/introspect'],
  ['GET', '/emulator/outbox?to=ana@example.com'],
  ['GET', '/no/such/thing'],
] as const

describe('a malformed Host header', () => {
  it.each(routes)('gets a 400 naming the problem on %s %s, and no stack in the logs', async (method, url) => {
    const { app, logs } = await server()
    const response = await app.inject({
      method,
      url,
      headers: { host: 'exa mple.com', authorization: HOOK_SECRET },
      ...(method === 'POST' && { payload: registrationRequest(allowedProfile) }),
    })
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.body).toContain('Host header must be a host name or IP address with an optional port')
    expectNoStack(logs)
  })

  it.each(['exa mple.com', 'example.com/path', 'user@example.com', 'example.com?x', 'example.com:99999', '[::g]', '1.2.3.999', 'a\\b'])(
    'rejects %j',
    async (host) => {
      const { app } = await server()
      const response = await app.inject({ url: '/', headers: { host } })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ statusCode: 400, code: 'RK_INVALID_HOST' })
    },
  )

  it.each([
    ['registration.example.com', 'http://registration.example.com/oauth2/default'],
    ['127.0.0.1:4567', 'http://127.0.0.1:4567/oauth2/default'],
    ['[::1]:3000', 'http://[::1]:3000/oauth2/default'],
    ['my_service:3000', 'http://my_service:3000/oauth2/default'],
  ])('accepts %s and builds the issuer on it', async (host, issuer) => {
    const { app } = await server()
    const response = await app.inject({ url: '/oauth2/default/.well-known/openid-configuration', headers: { host } })
    expect(response.statusCode).toBe(200)
    expect(response.json().issuer).toBe(issuer)
  })

  it('is refused over a real connection too, as Node passes it on', async () => {
    const { port, logs } = await listening()
    const response = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: exa mple.com\r\nConnection: close')
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toMatchObject({ code: 'RK_INVALID_HOST' })
    expectNoStack(logs)
  })
})

describe('no Host header (HTTP/1.0)', () => {
  it('gets a 400 where the answer links to this server, and is served where it does not', async () => {
    const { port, logs } = await listening()
    const page = await rawRequest(port, 'GET / HTTP/1.0')
    expect(page.status).toBe(400)
    expect(JSON.parse(page.body)).toMatchObject({ code: 'RK_MISSING_HOST' })
    const discovery = await rawRequest(port, 'GET /oauth2/default/.well-known/openid-configuration HTTP/1.0')
    expect(discovery.status).toBe(400)
    expect((await rawRequest(port, 'GET /healthz HTTP/1.0')).status).toBe(200)
    expectNoStack(logs)
  })
})
