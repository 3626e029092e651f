import { describe, expect, it } from 'vitest'
import { defaultPolicy } from '../../helpers/policy.ts'
import { buildTestServer } from '../../helpers/server.ts'

describe('GET /api/departments', () => {
  it('returns ranked results: exact, prefix, word prefix, substring', async () => {
    const app = await buildTestServer()
    const response = await app.inject('/api/departments?q=engineering&limit=5')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      results: [
        { name: 'Engineering' },
        { name: 'Data Engineering' },
        { name: 'Platform Engineering' },
        { name: 'Sales Engineering' },
        { name: 'Site Reliability Engineering' },
      ],
      total: 5,
    })
  })

  it('says how many departments match in all when the limit cuts the list', async () => {
    const app = await buildTestServer()
    const response = await app.inject('/api/departments?q=e&limit=3')
    expect(response.json().results).toHaveLength(3)
    expect(response.json().total).toBeGreaterThan(20)
  })

  it('matches regardless of case and diacritics', async () => {
    const app = await buildTestServer()
    const response = await app.inject(`/api/departments?q=${encodeURIComponent('HÚMAN rés')}`)
    expect(response.json().results).toEqual([{ name: 'Human Resources' }])
  })

  it('ships a directory of at least 60 departments, the usual ones among them', async () => {
    const app = await buildTestServer()
    const names = (await app.inject('/api/departments?limit=50')).json().results.map((r: { name: string }) => r.name)
    expect(names).toHaveLength(50)
    for (const name of ['Engineering', 'Finance', 'Human Resources', 'Legal']) {
      expect((await app.inject(`/api/departments?q=${encodeURIComponent(name)}&limit=1`)).json().results).toEqual([{ name }])
    }
    expect(defaultPolicy.department.directory.length).toBeGreaterThanOrEqual(60)
    expect(defaultPolicy.department.directory).toEqual(expect.arrayContaining(['Marketing', 'Sales', 'Customer Success']))
  })

  it.each([
    ['limit=0', /limit must be >= 1/],
    ['limit=51', /limit must be <= 50/],
    ['limit=ten', /limit must be integer/],
    [`q=${'x'.repeat(201)}`, /q must NOT have more than 200 characters/],
  ])('returns 400 for %s', async (query, message) => {
    const app = await buildTestServer()
    const response = await app.inject(`/api/departments?${query}`)
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toMatch(message)
  })

  it('allows the configured origins to call it from the browser, and no others', async () => {
    const app = await buildTestServer({ env: { CORS_ORIGINS: 'https://login.example.com' } })
    const allowed = await app.inject({ url: '/api/departments?q=fin', headers: { origin: 'https://login.example.com' } })
    expect(allowed.headers['access-control-allow-origin']).toBe('https://login.example.com')
    const other = await app.inject({ url: '/api/departments?q=fin', headers: { origin: 'https://evil.example.net' } })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('sends no CORS headers when no origin is configured', async () => {
    const app = await buildTestServer()
    const response = await app.inject({ url: '/api/departments?q=fin', headers: { origin: 'https://login.example.com' } })
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('answers 429 with a retry hint once a client exceeds the rate limit', async () => {
    const app = await buildTestServer({ env: { DEPARTMENTS_RATE_LIMIT: '3' } })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await app.inject('/api/departments?q=a')).statusCode)
    expect(statuses).toEqual([200, 200, 200, 429])
    const limited = await app.inject('/api/departments?q=a')
    expect(limited.headers['retry-after']).toBeDefined()
    expect(limited.json().message).toMatch(/Rate limit exceeded/)
  })
})
