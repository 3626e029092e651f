// The browser-safe surface: no zod at run time. The server validates policy files with ./schema.ts.
export { REASON_CODES, type ReasonCode, type ProfileIssue } from './reasons.ts'
export type { Policy, PolicyInput, MessageKey } from './schema.ts'
export { compilePolicy, type RegistrationPolicy, type Evaluation, type EvaluationOptions, type ProfileValues } from './evaluate.ts'
export { createDepartmentDirectory, type DepartmentDirectory, type DepartmentMatch, type DepartmentResults } from './departments.ts'
export type { EmailProviders } from './email.ts'
export { toAsciiDomain, isWithin } from './domain.ts'
export { fold } from './text.ts'
export { LANGUAGE_TAG, MESSAGE_REASONS, matchLanguage, type FieldMessageKey, type MessageSet } from './messages.ts'
