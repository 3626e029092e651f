import fc from 'fast-check'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HookResponse } from '../../../server/hook/contract.ts'
import { hookRequestFixtures, oktaFixture } from '../../fixtures/okta/index.ts'
import { buildTestServer, HOOK_SECRET } from '../../helpers/server.ts'

// Whatever arrives, Okta gets either a response it can apply or a 4xx naming the problem: never a 5xx,
// which Okta would retry and then treat as a failed registration.

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
const FIXTURES = hookRequestFixtures.map((name) => oktaFixture<JsonValue>(`hook/${name}`))

afterEach(() => {
  vi.useRealTimers()
})

const send = (app: FastifyInstance, payload: string) =>
  app.inject({
    method: 'POST',
    url: '/hooks/registration',
    headers: { authorization: HOOK_SECRET, 'content-type': 'application/json' },
    payload,
  })

/** A valid Okta response (denials pointing at profile attributes), or a 4xx JSON error with a message. */
function expectContractAnswer(response: LightMyRequestResponse) {
  expect(response.statusCode).toBeLessThan(500)
  const body: unknown = JSON.parse(response.body)
  if (response.statusCode === 200) {
    const answer = HookResponse.parse(body)
    const denied = answer.commands.some((command) => command.type === 'com.okta.action.update' && command.value.registration === 'DENY')
    if (denied) {
      expect(answer.error?.errorCauses.length).toBeGreaterThan(0)
      for (const cause of answer.error!.errorCauses) expect(cause.location).toMatch(/^data\.userProfile\.[^.]+$/)
    }
  } else {
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(body).toMatchObject({ statusCode: response.statusCode, error: expect.any(String), message: expect.stringMatching(/\S/) })
  }
}

// --- Generators --------------------------------------------------------------------------------------

const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>
/** Mostly a plausible value, sometimes any JSON: deep fields are reached only when the outer ones pass. */
const mostly = <T>(plausible: fc.Arbitrary<T>) => fc.oneof({ arbitrary: plausible, weight: 6 }, { arbitrary: anyJson, weight: 1 })
const unicode = fc.string({ unit: 'grapheme', maxLength: 40 })
// Past the 64 KB body limit at the top of the range; built by repetition, which is cheap to generate.
const huge = fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.integer({ min: 100, max: 40_000 })).map(([piece, times]) =>
  piece.repeat(times),
)
const emailLike = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('ann@example.com', ' Ann@EXAMPLE.com ', 'ann@dev.example.com', 'ann@gmail.com', 'ann@mailinator.com', 'ann@evil-example.com'),
  fc.constantFrom('ann@example.com.evil.io', 'ann@exаmple.com', 'a@@example.com', 'ann@', '@example.com', 'ann@co.uk', 'ann@127.0.0.1'),
)
const departmentLike = fc.oneof(fc.constantFrom('engineering', ' Human  Resources ', 'enginering', 'Recherche', '', 'constructor', '__proto__'), unicode)
const profileValue = fc.oneof(unicode, emailLike, departmentLike, fc.boolean(), fc.constant('true'), fc.double(), fc.constant(null), anyJson)
const profileKey = fc.oneof(fc.constantFrom('firstName', 'lastName', 'email', 'login', 'department', 'termsAccepted', 'toString', 'hasOwnProperty'), unicode)
const profile = fc.dictionary(profileKey, profileValue, { maxKeys: 8 })
const version = mostly(fc.constantFrom('1.0', '0.1', 1, 0.1))
const isoTime = fc.date({ noInvalidDate: true }).map((date) => date.toISOString())

/** Objects with the hook request's field names, each usually plausible and sometimes any JSON at all. */
const hookShaped = fc.record(
  {
    eventId: mostly(fc.string({ minLength: 1 })),
    eventTime: mostly(fc.oneof(isoTime, unicode)),
    eventType: mostly(fc.constant('com.okta.user.pre-registration')),
    eventTypeVersion: version,
    cloudEventVersion: version,
    contentType: mostly(fc.constant('application/json')),
    requestType: mostly(fc.constantFrom('self.service.registration', 'progressive.profile')),
    data: mostly(
      fc.record(
        {
          context: mostly(fc.record({ request: fc.record({ url: fc.record({ value: mostly(fc.constantFrom('/idp/idx/enroll/new', '/idp/idx/enroll/update')) }) }) })),
          userProfile: mostly(profile),
          userProfileUpdate: mostly(profile),
          action: mostly(fc.constantFrom('ALLOW', null)),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ['eventId', 'eventTime', 'eventType', 'data'] },
)

// Mutations of the documented requests. Prototype-poisoning keys are inserted as raw JSON text: a marker
// key is serialized and then renamed, since JS objects cannot carry a literal "__proto__" key through
// JSON.stringify reliably.
const POISON_KEYS = ['"__proto__"', '"constructor"', '"\\u005f_proto__"']
const poisonMarker = (index: number) => `@@poison${index}@@`

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'retype'; at: number }
  | { kind: 'replace'; at: number; value: JsonValue }
  | { kind: 'poison'; at: number; key: number; value: JsonValue }

// Poisoning rarely, so that most mutated requests get past the JSON parser to the schema and the policy.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('retype' as const), at: fc.nat() }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.oneof<fc.Arbitrary<JsonValue>[]>(anyJson, unicode, huge, fc.double(), fc.constant({}), fc.constant([])) }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('poison' as const), at: fc.nat(), key: fc.nat({ max: POISON_KEYS.length - 1 }), value: anyJson }), weight: 1 },
)

type Path = Array<string | number>

function pathsOf(value: JsonValue, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix]
  const children = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value)
  return [prefix, ...children.flatMap(([key, child]) => pathsOf(child as JsonValue, [...prefix, key]))]
}

