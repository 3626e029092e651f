import { z } from 'zod'
import { REASON_CODES } from '../../policy/reasons.ts'
import { ErrorBody } from '../errors.ts'

// Okta's registration inline hook contract (com.okta.user.pre-registration). One source of truth: the
// zod schemas give the TypeScript types and, converted once, the JSON schemas Fastify compiles for
// validation and serialization (much faster per request than running zod's parser).

const ProfileValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])
/** Flat attribute name → value pairs, as Okta sends them (custom attributes included). */
const Profile = z.record(z.string().max(200), ProfileValue)
const Version = z.union([z.string().max(20), z.number()])

/** Where the service answers Okta's hook calls: the URL an admin registers in Okta is this path on its origin. */
export const HOOK_PATH = '/hooks/registration'
/** Okta waits this long for each hook call, retries once, then fails closed (the registration is refused). */
export const OKTA_HOOK_BUDGET_MS = 3000

export const HookRequest = z.looseObject({
  eventId: z.string().min(1).max(200),
  /** ISO 8601 (Okta sends `2022-04-25T17:35:27.000Z`); consent is stamped at this time. */
  eventTime: z.iso.datetime({ offset: true }),
  eventType: z.literal('com.okta.user.pre-registration'),
  eventTypeVersion: Version.optional(),
  cloudEventVersion: Version.optional(),
  contentType: z.string().max(200).optional(),
  source: z.string().max(200).optional(),
  /** Identity Engine only; Classic requests have none, and are registrations. */
  requestType: z.enum(['self.service.registration', 'progressive.profile']).optional(),
  data: z.looseObject({
    context: z
      .looseObject({
        request: z
          .looseObject({ url: z.looseObject({ value: z.string().max(2000) }).optional() })
          .optional(),
        /** Progressive profiling: the signed-in user, whose profile carries their `locale` ("en_US"). */
        user: z.looseObject({ profile: Profile.optional() }).optional(),
      })
      .optional(),
    userProfile: Profile.optional(),
    userProfileUpdate: Profile.optional(),
    action: z.string().max(20).nullable().optional(),
  }),
})
export type HookRequest = z.infer<typeof HookRequest>

const ErrorCause = z.object({
  errorSummary: z.string(),
  reason: z.enum(REASON_CODES),
  locationType: z.literal('body'),
  location: z.string(),
  domain: z.literal('end-user'),
})

const Command = z.object({
  type: z.enum(['com.okta.user.profile.update', 'com.okta.user.progressive.profile.update', 'com.okta.action.update']),
  value: z.record(z.string(), z.string()),
})

export const HookResponse = z.object({
  commands: z.array(Command),
  error: z.object({ errorSummary: z.string(), errorCauses: z.array(ErrorCause) }).optional(),
})
export type HookResponse = z.infer<typeof HookResponse>
export type HookCommand = z.infer<typeof Command>

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io,
    // zod writes a format together with the pattern that defines it (eventTime): the pattern is the
    // check, and ajv-formats would repeat it on every request.
    override: ({ jsonSchema }) => {
      if (jsonSchema.pattern !== undefined) delete jsonSchema.format
    },
  })
  return rest
}

export const hookRouteSchema = {
  body: jsonSchema(HookRequest, 'input'),
  response: {
    200: jsonSchema(HookResponse, 'output'),
    '4xx': jsonSchema(ErrorBody, 'output'),
  },
}
