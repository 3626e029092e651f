import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../server/config/index.ts'
import { ConfigError } from '../../../server/errors.ts'
import { buildTestServer } from '../../helpers/server.ts'

const LIMIT = 2

async function departmentsApi(env: Record<string, string> = {}) {
  const app = await buildTestServer({ env: { DEPARTMENTS_RATE_LIMIT: String(LIMIT), ...env } })
  /** A search reaching the server from `peer` (a proxy, or the browser itself) with the X-Forwarded-For it sends. */
  return (peer: string, forwardedFor?: string) =>
    app
      .inject({ url: '/api/departments?q=eng', remoteAddress: peer, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })
      .then((response) => response.statusCode)
}

async function useUp(search: (peer: string, forwardedFor?: string) => Promise<number>, peer: string, forwardedFor?: string) {
  for (let i = 0; i < LIMIT; i++) expect(await search(peer, forwardedFor)).toBe(200)
}

describe('TRUST_PROXY', () => {
  it('takes true, false, or proxy addresses and CIDR ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.10,fd00::/8,loopback' }).trustProxy).toBe('10.0.0.0/8, 192.168.1.10,fd00::/8,loopback')
  })

  it('stops the server at boot naming a value Fastify would not use, a number of hops included', () => {
    for (const [value, bad] of [['yes', 'yes'], ['2', '2'], ['10.0.0.0/33', '10.0.0.0/33'], ['10.0.0.1, proxy.internal', 'proxy.internal']]) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError)
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(`TRUST_PROXY: "${bad}" is not true, false, an IP address, a CIDR range`)
    }
  })

  it('behind a trusted proxy, gives each browser its own rate-limit bucket on the departments API', async () => {
    const search = await departmentsApi({ TRUST_PROXY: '10.0.0.0/8' })
    await useUp(search, '10.0.0.5', '203.0.113.1')
    expect(await search('10.0.0.5', '203.0.113.1')).toBe(429)
    // Another browser through the same proxy, or through another replica's proxy.
    expect(await search('10.0.0.5', '203.0.113.2')).toBe(200)
    expect(await search('10.0.0.6', '203.0.113.3')).toBe(200)
    // A browser that sends its own X-Forwarded-For: the proxy appends the address it saw, and that one counts.
    expect(await search('10.0.0.5', '198.51.100.9, 203.0.113.1')).toBe(429)
  })

  it('without it, a spoofed X-Forwarded-For changes nothing: the connection’s address is the bucket', async () => {
    const search = await departmentsApi()
    await useUp(search, '192.0.2.7', '203.0.113.1')
    expect(await search('192.0.2.7', '203.0.113.2')).toBe(429)
    expect(await search('192.0.2.7')).toBe(429)
  })

  it('believes X-Forwarded-For only from the listed proxies', async () => {
    const search = await departmentsApi({ TRUST_PROXY: '10.0.0.0/8' })
    await useUp(search, '192.0.2.7', '203.0.113.1')
    expect(await search('192.0.2.7', '203.0.113.2')).toBe(429)
  })
})
