import type { Evaluation } from '../../policy/index.ts'
import type { HookCommand, HookResponse } from './contract.ts'
import type { RequestKind } from './request.ts'

const UPDATE_COMMAND = {
  registration: 'com.okta.user.profile.update',
  profileUpdate: 'com.okta.user.progressive.profile.update',
} as const satisfies Record<RequestKind, HookCommand['type']>

/**
 * Okta's answer: on allow, the normalized values (and consent stamps) as a profile update; on deny,
 * a DENY command and one error cause per failing attribute, which the widget shows under that field.
 */
export function toHookResponse(evaluation: Evaluation, kind: RequestKind, summary: string): HookResponse {
  if (evaluation.issues.length === 0) {
    const hasUpdates = Object.keys(evaluation.updates).length > 0
    return { commands: hasUpdates ? [{ type: UPDATE_COMMAND[kind], value: evaluation.updates }] : [] }
  }
  return {
    commands: [{ type: 'com.okta.action.update', value: { registration: 'DENY' } }],
    error: {
      errorSummary: summary,
      errorCauses: evaluation.issues.map((issue) => ({
        errorSummary: issue.message,
        reason: issue.reason,
        locationType: 'body',
        // Okta's documented location, for progressive profile too (not data.userProfileUpdate).
        location: `data.userProfile.${issue.attribute}`,
        domain: 'end-user',
      })),
    },
  }
}
