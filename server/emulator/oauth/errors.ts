import { createHash } from 'node:crypto'
import type { FastifyReply } from 'fastify'

/** An OAuth 2.0 error answer (RFC 6749 §5.2), the body Okta's authorization server sends. */
export const oauthError = (reply: FastifyReply, status: number, error: string, description: string) =>
  reply.code(status).send({ error, error_description: description })

/** PKCE S256 (RFC 7636 §4.2): base64url(SHA-256(verifier)), no padding. */
export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

/** RFC 7636 §4.1: 43 to 128 unreserved characters; an S256 challenge is itself 43 base64url characters. */
export const PKCE_VALUE = /^[A-Za-z0-9._~-]{43,128}$/
