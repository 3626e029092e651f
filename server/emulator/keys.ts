import { randomUUID } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair, type JWK, type JWTPayload } from 'jose'

export interface SigningKey {
  /** The public half, as published at `/v1/keys`. */
  readonly jwk: JWK
  sign(claims: JWTPayload): Promise<string>
}

/** A fresh RS256 key per start: a new `kid` makes browsers refetch the JWKS despite their 24 h cache. */
export async function createSigningKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 })
  const kid = randomUUID()
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  return {
    jwk,
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey),
  }
}
