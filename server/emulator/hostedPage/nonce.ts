import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

const nonces = new WeakMap<ServerResponse, string>()

/**
 * One nonce per response for both scripts and styles. Okta's template has a single `{{nonceValue}}` for
 * its `<script>` and `<style>` blocks, while @fastify/helmet's nonces are two different values. Helmet
 * calls a directive function while writing the CSP header (before the handler), and the handler then
 * reads the same value for the page.
 */
export function responseNonce(res: ServerResponse): string {
  let nonce = nonces.get(res)
  if (!nonce) {
    nonce = randomBytes(16).toString('hex')
    nonces.set(res, nonce)
  }
  return nonce
}

/** A CSP source allowing elements that carry the response's nonce. */
export const nonceSource = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${responseNonce(res)}'`
