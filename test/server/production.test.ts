import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { compileServer } from '../../tools/build/server.ts'
import { freePort, startCompiledServer } from '../helpers/compiledServer.ts'
import { allowedProfile, registrationRequest } from '../helpers/hookRequests.ts'
import { HOOK_SECRET } from '../helpers/server.ts'

// What `npm run build && npm run start:prod` runs: the compiled server under plain node. The server is
// compiled afresh; the browser builds are the test run's (test/helpers/builtFiles.ts).
beforeAll(async () => {
  await compileServer()
}, 120_000)

async function start(...args: Parameters<typeof startCompiledServer>) {
  const server = await startCompiledServer(...args)
  onTestFinished(() => server.close())
  return server
}

describe('npm run start:prod (dist/server/main.js under plain node)', () => {
  it('answers /healthz, serves the page and its bundle, and answers the hook', async () => {
    const { origin } = await start({ HOOK_AUTH_SECRET: HOOK_SECRET, LOG_LEVEL: 'warn' })

    const page = await fetch(`${origin}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="sign-in-widget"></div>')
    expect((await fetch(`${origin}/page/page.js`)).status).toBe(200)

    const hook = await fetch(`${origin}/hooks/registration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: HOOK_SECRET },
      body: JSON.stringify(registrationRequest(allowedProfile)),
    })
    expect(hook.status).toBe(200)
    expect(await hook.json()).toMatchObject({ commands: [{ type: 'com.okta.user.profile.update', value: { department: 'Engineering' } }] })
  })

  it('exits at boot naming RATE_LIMIT_REDIS_URL when Redis cannot be reached', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`
    await expect(start({ RATE_LIMIT_REDIS_URL: url })).rejects.toThrow(`exited with 1:\nInvalid configuration:\n  - RATE_LIMIT_REDIS_URL ${url}: cannot connect (ECONNREFUSED)`)
  })
})

describe('.env', () => {
  it('is read from the working directory, and the environment wins over it', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'rk-dotenv-'))
    writeFileSync(path.join(cwd, '.env'), `HOOK_AUTH_SECRET=${HOOK_SECRET}\nHOOK_AUTH_HEADER=x-from-dotenv\nLOG_LEVEL=warn\n`)
    const { origin } = await start({ HOOK_AUTH_HEADER: 'x-from-environment' }, { cwd })
    const call = (header: string) =>
      fetch(`${origin}/hooks/registration`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: HOOK_SECRET },
        body: JSON.stringify(registrationRequest(allowedProfile)),
      })
    // The secret came from .env; the header name from the environment, not from .env.
    expect((await call('x-from-environment')).status).toBe(200)
    expect((await call('x-from-dotenv')).status).toBe(401)
  })
})
