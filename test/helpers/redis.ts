import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './compiledServer.ts'

export interface RedisServer {
  url: string
  stop(): Promise<void>
}

/**
 * A real redis-server (Debian's `redis-server` package; `.ci/run` installs it) of its own, on a free port,
 * in a temporary folder, persisting nothing.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort()
  const dir = mkdtempSync(path.join(tmpdir(), 'rk-redis-'))
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output.includes('Ready to accept connections')) resolve()
    })
    child.once('error', (error) => reject(new Error(`redis-server could not start (${error.message}): on Debian, apt-get install redis-server`)))
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)))
  })
  await ready
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}
