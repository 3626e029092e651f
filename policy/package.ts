// `registration-kit/policy`: the rules for servers and tools of one's own, with the schema that checks a
// policy file (zod). Browser code imports ./index.ts instead, which keeps zod out of its bundles.
export * from './index.ts'
export { PolicySchema, checkPolicy, type PolicyCheck } from './schema.ts'
