import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { bundleEsModule } from './esModule.ts'
import { z } from 'zod'
import { PolicySchema } from '../../policy/schema.ts'
import { ROOT } from '../root.ts'

/** The JSON Schema editors use to complete and check policy files (`$schema` in policy/default-policy.json). */
export const POLICY_JSON_SCHEMA = path.join(ROOT, 'policy/policy.schema.json')

/** The policy file's JSON Schema, generated from the zod schema the server validates with. */
export function policyJsonSchema(): string {
  const schema = z.toJSONSchema(PolicySchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' })
  return `${JSON.stringify({ ...schema, title: 'Registration Kit policy' }, null, 2)}\n`
}

/** Writes policy/policy.schema.json; committed, so editors find it in a clone that was never built. */
export const writePolicyJsonSchema = () => writeFile(POLICY_JSON_SCHEMA, policyJsonSchema())

/**
 * The entries `registration-kit/policy` and `registration-kit/fastify` as ES modules (their packages stay
 * dependencies), and the type declarations of every entry (dist/types).
 */
export async function buildPackageEntries(): Promise<void> {
  await Promise.all([
    bundleEsModule('policy/package.ts', 'dist/policy/index.js', 'neutral'),
    bundleEsModule('server/registrationApi.ts', 'dist/fastify/index.js', 'node'),
  ])
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tools/build/tsconfig.types.json')], { stdio: 'inherit' })
}
