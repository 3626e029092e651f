import { z } from 'zod'
import { MAX_DEPARTMENT_LENGTH } from './departments.ts'
import { toAsciiDomain } from './domain.ts'
import { fold } from './text.ts'

const Attribute = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'must be an Okta attribute name (letters, digits, underscore)')

const DomainName = z.string().transform((raw, ctx) => {
  const ascii = toAsciiDomain(raw.trim())
  if (ascii === null) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a valid domain name` })
    return z.NEVER
  }
  return ascii
})

// Consent links open from the registration form: only https, or a path on the page's own origin.
const ConsentLink = z
  .string()
  .refine(
    (link) => (link.startsWith('/') && !link.startsWith('//')) || /^https:\/\/[^\s]+$/.test(link),
    'must be an https:// URL or a same-origin path starting with /',
  )

const Message = z.string().trim().min(1, 'must not be empty').max(500)

export const DEFAULT_MESSAGES = {
  summary: 'Some of the details you entered cannot be used. Correct the highlighted fields and try again.',
  invalidEmail: 'Enter a valid email address, like name@example.com.',
  emailDomainNotAllowed: 'Use your work email address. Only {allowedDomains} addresses can register.',
  emailDomainDenied: 'Email addresses at {domain} cannot register. Use your work email address.',
  freeEmail: 'Use your work email address. Free email providers such as {domain} cannot be used.',
  disposableEmail: 'Use a permanent email address. Disposable addresses such as {domain} cannot be used.',
  invalidName: 'Use {min} to {max} letters, spaces, apostrophes, hyphens or periods.',
  departmentRequired: 'Choose your department from the list.',
  unknownDepartment: 'Choose a department from the list.',
  unknownDepartmentSuggestion: 'Choose a department from the list. Did you mean {suggestion}?',
  termsNotAccepted: 'To create an account, agree to the Terms of Service and Privacy Policy.',
} as const

export type MessageKey = keyof typeof DEFAULT_MESSAGES

const Messages = z
  .strictObject(
    Object.fromEntries(Object.keys(DEFAULT_MESSAGES).map((key) => [key, Message.optional()])) as Record<
      MessageKey,
      z.ZodOptional<typeof Message>
    >,
  )
  .default({})
  .transform((messages) => ({ ...DEFAULT_MESSAGES, ...stripUndefined(messages) }))

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** The policy file: every registration rule, shared by the hook and the widget. */
export const PolicySchema = z
  .strictObject({
    email: z
      .strictObject({
        attribute: Attribute.default('email'),
        /** Only these domains and their subdomains may register. Empty: any domain not blocked below. */
        allowedDomains: z.array(DomainName).default([]),
        /** Never allowed, even when listed above. */
        deniedDomains: z.array(DomainName).default([]),
        /** Deny free-mail providers (gmail.com...) when the allow-list is empty. */
        blockFreeMail: z.boolean().default(true),
        /** Deny disposable-address providers when the allow-list is empty. */
        blockDisposable: z.boolean().default(true),
      })
      .prefault({}),
    names: z
      .strictObject({
        attributes: z.array(Attribute).default(['firstName', 'lastName']),
        minLength: z.int().min(1).max(100).default(1),
        maxLength: z.int().min(1).max(100).default(50),
      })
      .refine((names) => names.minLength <= names.maxLength, {
        message: 'minLength must not exceed maxLength',
        path: ['minLength'],
      })
      .prefault({}),
    department: z
      .strictObject({
        attribute: Attribute.default('department'),
        required: z.boolean().default(true),
        /** The directory: canonical department names, as they are stored in profiles. */
        directory: z
          .array(z.string().trim().min(1, 'must not be empty').max(MAX_DEPARTMENT_LENGTH))
          .min(1, 'must list at least one department'),
        /** Offer "Did you mean …?" for a near miss. */
        suggest: z.boolean().default(true),
      }),
    consent: z.strictObject({
      /** The enrollment-form boolean that records the checkbox (a non-schema attribute in Okta). */
      attribute: Attribute.default('termsAccepted'),
      required: z.boolean().default(true),
      version: z.string().trim().min(1).max(100),
      termsUrl: ConsentLink,
      privacyUrl: ConsentLink,
      stamp: z
        .strictObject({
          enabled: z.boolean().default(true),
          versionAttribute: Attribute.default('termsVersion'),
          acceptedAtAttribute: Attribute.default('termsAcceptedAt'),
        })
        .prefault({}),
    }),
    messages: Messages,
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>()
    policy.department.directory.forEach((name, index) => {
      const key = fold(name)
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['department', 'directory', index], message: `"${name}" is listed twice` })
      }
      seen.add(key)
    })
  })

/** The policy file as written (defaults optional). */
export type PolicyInput = z.input<typeof PolicySchema>
/** The validated policy, every default filled in. */
export type Policy = z.output<typeof PolicySchema>
