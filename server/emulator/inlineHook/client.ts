import { z } from 'zod'
import type { Profile } from '../users/directory.ts'
import { oktaHookRequest, type InlineHookAttempt } from './request.ts'

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

/** The command that carries the hook's profile changes: each request type has its own (the other is ignored). */
const UPDATE_COMMAND = {
  'self.service.registration': 'com.okta.user.profile.update',
  'progressive.profile': 'com.okta.user.progressive.profile.update',
} as const

/** Calls the registration hook the way Okta does: one retry on timeout, network error or 5xx only. */
export async function callInlineHook(target: HookTarget, attempt: InlineHookAttempt): Promise<HookOutcome> {
  const body = JSON.stringify(oktaHookRequest(attempt))
  let response = await post(target, body)
  if (response === 'retry') response = await post(target, body)
  if (response === 'retry' || response === 'failed') return { kind: 'failed' }
  return interpret(response, UPDATE_COMMAND[attempt.requestType])
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

function interpret(body: unknown, updateCommand: string): HookOutcome {
  const parsed = HookResponse.safeParse(body)
  if (!parsed.success) return { kind: 'failed' }
  const { commands = [], error } = parsed.data
  if (error) return { kind: 'deny', causes: error.errorCauses ?? [] }
  const denied = commands.some((c) => c.type === 'com.okta.action.update' && c.value.registration === 'DENY')
  if (denied) return { kind: 'deny' }
  const updates: Profile = {}
  for (const command of commands) {
    if (command.type === updateCommand) Object.assign(updates, command.value)
  }
  return { kind: 'allow', updates }
}
