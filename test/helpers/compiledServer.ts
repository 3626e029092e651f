import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SERVER_ENTRY } from '../../tools/build/server.ts'

export interface CompiledServer {
  origin: string
  pid: number | undefined
  /** Everything it wrote to stderr (and to stdout when piped). */
  output(): string
  /** SIGTERM, as a load balancer's orchestrator stops a replica; SIGKILL when it does not exit within 5 s. */
  close(): Promise<void>
}

/** A port nothing listens on, for a server started next. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const { port } = probe.address() as AddressInfo
  probe.close()
  await once(probe, 'close')
  return port
}

/**
 * `npm run start:prod`: `node dist/server/main.js`, no TypeScript loader, ready once /healthz answers 200 as a
 * load balancer would see it. It runs in `cwd` (a fresh folder by default, so no .env of the developer's
 * is read) with only `env` and PATH set; `stdout` may be a file descriptor to send the request log to.
 */
export async function startCompiledServer(
  env: Record<string, string>,
  { cwd = mkdtempSync(path.join(tmpdir(), 'rk-prod-')), stdout = 'pipe' }: { cwd?: string; stdout?: 'pipe' | number } = {},
): Promise<CompiledServer> {
  const port = await freePort()
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', stdout, 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = once(child, 'exit')
  const server: CompiledServer = {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid,
    output: () => output,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000)
      child.kill('SIGTERM')
      await exited
      clearTimeout(kill)
    },
  }
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`node ${SERVER_ENTRY} exited with ${child.exitCode}:\n${output}`)
    const healthy = await fetch(`${server.origin}/healthz`).then((response) => response.ok, () => false)
    if (healthy) return server
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await server.close()
  throw new Error(`node ${SERVER_ENTRY} did not answer /healthz within 20 s:\n${output}`)
}
