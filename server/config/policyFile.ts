import { readFileSync } from 'node:fs'
import path from 'node:path'
import { checkPolicy, type PolicyCheck } from '../../policy/schema.ts'

export const DEFAULT_POLICY_FILE = path.join(import.meta.dirname, '../../policy/default-policy.json')

/** POLICY_FILE as given, or the shipped default when it is unset or blank (an empty line in .env). */
export const policyFilePath = (value: string | undefined) => value?.trim() || DEFAULT_POLICY_FILE

/**
 * Reads and validates a policy file, for the server and `npm run snippet` alike; each problem reads
 * `file: path: problem`, naming the file and the bad value's path.
 */
export function readPolicyFile(file: string): PolicyCheck {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    return { ok: false, problems: [`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`] }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, problems: [`${file}: not valid JSON (${(error as Error).message})`] }
  }
  const checked = checkPolicy(json)
  return checked.ok ? checked : { ok: false, problems: checked.problems.map((problem) => `${file}: ${problem}`) }
}
