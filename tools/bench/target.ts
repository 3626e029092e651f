import Fastify from 'fastify'
import { buildServer } from '../../server/app.ts'
import { loadConfig } from '../../server/config/index.ts'
import { HOOK_BODY_LIMIT, HOOK_PATH } from '../../server/hook/index.ts'

// A server under load: started in its own process by run.ts (so the load generator never shares its
// event loop), or in the load generator's process to show what that sharing costs.

export const BENCH_SECRET = 'bench-secret-0123456789abcdef'

const ALLOW_ANSWER = {
  commands: [
    {
      type: 'com.okta.user.profile.update',
      value: {
        firstName: 'Rosario',
        lastName: 'Jones',
        email: 'rosario.jones@example.com',
        login: 'rosario.jones@example.com',
        department: 'Engineering',
        termsVersion: '2026-01',
        termsAcceptedAt: '2026-01-15T09:30:00.000Z',
      },
    },
  ],
}

export type TargetName = 'bare' | 'app'

/** The app's environment: the departments rate limit lifted, so the bench measures search, not 429s from one IP. */
export const appEnv = (logLevel: string) => ({ HOOK_AUTH_SECRET: BENCH_SECRET, LOG_LEVEL: logLevel, DEPARTMENTS_RATE_LIMIT: '1000000000' })

export interface RunningTarget {
  origin: string
  close(): Promise<void>
}

/**
 * `bare`: Fastify with the product's server options and logger level, and routes returning a constant
 * JSON; POST /constant (the hook's request in, a constant out) is the hook's baseline. `app`: the product
 * as `npm start` builds it (its own logger settings), from the TypeScript sources; in its own process the
 * bench runs the compiled build instead (measure.ts).
 */
export async function startTarget(name: TargetName, logLevel: string): Promise<RunningTarget> {
  const app =
    name === 'bare'
      ? Fastify({
          logger: { level: logLevel },
          bodyLimit: HOOK_BODY_LIMIT,
          connectionTimeout: 30_000,
          requestTimeout: 15_000,
          keepAliveTimeout: 72_000,
          forceCloseConnections: 'idle',
          return503OnClosing: true,
        })
          .get('/', async () => ({ hello: 'world' }))
          // Fastify's own JSON parsing of the hook's request and an answer of the hook's size, no validation
          // or policy: separates what any POST of this size costs from what the hook adds.
          .post(HOOK_PATH, async () => ALLOW_ANSWER)
          .post('/constant', async () => ({ ok: true }))
      : await buildServer({ config: loadConfig(appEnv(logLevel)) })
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
  return { origin, close: () => app.close() }
}

// Child mode: `node --import tsx tools/bench/target.ts <name> <logLevel>`; reports its origin over IPC and
// stops when the parent disconnects. Its stdout (the log) is the parent's choice, /dev/null in run.ts.
if (process.argv[1] === import.meta.filename && process.send) {
  const [name, logLevel] = process.argv.slice(2) as [TargetName, string]
  const target = await startTarget(name, logLevel)
  process.send({ origin: target.origin })
  process.once('disconnect', () => void target.close())
}
