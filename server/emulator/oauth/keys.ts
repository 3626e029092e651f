import { randomUUID } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type JWTPayload } from 'jose'

export interface SigningKey {
  /** The public half, as published at `/v1/keys`. */
  readonly jwk: JWK
  sign(claims: JWTPayload): Promise<string>
  /** The claims of a token this key signed for `audience` and still valid; undefined for anything else. */
  verify(token: string, expected: { issuer: string; audience: string }): Promise<JWTPayload | undefined>
}

/** A fresh RS256 key per start: a new `kid` makes browsers refetch the JWKS despite their 24 h cache. */
export async function createSigningKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 })
  const kid = randomUUID()
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  return {
    jwk,
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey),
    verify: (token, expected) =>
      jwtVerify(token, publicKey, { ...expected, algorithms: ['RS256'] }).then(
        ({ payload }) => payload,
        () => undefined,
      ),
  }
}
