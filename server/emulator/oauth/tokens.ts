import { createHash, randomUUID } from 'node:crypto'
import type { SigningKey } from './keys.ts'
import type { User } from '../users/directory.ts'

const TOKEN_TTL_S = 3600

/** The audience of the default authorization server's access tokens. */
export const ACCESS_TOKEN_AUDIENCE = 'api://default'

/** What a token request was granted: the user, the client, and what it asked for. */
export interface TokenGrant {
  user: User
  clientId: string
  scope: string
  /** When the user authenticated (seconds): a code issued on a live session carries the sign-in's time, not its own. */
  authTime: number
  /** The authorization request's nonce, echoed in the first ID token only. */
  nonce?: string
}

export const scopesOf = (scope: string) => scope.split(' ').filter(Boolean)

/** `at_hash`: base64url of the left half of SHA-256(access_token); auth-js checks it when present. */
const atHash = (accessToken: string) => createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url')

/** Profile claims (ID token and userinfo): everything the user's profile holds, under OIDC names where they exist. */
export function profileClaims(user: User) {
  const { firstName, lastName, email, ...custom } = user.profile
  const name = [firstName, lastName].filter((part) => typeof part === 'string' && part !== '').join(' ')
  return { name, given_name: firstName, family_name: lastName, email, ...custom, preferred_username: user.login }
}

/** Freshly signed tokens for the granted user, as Okta's authorization server mints them; an ID token for `openid` only. */
export async function mintTokens(key: SigningKey, grant: TokenGrant, issuer: string, refreshToken?: string) {
  const { user, clientId, scope, authTime, nonce } = grant
  const now = Math.floor(Date.now() / 1000)
  const common = { iss: issuer, iat: now, exp: now + TOKEN_TTL_S, ver: 1 }
  const accessToken = await key.sign({
    ...common,
    jti: `AT.${randomUUID()}`,
    aud: ACCESS_TOKEN_AUDIENCE,
    cid: clientId,
    uid: user.id,
    scp: scopesOf(scope),
    sub: user.login,
  })
  const idToken = scopesOf(scope).includes('openid')
    ? await key.sign({
        ...common,
        ...profileClaims(user),
        sub: user.id,
        jti: `ID.${randomUUID()}`,
        aud: clientId,
        amr: ['pwd'],
        idp: '00oEmulatorOrgIdp',
        auth_time: authTime,
        at_hash: atHash(accessToken),
        ...(nonce ? { nonce } : {}),
      })
    : undefined
  return {
    token_type: 'Bearer',
    expires_in: TOKEN_TTL_S,
    access_token: accessToken,
    scope,
    ...(idToken ? { id_token: idToken } : {}),
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
  }
}