/** The same value with another JSON type: strings become numbers, objects arrays, and so on. */
function retyped(value: JsonValue): JsonValue {
  if (typeof value === 'string') return value.length
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null) return {}
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]))
  return Object.values(value)
}

function mutate(root: JsonValue, change: Mutation): JsonValue {
  const copy = structuredClone(root)
  const paths = pathsOf(copy)
  const path = paths[change.at % paths.length]!
  const update = (old: JsonValue): JsonValue | undefined => {
    if (change.kind === 'drop') return undefined
    if (change.kind === 'retype') return retyped(old)
    if (change.kind === 'replace') return change.value
    if (old !== null && typeof old === 'object' && !Array.isArray(old)) return { ...old, [poisonMarker(change.key)]: change.value }
    return { [poisonMarker(change.key)]: change.value }
  }
  if (path.length === 0) return update(copy) ?? null
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy)
  const key = path[path.length - 1]!
  const next = update(parent[key])
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1)
    else delete parent[key]
  } else parent[key] = next
  return copy
}

const serialize = (value: JsonValue) =>
  POISON_KEYS.reduce((text, key, index) => text.replaceAll(`"${poisonMarker(index)}"`, key), JSON.stringify(value))

const mutatedFixture = fc
  .tuple(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([fixture, changes]) => serialize(changes.reduce(mutate, fixture)))

// --- Properties ------------------------------------------------------------------------------------

describe('POST /hooks/registration under random input', () => {
  it('answers every documented request with a valid Okta response', async () => {
    const app = await buildTestServer()
    for (const fixture of FIXTURES) {
      const response = await send(app, JSON.stringify(fixture))
      expect(response.statusCode).toBe(200)
      expectContractAnswer(response)
    }
  })

  it('never answers 5xx to random JSON or to text that is not JSON', async () => {
    const app = await buildTestServer()
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson.map((value) => JSON.stringify(value)), fc.string({ unit: 'binary' })), async (payload) => {
        expectContractAnswer(await send(app, payload))
      }),
      { numRuns: 300 },
    )
  })

  it('never answers 5xx to random objects shaped like hook requests', async () => {
    const app = await buildTestServer()
    await fc.assert(
      fc.asyncProperty(hookShaped, async (request) => {
        expectContractAnswer(await send(app, JSON.stringify(request)))
      }),
      { numRuns: 400 },
    )
  })

  it('never answers 5xx to a mutated documented request', async () => {
    const app = await buildTestServer()
    await fc.assert(
      fc.asyncProperty(mutatedFixture, async (payload) => {
        expectContractAnswer(await send(app, payload))
      }),
      { numRuns: 500 },
    )
  })

  it('rejects prototype-poisoning keys at any depth with a 400 naming the problem', async () => {
    const app = await buildTestServer()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), fc.nat(), fc.constantFrom(0, 2), async (fixture, at, key) => {
        const response = await send(app, serialize(mutate(fixture, { kind: 'poison', at, key, value: { polluted: true } })))
        expect(response.statusCode).toBe(400)
        expect(response.json().message).toMatch(/prototype/)
      }),
      { numRuns: 100 },
    )
  })
})

describe('POST /hooks/registration on a retried event', () => {
  // Okta retries with the same eventId after a timeout or 5xx; the retry may land much later.
  // Allowed registrations matter most here: they carry the consent time stamp.
  const allowed = fc.record({
    email: fc.constantFrom('ann@example.com', ' Ann@Example.COM '),
    department: fc.constantFrom('engineering', 'Legal'),
    termsAccepted: fc.constantFrom(true, 'true'),
  })
  const retriable = fc
    .tuple(fc.constantFrom(...FIXTURES), isoTime, fc.oneof(allowed, profile), fc.integer({ min: 1, max: 10 ** 10 }))
    .map(([fixture, eventTime, values, delayMs]) => {
      const request = structuredClone(fixture) as { eventTime: string; data: Record<string, JsonValue> }
      request.eventTime = eventTime
      const field = 'userProfileUpdate' in request.data ? 'userProfileUpdate' : 'userProfile'
      request.data[field] = { ...(request.data[field] as object), ...values }
      return { payload: JSON.stringify(request), delayMs }
    })

  it('gives byte-identical answers to the same request sent again later', async () => {
    const app = await buildTestServer()
    vi.useFakeTimers({ toFake: ['Date'] })
    await fc.assert(
      fc.asyncProperty(retriable, async ({ payload, delayMs }) => {
        vi.setSystemTime(new Date('2026-03-01T12:00:00.000Z'))
        const first = await send(app, payload)
        vi.setSystemTime(Date.now() + delayMs)
        const again = await send(app, payload)
        expect(again.statusCode).toBe(first.statusCode)
        expect(again.body).toBe(first.body)
      }),
      { numRuns: 200 },
    )
  })

  // Regression: consent was once stamped with the time of receipt when eventTime was not a date, so a retry
  // got another termsAcceptedAt. eventTime must now be an ISO 8601 time.
  it('gives byte-identical answers to a retried request whose eventTime is not a date', async () => {
    const app = await buildTestServer()
    vi.useFakeTimers({ toFake: ['Date'] })
    const request = structuredClone(FIXTURES[0]) as { eventTime: string; data: { userProfile: Record<string, JsonValue> } }
    request.eventTime = 'not a date'
    Object.assign(request.data.userProfile, { email: 'ann@example.com', department: 'Legal', termsAccepted: true })
    vi.setSystemTime(new Date('2026-03-01T12:00:00.000Z'))
    const first = await send(app, JSON.stringify(request))
    vi.setSystemTime(new Date('2026-03-01T12:00:04.000Z'))
    const again = await send(app, JSON.stringify(request))
    expect(again.body).toBe(first.body)
  })
})
