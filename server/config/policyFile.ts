import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { z } from 'zod'
import { PolicySchema, type Policy } from '../../policy/schema.ts'

export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('../../policy/default-policy.json', import.meta.url))

export type PolicyFileResult = { ok: true; policy: Policy } | { ok: false; problems: string[] }

/** Reads and validates a policy file; each problem names the file and the bad value's path. */
export function readPolicyFile(path: string): PolicyFileResult {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return { ok: false, problems: [`POLICY_FILE ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`] }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, problems: [`POLICY_FILE ${path}: not valid JSON (${(error as Error).message})`] }
  }
  const parsed = PolicySchema.safeParse(json)
  if (parsed.success) return { ok: true, policy: parsed.data }
  return { ok: false, problems: parsed.error.issues.map((issue) => `POLICY_FILE ${path}: ${describe(issue)}`) }
}

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`)).join('')
  return `${path || '(top level)'}: ${issue.message}`
}
