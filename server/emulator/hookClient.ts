import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Profile } from './users.ts'

const HookCause = z.looseObject({ errorSummary: z.string().optional(), location: z.string().optional() })

/** What Okta reads from the hook's answer; anything else in the body is ignored, as Okta does. */
const HookResponse = z.looseObject({
  commands: z.array(z.looseObject({ type: z.string(), value: z.record(z.string(), z.unknown()) })).optional(),
  error: z
    .looseObject({ errorSummary: z.string().optional(), errorCauses: z.array(HookCause).optional() })
    .nullish(),
})

export type HookCause = z.infer<typeof HookCause>

export type HookOutcome =
  | { kind: 'allow'; updates: Profile }
  /** `causes` is undefined when the hook denied without an error object. */
  | { kind: 'deny'; causes?: HookCause[] }
  /** Timeout, network error, non-2xx or a malformed body, after the retry: Okta fails closed. */
  | { kind: 'failed' }

export interface HookTarget {
  url: string
  authHeader: string
  authSecret: string
  timeoutMs: number
}

export interface RegistrationAttempt {
  userProfile: Profile
  ipAddress: string
  requestId: string
}

/** Calls the registration hook the way Okta does: one retry on timeout, network error or 5xx only. */
export async function callRegistrationHook(target: HookTarget, attempt: RegistrationAttempt): Promise<HookOutcome> {
  const body = JSON.stringify(oktaRequest(attempt))
  let response = await post(target, body)
  if (response === 'retry') response = await post(target, body)
  if (response === 'retry' || response === 'failed') return { kind: 'failed' }
  return interpret(response)
}

function oktaRequest({ userProfile, ipAddress, requestId }: RegistrationAttempt) {
  return {
    eventId: randomUUID(),
    eventTime: new Date().toISOString(),
    eventType: 'com.okta.user.pre-registration',
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: 'emulator-registration-hook',
    requestType: 'self.service.registration',
    data: {
      context: { request: { id: requestId, method: 'POST', url: { value: '/idp/idx/enroll/new' }, ipAddress } },
      userProfile,
      action: 'ALLOW',
    },
  }
}

async function post(target: HookTarget, body: string): Promise<unknown | 'retry' | 'failed'> {
  const abort = new AbortController()
  // setTimeout rather than AbortSignal.timeout, so tests can drive Okta's 3 s budget with fake timers.
  const timer = setTimeout(() => abort.abort(), target.timeoutMs)
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', [target.authHeader]: target.authSecret },
      body,
      redirect: 'manual',
      signal: abort.signal,
    })
    if (response.status >= 500) return 'retry'
    if (response.status < 200 || response.status >= 300) return 'failed'
    if (response.status === 204) return {}
    return await response.json()
  } catch (error) {
    // A body that is not JSON is malformed, not a transport failure: Okta does not retry it.
    return error instanceof SyntaxError ? 'failed' : 'retry'
  } finally {
    clearTimeout(timer)
  }
}

function interpret(body: unknown): HookOutcome {
  const parsed = HookResponse.safeParse(body)
  if (!parsed.success) return { kind: 'failed' }
  const { commands = [], error } = parsed.data
  if (error) return { kind: 'deny', causes: error.errorCauses ?? [] }
  const denied = commands.some((c) => c.type === 'com.okta.action.update' && c.value.registration === 'DENY')
  if (denied) return { kind: 'deny' }
  const updates: Profile = {}
  for (const command of commands) {
    if (command.type === 'com.okta.user.profile.update') Object.assign(updates, command.value)
  }
  return { kind: 'allow', updates }
}
