import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { formatFirstVisit, measureFirstVisits } from './firstVisit.ts'
import { formatKit, measureKit } from './kit.ts'
import { measure, PINNED, startTargetIn, type BenchRequest, type BenchRow, type BenchSettings } from './measure.ts'
import { DEPARTMENTS_PATH } from '../../server/departments/index.ts'
import { HOOK_PATH } from '../../server/hook/contract.ts'
import { BENCH_SECRET, type RunningTarget, type TargetName } from './target.ts'

// npm run bench [-- --duration 6 --warmup 2 --first-warmup 8 --rounds 3]: load figures, never a pass/fail gate (exit 0 whatever the numbers).
// Every case runs in this one process run with the same settings, and every ratio divides by a bare
// Fastify route measured in the same run under the same conditions (process placement, logger level).

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '2' },
    'first-warmup': { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
  },
})
// The machine is shared and noisy: every case runs once per round, rounds interleaved, and each figure is
// the median over rounds, so a burst of outside load skews one sample, not a ratio.
const ROUNDS = Math.max(1, Number(args.rounds))
const settings: BenchSettings = {
  connections: 50,
  pipelining: 1,
  durationSeconds: Number(args.duration),
  warmupSeconds: Number(args.warmup),
  // Measured here: after 2 s of load the app still answered a third slower in the next second than in
  // the ones after (V8 still optimizing, its compiler sharing the server's CPU), which the p99 picked up.
  firstWarmupSeconds: Number(args['first-warmup']),
}

// Issue #4: the hook at 0.5x the bare route or better (aim 0.7x), p99 at most 15 ms at 50 connections.
const REQUIRED_RATIO = 0.5
const AIMED_RATIO = 0.7
const MAX_P99_MS = 15

const hookHeaders = { 'content-type': 'application/json', authorization: BENCH_SECRET }
const hookRequest = (userProfile: Record<string, unknown>): BenchRequest => ({
  method: 'POST',
  path: HOOK_PATH,
  headers: hookHeaders,
  body: JSON.stringify({
    eventId: 'bench-event-0001',
    eventTime: '2026-01-15T09:30:00.000Z',
    eventType: 'com.okta.user.pre-registration',
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: 'regt4qeBKU29vSoPz0g3',
    requestType: 'self.service.registration',
    data: {
      context: { request: { method: 'POST', ipAddress: '203.0.113.7', id: 'bench-request-id', url: { value: '/idp/idx/enroll/new' } } },
      userProfile,
      action: 'ALLOW',
    },
  }),
})

const ALLOW = hookRequest({
  firstName: 'Rosario',
  lastName: 'Jones',
  login: 'rosario.jones@example.com',
  email: 'rosario.jones@example.com',
  department: 'engineering',
  termsAccepted: true,
})

const REQUESTS = {
  bare: { method: 'GET', path: '/' },
  // The hook's very request (same headers and body) to a route that parses it and answers a constant.
  bareHookRequest: { ...ALLOW, path: '/constant' },
  allow: ALLOW,
  // Four causes: a free-mail domain, a near-miss department (runs the suggestion search), a web address
  // as a name, consent declined.
  deny: hookRequest({
    firstName: 'visit evil.com',
    lastName: 'Jones',
    login: 'rosario.jones@gmail.com',
    email: 'rosario.jones@gmail.com',
    department: 'enginering',
    termsAccepted: false,
  }),
  departments: { method: 'GET', path: `${DEPARTMENTS_PATH}?q=eng` },
} satisfies Record<string, BenchRequest>

interface BenchCase {
  name: string
  target: TargetName
  request: keyof typeof REQUESTS
  process: BenchRow['process']
  logLevel: string
  /** The bare case this one is divided by; checked against the targets when `checked`. */
  baseline?: string
  checked?: boolean
}

