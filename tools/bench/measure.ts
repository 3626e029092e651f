import { execFileSync, fork } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { cpus } from 'node:os'
import autocannon from 'autocannon'
import { startCompiledServer } from '../../test/helpers/compiledServer.ts'
import { appEnv, startTarget, type RunningTarget, type TargetName } from './target.ts'

/** One load setting for every case, so rows compare. */
export interface BenchSettings {
  connections: number
  pipelining: number
  durationSeconds: number
  warmupSeconds: number
  /** The first warm-up of each case: long enough for V8 to optimize its code paths on one pinned CPU. */
  firstWarmupSeconds: number
}

export interface BenchRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
}

export interface BenchRow {
  name: string
  /** Where the server ran: its own process, or the load generator's. */
  process: 'child' | 'shared'
  logLevel: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Any of these makes the row meaningless (the server was answering something else). */
  non2xx: number
  errors: number
  /** Name of the row this one is divided by, and the ratio of their req/s. */
  baseline?: string
  ratio?: number
}

/** Loads `origin + request.path`: a discarded warm-up (JIT, connection setup), then the measured run. */
export async function measure(
  settings: BenchSettings,
  origin: string,
  request: BenchRequest,
  warmupSeconds = settings.warmupSeconds,
): Promise<Pick<BenchRow, 'requestsPerSecond' | 'p50Ms' | 'p99Ms' | 'non2xx' | 'errors'>> {
  const options = {
    url: origin + request.path,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: settings.connections,
    pipelining: settings.pipelining,
  }
  await autocannon({ ...options, duration: warmupSeconds })
  const result = await autocannon({ ...options, duration: settings.durationSeconds })
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/**
 * On a 2-core machine the load generator and the server compete for CPU, and the generator's own cost per
 * response (bigger answers cost it more) leaks into the figures. Where `taskset` exists, the generator is
 * pinned to CPU 0 and each child server to CPU 1, so the server's throughput is what gets measured.
 */
export const PINNED = cpus().length >= 2 && pin(process.pid, 0)

function pin(pid: number | undefined, cpu: number): boolean {
  if (pid === undefined) return false
  try {
    execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', String(cpu), String(pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/**
 * A target server in a child process with its stdout (the request log) going to /dev/null. The app is the
 * compiled build (`npm run start:prod`), which `npm run bench` builds first.
 */
export async function startChildTarget(name: TargetName, logLevel: string): Promise<RunningTarget> {
  const devNull = openSync('/dev/null', 'w')
  if (name === 'app') {
    const server = await startCompiledServer(appEnv(logLevel), { stdout: devNull }).finally(() => closeSync(devNull))
    if (PINNED) pin(server.pid, 1)
    return server
  }
  const child = fork(new URL('./target.ts', import.meta.url), [name, logLevel], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', devNull, 'inherit', 'ipc'],
  })
  closeSync(devNull)
  if (PINNED) pin(child.pid, 1)
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { origin: string }).origin))
    child.once('exit', (code) => reject(new Error(`bench target ${name} exited with ${code} before listening`)))
  })
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.disconnect()
        // A server that does not stop on its own must not keep the bench from finishing.
        setTimeout(() => child.kill(), 5000).unref()
      }),
  }
}

export async function startTargetIn(where: BenchRow['process'], name: TargetName, logLevel: string) {
  return where === 'child' ? startChildTarget(name, logLevel) : startTarget(name, logLevel)
}
