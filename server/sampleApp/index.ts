import { createHash, randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose'
import { LOG_PATH_ONLY } from '../emulator/scope.ts'
import { escapeHtml } from '../page/html.ts'
import { onRequestOrigin } from '../plugins/hostHeader.ts'

export interface SampleAppOptions {
  /** The offline issuer, as a path on this origin. */
  issuerPath: string
  clientId: string
}

/** The sample app's paths; its callback is one of the client's registered redirect URIs. */
export const SAMPLE_APP_PATH = '/app'
export const SAMPLE_APP_CALLBACK = `${SAMPLE_APP_PATH}/callback`

/** Sign-ins started and not yet back: kept ten minutes, at most this many (the oldest goes first). */
const PENDING_CAPACITY = 1000
const PENDING_TTL_MS = 10 * 60_000

interface PendingSignIn {
  verifier: string
  nonce: string
  startedAt: number
}

const random = () => randomBytes(32).toString('base64url')

/**
 * `/app`: a minimal web app of the redirect model, as an app team writes one against Okta. "Sign in" sends the
 * browser to the issuer's `/v1/authorize` (authorization code with PKCE); the callback exchanges the code,
 * checks the ID token and shows the user's claims from `/v1/userinfo`, as text.
 */
export default fp(
  async function sampleApp(app: FastifyInstance, { issuerPath, clientId }: SampleAppOptions) {
    const pending = new Map<string, PendingSignIn>()

    /** The app's server-to-server calls to the issuer, on the origin the browser used (the issuer in the tokens). */
    const issuerCall = (request: FastifyRequest, path: string, init: { method?: 'GET' | 'POST'; form?: Record<string, string>; bearer?: string } = {}) =>
      app.inject({
        method: init.method ?? 'GET',
        url: `${issuerPath}${path}`,
        headers: {
          host: request.host,
          ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
        },
        ...(init.form ? { payload: new URLSearchParams(init.form).toString() } : {}),
      })

    app.get(SAMPLE_APP_PATH, async (_request, reply) =>
      page(reply, 'Sample app', `<p>An app of the redirect model: it sends you to the Okta-hosted sign-in page and gets a code back.</p>${signInButton}`),
    )

    app.get(`${SAMPLE_APP_PATH}/login`, async (request, reply) => {
      const now = Date.now()
      for (const [state, sign] of pending) {
        if (pending.size < PENDING_CAPACITY && sign.startedAt + PENDING_TTL_MS > now) break
        pending.delete(state)
      }
      const state = random()
      const sign: PendingSignIn = { verifier: random(), nonce: random(), startedAt: now }
      pending.set(state, sign)
      const authorize = new URL(onRequestOrigin(request, `${issuerPath}/v1/authorize`))
      authorize.search = new URLSearchParams({
        client_id: clientId,
        response_type: 'code',
        scope: 'openid profile email',
        redirect_uri: callbackUri(request),
        state,
        nonce: sign.nonce,
        code_challenge: createHash('sha256').update(sign.verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString()
      return reply.header('cache-control', 'no-store').redirect(authorize.toString(), 302)
    })

    // The callback's query holds the authorization code: the request line is logged without it.
    app.get(SAMPLE_APP_CALLBACK, { logSerializers: LOG_PATH_ONLY }, async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>
      const state = typeof query.state === 'string' ? query.state : ''
      const sign = pending.get(state)
      pending.delete(state)
      if (typeof query.error === 'string') {
        return failed(reply, `The issuer answered ${query.error}: ${String(query.error_description ?? '')}`)
      }
      if (!sign || sign.startedAt + PENDING_TTL_MS <= Date.now() || typeof query.code !== 'string') {
        return failed(reply, 'This sign-in was not started here, or it has expired.')
      }
      const tokenResponse = await issuerCall(request, '/v1/token', {
        method: 'POST',
        form: { grant_type: 'authorization_code', client_id: clientId, redirect_uri: callbackUri(request), code: query.code, code_verifier: sign.verifier },
      })
      const tokens = tokenResponse.json() as { id_token?: string; access_token?: string; error_description?: string }
      if (tokenResponse.statusCode !== 200 || !tokens.id_token || !tokens.access_token) {
        return failed(reply, `The code exchange failed: ${tokens.error_description ?? tokenResponse.statusCode}`)
      }
      // What every relying party checks: the signature from the issuer's keys, issuer, audience and the nonce.
      const keys = createLocalJWKSet((await issuerCall(request, '/v1/keys')).json() as JSONWebKeySet)
      const issuer = onRequestOrigin(request, issuerPath)
      const { payload } = await jwtVerify(tokens.id_token, keys, { issuer, audience: clientId })
      if (payload.nonce !== sign.nonce) return failed(reply, 'The ID token is not for this sign-in (nonce).')
      const claims = (await issuerCall(request, '/v1/userinfo', { bearer: tokens.access_token })).json()
      const signOut = new URL(onRequestOrigin(request, `${issuerPath}/v1/logout`))
      return page(
        reply,
        'Signed in',
        `<p>Signed in as <strong id="user">${escapeHtml(String(payload.email ?? payload.sub))}</strong>. The issuer's <code>/v1/userinfo</code> says:</p>
<pre id="claims">${escapeHtml(JSON.stringify(claims, null, 2))}</pre>
<form method="get" action="${escapeHtml(signOut.toString())}">
<input type="hidden" name="id_token_hint" value="${escapeHtml(tokens.id_token)}">
<input type="hidden" name="post_logout_redirect_uri" value="${escapeHtml(onRequestOrigin(request, SAMPLE_APP_PATH))}">
<button type="submit">Sign out</button></form>`,
      )
    })
  },
  { name: 'sample-app', dependencies: ['browser-headers'] },
)

const callbackUri = (request: FastifyRequest) => onRequestOrigin(request, SAMPLE_APP_CALLBACK)

const signInButton = `<form method="get" action="${SAMPLE_APP_PATH}/login"><button type="submit">Sign in</button></form>`

function failed(reply: FastifyReply, message: string) {
  return page(reply.code(400), 'Not signed in', `<p role="alert">${escapeHtml(message)}</p>${signInButton}`)
}

/** A page of the app: constant markup around escaped text, its one style allowed by the response's nonce. */
function page(reply: FastifyReply, title: string, body: string) {
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Sample app</title>
<link rel="icon" href="data:,">
<style nonce="${reply.cspNonce.style}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}</style></head>
<body><main><h1>${title}</h1>${body}</main></body>
</html>
`)
}
