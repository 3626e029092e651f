import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../server/config/index.ts'
import { ConfigError } from '../../../server/errors.ts'
import { freePort } from '../../helpers/compiledServer.ts'
import { startRedis, type RedisServer } from '../../helpers/redis.ts'
import { buildTestServer } from '../../helpers/server.ts'

let redis: RedisServer
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(() => redis.stop())

async function replica(env: Record<string, string> = {}) {
  const app = await buildTestServer({ env: { RATE_LIMIT_REDIS_URL: redis.url, DEPARTMENTS_RATE_LIMIT: '3', ...env } })
  return (remoteAddress: string) => app.inject({ url: '/api/departments?q=eng', remoteAddress })
}

describe('RATE_LIMIT_REDIS_URL: the departments API’s limits shared by every replica', () => {
  it('counts a browser’s requests to two replicas against one limit', async () => {
    const [first, second] = [await replica(), await replica()]
    expect((await first('203.0.113.1')).headers['x-ratelimit-remaining']).toBe('2')
    expect((await first('203.0.113.1')).headers['x-ratelimit-remaining']).toBe('1')
    // The second replica sees the first's count.
    expect((await second('203.0.113.1')).headers['x-ratelimit-remaining']).toBe('0')
    expect((await second('203.0.113.1')).statusCode).toBe(429)
    expect((await first('203.0.113.1')).statusCode).toBe(429)
    // Another browser has its own count.
    expect((await second('203.0.113.2')).statusCode).toBe(200)
  })

  it('stops the server at boot, naming the URL, when Redis cannot be reached, and never prints the password', async () => {
    const url = `redis://:hunter2-secret@127.0.0.1:${await freePort()}/0`
    const boot = buildTestServer({ env: { RATE_LIMIT_REDIS_URL: url } })
    await expect(boot).rejects.toThrow(ConfigError)
    await expect(boot).rejects.toThrow(/RATE_LIMIT_REDIS_URL redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0: cannot connect \(ECONNREFUSED\)/)
    await expect(boot).rejects.not.toThrow(/hunter2/)
  })

  it('refuses a URL that is not redis:// or rediss://, naming it', () => {
    for (const url of ['http://cache.internal:6379', 'cache.internal:6379', 'redis://']) {
      expect(() => loadConfig({ RATE_LIMIT_REDIS_URL: url })).toThrow(`RATE_LIMIT_REDIS_URL: "${url}" is not a redis:// or rediss:// URL`)
    }
  })
})
