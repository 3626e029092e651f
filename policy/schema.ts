import { z } from 'zod'
import { MAX_DEPARTMENT_LENGTH } from './departments.ts'
import { toAsciiDomain } from './domain.ts'
import { DEFAULT_MESSAGES, LANGUAGE_TAG, MESSAGE_PLACEHOLDERS, SHIPPED_MESSAGES, type MessageKey, type MessageSet } from './messages.ts'
import { fold } from './text.ts'

export { DEFAULT_MESSAGES, type MessageKey } from './messages.ts'

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

const Message = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500)
  .superRefine((message, ctx) => {
    for (const [, name] of message.matchAll(/\{(\w+)\}/g)) {
      if (!(MESSAGE_PLACEHOLDERS as readonly string[]).includes(name!)) {
        ctx.addIssue({ code: 'custom', message: `{${name}} is not a placeholder (use ${MESSAGE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})` })
      }
    }
  })

export const LanguageTag = z.string().regex(LANGUAGE_TAG, 'must be a language tag such as "en", "fr" or "pt-BR"')

const MessageOverrides = z.strictObject(
  Object.fromEntries(Object.keys(DEFAULT_MESSAGES).map((key) => [key, Message.optional()])) as Record<
    MessageKey,
    z.ZodOptional<typeof Message>
  >,
)

/**
 * `messages` per language (`{"en": {…}, "fr": {…}}`); a file that gives the keys directly gives English.
 * Every language ends up complete: a key a language leaves out takes the policy's English override if
 * there is one, else the shipped translation, else the English default.
 */
const Messages = z
  .preprocess(
    (raw) => (raw && typeof raw === 'object' && Object.keys(raw).some((key) => key in DEFAULT_MESSAGES) ? { en: raw } : raw),
    z.record(LanguageTag, MessageOverrides),
  )
  .default({})
  .transform((given): Record<string, MessageSet> => {
    const english = stripUndefined(given.en ?? {})
    const languages = new Set([...Object.keys(SHIPPED_MESSAGES), ...Object.keys(given)])
    return Object.fromEntries(
      [...languages].map((language) => {
        const own = stripUndefined(given[language] ?? {})
        const shipped = SHIPPED_MESSAGES[language] ?? DEFAULT_MESSAGES
        const set = Object.fromEntries(
          (Object.keys(DEFAULT_MESSAGES) as MessageKey[]).map((key) => [key, own[key] ?? english[key] ?? shipped[key]]),
        ) as MessageSet
        return [language, set]
      }),
    )
  })

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** The policy file: every registration rule, shared by the hook and the widget. */
export const PolicySchema = z
  .strictObject({
    /** Where editors find this schema (policy.schema.json); not a rule, so not kept. */
    $schema: z
      .string()
      .optional()
      .transform(() => undefined),
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
          /** The language the terms were shown in, whenever it is known. */
          localeAttribute: Attribute.default('termsLocale'),
        })
        .prefault({}),
    }),
    /** The user's language: what the hook answers in when the request does not tell. */
    locale: z
      .strictObject({
        default: LanguageTag.default('en'),
        /**
         * A non-schema enrollment-form attribute the kit fills with the widget's language, so that Okta
         * forwards it to the hook with the sign-up (whose request carries no language of its own).
         */
        attribute: Attribute.optional(),
      })
      .prefault({}),
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

export type PolicyCheck = { ok: true; policy: Policy } | { ok: false; problems: string[] }

/** Validates a policy as written; each problem reads `path: problem` (`email.allowedDomains[1]: …`). */
export function checkPolicy(input: unknown): PolicyCheck {
  const parsed = PolicySchema.safeParse(input)
  if (parsed.success) return { ok: true, policy: parsed.data }
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issuePath(issue.path) || '(top level)'}: ${issue.message}`) }
}

const issuePath = (path: readonly PropertyKey[]) =>
  path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`)).join('')
