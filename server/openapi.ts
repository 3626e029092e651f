import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import packageJson from '../package.json' with { type: 'json' }
import type { HookAuthConfig } from './hook/auth.ts'
import { DEPARTMENTS_PATH, DepartmentQuery, DepartmentResults } from './departments/index.ts'
import { ErrorBody } from './errors.ts'
import { HookRequest, HookResponse } from './hook/contract.ts'
import { HOOK_BODY_LIMIT, HOOK_PATH } from './hook/index.ts'
import { toHookResponse } from './hook/response.ts'

/** A route's zod schema in OpenAPI 3.1's own dialect, JSON Schema 2020-12: what it accepts (input) or sends (output). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io })
  return rest
}

const components = {
  HookRequest: schemaOf(HookRequest, 'input'),
  HookResponse: schemaOf(HookResponse, 'output'),
  DepartmentResults: schemaOf(DepartmentResults, 'output'),
  Error: schemaOf(ErrorBody, 'output'),
}

// Built by the hook's own mapping, so the examples are what it sends.
const hookExamples = {
  allow: {
    summary: 'ALLOW: the normalized values and the consent stamps',
    value: toHookResponse(
      { issues: [], updates: { department: 'Customer Success', termsVersion: '2026-01', termsAcceptedAt: '2022-04-25T17:35:27.000Z' } },
      'registration',
      '',
    ),
  },
  deny: {
    summary: 'DENY: one cause per failing attribute',
    value: toHookResponse(
      { issues: [{ attribute: 'email', reason: 'INVALID_EMAIL_DOMAIN', message: 'Only example.com addresses can register.' }], updates: {} },
      'registration',
      'Correct the highlighted fields and try again.',
    ),
  },
}

const json = (name: keyof typeof components, examples?: typeof hookExamples) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${name}` }, ...(examples && { examples }) },
})
const error = (description: string) => ({ description, content: json('Error') })

/** The hook's credentials as security schemes: the header secret and, when configured, Okta's bearer token. */
function securitySchemes({ header, oauth }: HookAuthConfig) {
  return {
    ...(header && {
      hookSecret: { type: 'apiKey', in: 'header', name: header.name, description: "The header's whole value is the secret." },
    }),
    ...(oauth && {
      oktaBearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          `An RS256 access token issued by ${oauth.issuer} for the audience ${oauth.audience}` +
          (oauth.clientId ? `, client (cid) ${oauth.clientId}` : '') +
          (oauth.scope ? `, with the scope ${oauth.scope}` : ''),
      },
    }),
  }
}

/** The OpenAPI 3.1 document of the hook and the departments API, from the zod schemas their routes validate with. */
function openApiDocument(auth: HookAuthConfig) {
  const schemes = securitySchemes(auth)
  const query = schemaOf(DepartmentQuery, 'input')
  return {
    openapi: '3.1.1',
    info: { title: 'Registration Kit', version: packageJson.version },
    paths: {
      [HOOK_PATH]: {
        post: {
          operationId: 'registrationHook',
          summary: "Okta's registration inline hook (com.okta.user.pre-registration)",
          security: Object.keys(schemes).map((name) => ({ [name]: [] })),
          requestBody: { required: true, content: json('HookRequest') },
          responses: {
            200: { description: 'ALLOW (a profile update) or DENY (an action update and error causes)', content: json('HookResponse', hookExamples) },
            401: error('Missing or wrong credentials'),
            '4XX': error(`Bad input: malformed JSON or wrong types (400), a body over ${HOOK_BODY_LIMIT / 1024} KB (413), not JSON (415)`),
          },
        },
      },
      [DEPARTMENTS_PATH]: {
        get: {
          operationId: 'searchDepartments',
          summary: 'Departments matching the text: exact, prefix, word prefix, substring',
          parameters: Object.entries(query.properties ?? {}).map(([name, schema]) => ({
            name,
            in: 'query',
            required: query.required?.includes(name) ?? false,
            schema,
          })),
          responses: {
            200: { description: 'The ranked matches', content: json('DepartmentResults') },
            429: error('Rate limit exceeded; Retry-After says when to try again'),
            '4XX': error('A query parameter out of range'),
          },
        },
      },
    },
    components: { schemas: components, securitySchemes: schemes },
  }
}

/** GET /openapi.json: the document, serialized once. */
export default async function openApi(app: FastifyInstance, { auth }: { auth: HookAuthConfig }) {
  const document = JSON.stringify(openApiDocument(auth))
  app.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(document))
}
