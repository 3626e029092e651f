import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JWTVerifyGetKey } from 'jose'
import { onTestFinished } from 'vitest'
import { buildServer } from '../../server/app.ts'
import { loadConfig } from '../../server/config/index.ts'
import type { PolicyInput } from '../../policy/index.ts'
import { defaultPolicy } from './policy.ts'

export const HOOK_SECRET = 'Basic YWRtaW46c3VwZXJzZWNyZXQ='

/** Writes a policy file the way an operator would, for POLICY_FILE. */
export function writePolicyFile(policy: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rk-policy-')), 'policy.json')
  writeFileSync(path, typeof policy === 'string' ? policy : JSON.stringify(policy))
  return path
}

export interface TestServerOptions {
  env?: Record<string, string>
  policy?: Partial<PolicyInput>
  fetchKeys?: JWTVerifyGetKey
  logs?: string[]
}

/**
 * The real app from an env-like object, as `npm start` builds it, ready for inject(), and closed when the
 * test that built it ends: call it inside a test, not in beforeAll.
 */
export async function buildTestServer({ env = {}, policy, fetchKeys, logs }: TestServerOptions = {}) {
  const config = loadConfig({
    HOOK_AUTH_SECRET: HOOK_SECRET,
    ...(policy ? { POLICY_FILE: writePolicyFile({ ...defaultPolicy, ...policy }) } : {}),
    ...env,
  })
  const logger = logs
    ? { level: 'info', stream: { write: (line: string) => void logs.push(line) } }
    : false
  const app = await buildServer({ config, fetchKeys, logger })
  onTestFinished(() => app.close())
  await app.ready()
  return app
}
