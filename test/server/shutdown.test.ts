import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { connect } from 'node:net'
import { describe, expect, it, onTestFinished } from 'vitest'
import { allowedProfile, registrationRequest } from '../helpers/hookRequests.ts'
import { HOOK_SECRET } from '../helpers/server.ts'

/** Runs `npm start`'s entry point as a real process, killed when the test ends, and waits for the URL it prints. */
async function start(env: Record<string, string>) {
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  onTestFinished(() => {
    server.kill('SIGKILL')
  })
  let output = ''
  server.stdout!.on('data', (chunk) => (output += chunk))
  server.stderr!.on('data', (chunk) => (output += chunk))
  const exited = once(server, 'exit')
  for (;;) {
    const match = /running at (http:\/\/\S+)/.exec(output)
    if (match) return { url: new URL(match[1]!), server }
    const done = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(resolve, 50, false))])
    if (done) throw new Error(`server exited with ${server.exitCode}: ${output}`)
  }
}

describe('npm start (server/main.ts)', () => {
  it('prints the URL and serves /healthz', async () => {
    const { url } = await start({ HOOK_AUTH_SECRET: HOOK_SECRET })
    expect(url.hostname).toBe('127.0.0.1')
    const response = await fetch(new URL('/healthz', url))
    expect(response.status).toBe(200)
  })

  it('lets an in-flight hook request finish on SIGTERM, then exits 0', async () => {
    const { url, server } = await start({ HOOK_AUTH_SECRET: HOOK_SECRET })
    const body = JSON.stringify(registrationRequest(allowedProfile))
    const socket = connect(Number(url.port), url.hostname)
    await once(socket, 'connect')
    let reply = ''
    socket.on('data', (chunk) => (reply += chunk))
    // Headers and half the body: the request is in flight when the signal arrives.
    socket.write(
      `POST /hooks/registration HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: ${HOOK_SECRET}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n` +
        body.slice(0, 100),
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    const exited = once(server, 'exit')
    server.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 200))
    socket.end(body.slice(100))
    await once(socket, 'close')
    expect(reply).toMatch(/^HTTP\/1.1 200/)
    expect(reply).toContain('com.okta.user.profile.update')
    const [code] = await exited
    expect(code).toBe(0)
  })

  it('refuses to start with a bad configuration, naming the value', async () => {
    await expect(start({ PORT: 'eighty' })).rejects.toThrow(/^server exited with 1: [^]*PORT: /)
  })
})
