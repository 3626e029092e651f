import type { Transaction } from './transactions.ts'

/** What every builder needs: where the browser reaches us, and the transaction's state. */
export interface ResponseContext {
  origin: string
  transaction: Transaction
}

export interface IonMessage {
  message: string
  i18n?: { key: string; params?: string[] }
  class: 'ERROR' | 'INFO'
}

export type IonField = Record<string, unknown> & { name: string }

// Okta sends ion+json; auth-js reads the field messages of an error answer reliably only from plain JSON.
const ACCEPTS = 'application/json; okta-version=1.0.0'

export const messageList = (messages: IonMessage[]) => ({ type: 'array', value: messages })

const stateHandleField = (stateHandle: string): IonField => ({
  name: 'stateHandle',
  required: true,
  value: stateHandle,
  visible: false,
  mutable: false,
})

/** A callable IDX form: auth-js only calls objects with a truthy `rel`, and always posts the stateHandle back. */
export function ionForm(ctx: ResponseContext, name: string, path: string, fields: IonField[] = [], extra = {}) {
  return {
    rel: ['create-form'],
    name,
    ...extra,
    href: `${ctx.origin}${path}`,
    method: 'POST',
    produces: 'application/ion+json; okta-version=1.0.0',
    value: [...fields, stateHandleField(ctx.transaction.stateHandle)],
    accepts: ACCEPTS,
  }
}

export const remediations = (...forms: object[]) => ({ type: 'array', value: forms })

/** The parts every IDX response of a live transaction shares; `parts` adds the step's own objects. */
export function idxResponse(ctx: ResponseContext, parts: Record<string, unknown>) {
  return {
    version: '1.0.0',
    stateHandle: ctx.transaction.stateHandle,
    expiresAt: new Date(ctx.transaction.expiresAt).toISOString(),
    intent: 'LOGIN',
    ...parts,
    cancel: ionForm(ctx, 'cancel', '/idp/idx/cancel'),
    app: { type: 'object', value: { name: 'oidc_client', label: 'Registration Kit', id: '0oaEmulatorRegistrationKit' } },
  }
}

/** A response with only global messages: no state to go on with (unknown handle, failed registration). */
export function messagesOnly(messages: IonMessage[]) {
  return {
    version: '1.0.0',
    expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    intent: 'LOGIN',
    messages: messageList(messages),
  }
}
