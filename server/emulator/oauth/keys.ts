import { randomUUID } from 'node:crypto'
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type JWTPayload } from 'jose'

export interface SigningKey {
  /** The public half, as published at `/v1/keys`. */
  jwk(): Promise<JWK>
  sign(claims: JWTPayload): Promise<string>
  /** The claims of a token this key signed for `audience` and still valid; undefined for anything else. */
  verify(token: string, expected: { issuer: string; audience: string }): Promise<JWTPayload | undefined>
}

/**
 * A fresh RS256 key per start: a new `kid` makes browsers refetch the JWKS despite their 24 h cache. Made on
 * first use, so a start (and each test's server) does not wait ~150 ms for a key it may never sign with.
 */
export function createSigningKey(): SigningKey {
  const kid = randomUUID()
  let pair: Promise<CryptoKeyPair> | undefined
  const keys = () => (pair ??= generateKeyPair('RS256', { modulusLength: 2048 }))
  return {
    jwk: async () => ({ ...(await exportJWK((await keys()).publicKey)), kid, alg: 'RS256', use: 'sig' }),
    sign: async (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign((await keys()).privateKey),
    verify: async (token, expected) =>
      jwtVerify(token, (await keys()).publicKey, { ...expected, algorithms: ['RS256'] }).then(
        ({ payload }) => payload,
        () => undefined,
      ),
  }
}