// Logging, and what is fair about it. At `info` Fastify writes two lines per request ("incoming request",
// "request completed") on every route but the hook, which writes its one decision line instead. The main pair runs both servers
// at `warn`, so no per-request log: that measures the hook's own work. The `info` pair runs both at the
// level `npm start` uses by default (LOG_LEVEL as configured), stdout to /dev/null: the bare route pays for
// Fastify's two lines too, so the ratio shows what the decision line and the hook cost in production terms.
const CONFIGURED_LEVEL = process.env.LOG_LEVEL || 'info'
// The baseline for the hook is the bare route that receives the hook's own request and answers a constant
// JSON: the same settings, the same bytes in. `bare GET /` (no body at all) is kept for reference.
const BARE = 'bare POST /constant (hook request in, {"ok":true} out)'
const cases: BenchCase[] = [
  { name: BARE, target: 'bare', request: 'bareHookRequest', process: 'child', logLevel: 'warn' },
  { name: 'bare GET /', target: 'bare', request: 'bare', process: 'child', logLevel: 'warn', baseline: BARE },
  { name: 'bare POST, hook-size answer', target: 'bare', request: 'allow', process: 'child', logLevel: 'warn', baseline: BARE },
  { name: 'hook allow', target: 'app', request: 'allow', process: 'child', logLevel: 'warn', baseline: BARE, checked: true },
  { name: 'hook deny (4 causes)', target: 'app', request: 'deny', process: 'child', logLevel: 'warn', baseline: BARE, checked: true },
  { name: `GET ${DEPARTMENTS_PATH}?q=eng`, target: 'app', request: 'departments', process: 'child', logLevel: 'warn', baseline: 'bare GET /' },
  { name: `${BARE} (log ${CONFIGURED_LEVEL})`, target: 'bare', request: 'bareHookRequest', process: 'child', logLevel: CONFIGURED_LEVEL },
  {
    name: `hook allow (log ${CONFIGURED_LEVEL})`,
    target: 'app',
    request: 'allow',
    process: 'child',
    logLevel: CONFIGURED_LEVEL,
    baseline: `${BARE} (log ${CONFIGURED_LEVEL})`,
    checked: true,
  },
  // For comparison only: server and autocannon on one event loop, both slowed by sharing it.
  { name: `${BARE} (shared process)`, target: 'bare', request: 'bareHookRequest', process: 'shared', logLevel: 'warn' },
  {
    name: 'hook allow (shared process)',
    target: 'app',
    request: 'allow',
    process: 'shared',
    logLevel: 'warn',
    baseline: `${BARE} (shared process)`,
  },
]

/** Runs the cases round after round, starting each distinct server (target, level, process) once and reusing it. */
async function runCases(list: BenchCase[]): Promise<BenchRow[]> {
  const servers = new Map<string, RunningTarget>()
  const samples = new Map<string, Array<Awaited<ReturnType<typeof measure>>>>()
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const item of list) {
        const key = `${item.target}/${item.logLevel}/${item.process}`
        let server = servers.get(key)
        if (!server) {
          server = await startTargetIn(item.process, item.target, item.logLevel)
          servers.set(key, server)
        }
        process.stderr.write(`round ${round}/${ROUNDS}: measuring ${item.name}…\n`)
        const warmup = round === 1 ? settings.firstWarmupSeconds : settings.warmupSeconds
        const figures = await measure(settings, server.origin, REQUESTS[item.request], warmup)
        samples.set(item.name, [...(samples.get(item.name) ?? []), figures])
      }
    }
  } finally {
    await Promise.all([...servers.values()].map((server) => server.close()))
  }
  const rows: BenchRow[] = list.map((item) => {
    const runs = samples.get(item.name)!
    return {
      name: item.name,
      process: item.process,
      logLevel: item.logLevel,
      requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
      p50Ms: median(runs.map((run) => run.p50Ms)),
      p99Ms: median(runs.map((run) => run.p99Ms)),
      non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
      errors: runs.reduce((sum, run) => sum + run.errors, 0),
    }
  })
  for (const [index, item] of list.entries()) {
    const base = rows.find((row) => row.name === item.baseline)
    if (base) Object.assign(rows[index]!, { baseline: base.name, ratio: rows[index]!.requestsPerSecond / base.requestsPerSecond })
  }
  return rows
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Other budgets measured in the same run. Each returns a JSON-able result and the lines to print; a
 * failure is reported and does not lose the load figures. Add another budget by adding an entry here.
 */
