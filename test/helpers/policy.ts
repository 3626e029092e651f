import defaultPolicy from '../../policy/default-policy.json' with { type: 'json' }
import { compilePolicy, type PolicyInput } from '../../policy/index.ts'
import { PolicySchema } from '../../policy/schema.ts'

export { defaultPolicy }

/** The default policy with some sections replaced, validated as a policy file would be. */
export function policyWith(overrides: Partial<PolicyInput> = {}) {
  return PolicySchema.parse({ ...defaultPolicy, ...overrides })
}

export function registrationPolicy(overrides: Partial<PolicyInput> = {}) {
  return compilePolicy(policyWith(overrides))
}