const extensions: Array<{ name: string; run(): Promise<{ result: unknown; lines: string }> }> = [
  {
    name: 'kit',
    run: async () => {
      const result = await measureKit()
      return { result, lines: formatKit(result) }
    },
  },
  {
    name: 'firstVisit',
    run: async () => {
      const result = await measureFirstVisits()
      return { result, lines: result.map(formatFirstVisit).join('\n') }
    },
  },
]

async function runExtensions(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {}
  for (const extension of extensions) {
    try {
      const { result, lines } = await extension.run()
      console.log(lines)
      results[extension.name] = result
    } catch (error) {
      console.log(`${extension.name}: not measured: ${(error as Error).message}`)
      results[extension.name] = { error: (error as Error).message }
    }
  }
  return results
}

function verdict(row: BenchRow): string {
  if (row.ratio === undefined) return ''
  const ratio = row.ratio >= REQUIRED_RATIO ? (row.ratio >= AIMED_RATIO ? 'PASS (aim met)' : 'PASS') : 'MISS'
  const p99 = row.p99Ms <= MAX_P99_MS ? 'PASS' : 'MISS'
  return `ratio ${ratio}, p99 ${p99}`
}

function printTable(rows: BenchRow[], checked: Set<string>) {
  const table = rows.map((row) => ({
    case: row.name,
    'req/s': Math.round(row.requestsPerSecond),
    'p50 ms': row.p50Ms,
    'p99 ms': row.p99Ms,
    'x bare': row.ratio === undefined ? '' : row.ratio.toFixed(2),
    'non-2xx/errors': row.non2xx + row.errors || '',
    target: checked.has(row.name) ? verdict(row) : '',
  }))
  console.table(table)
  console.log(
    `Targets (issue #4): hook >= ${REQUIRED_RATIO}x bare (aim ${AIMED_RATIO}x), p99 <= ${MAX_P99_MS} ms; ` +
      `${settings.connections} connections, pipelining ${settings.pipelining}, ${settings.durationSeconds} s after ${settings.warmupSeconds} s warm-up ` +
      `(${settings.firstWarmupSeconds} s the first time); ` +
      `median of ${ROUNDS} interleaved rounds; ` +
      (PINNED ? 'load generator on CPU 0, child servers on CPU 1.' : 'processes not pinned to CPUs (no taskset).'),
  )
  if (rows.some((row) => row.non2xx + row.errors > 0)) console.log('WARNING: some rows had non-2xx answers or errors; their figures are not comparable.')
}

const rows = await runCases(cases)
const checked = new Set(cases.filter((item) => item.checked).map((item) => item.name))
printTable(rows, checked)
// After the servers have stopped, so these CPU-bound measurements have the machine to themselves.
const budgets = await runExtensions()

const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version
mkdirSync('bench-results', { recursive: true })
writeFileSync(
  'bench-results/hook.json',
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      fastify: packageVersion('fastify'),
      autocannon: packageVersion('autocannon'),
      cpus: cpus().length,
      settings,
      rounds: ROUNDS,
      pinnedToCpus: PINNED,
      targets: { requiredRatio: REQUIRED_RATIO, aimedRatio: AIMED_RATIO, maxP99Ms: MAX_P99_MS },
      rows: rows.map((row) => ({ ...row, verdict: checked.has(row.name) ? verdict(row) : undefined })),
      ...budgets,
    },
    null,
    2,
  )}\n`,
)
console.log('Saved bench-results/hook.json')
