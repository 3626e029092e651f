import { createHash, randomUUID } from 'node:crypto'
import type { SigningKey } from './keys.ts'
import type { Transaction } from './transactions.ts'

const TOKEN_TTL_S = 3600

/** `at_hash`: base64url of the left half of SHA-256(access_token); auth-js checks it when present. */
const atHash = (accessToken: string) => createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url')

/** Profile claims the page shows: everything the user's profile holds, under OIDC names where they exist. */
function profileClaims(transaction: Transaction) {
  const profile = transaction.user?.profile ?? {}
  const { firstName, lastName, email, ...custom } = profile
  const name = [firstName, lastName].filter((part) => typeof part === 'string' && part !== '').join(' ')
  return { name, given_name: firstName, family_name: lastName, email, ...custom }
}

/** Freshly signed tokens for the user who just registered, as Okta's authorization server would mint them. */
export async function mintTokens(key: SigningKey, transaction: Transaction, issuer: string) {
  const user = transaction.user
  const now = Math.floor(Date.now() / 1000)
  const { clientId, scope, nonce } = transaction.client
  const common = { iss: issuer, sub: user?.id, iat: now, exp: now + TOKEN_TTL_S, ver: 1 }
  const accessToken = await key.sign({
    ...common,
    jti: `AT.${randomUUID()}`,
    aud: 'api://default',
    cid: clientId,
    uid: user?.id,
    scp: scope.split(' '),
    sub: user?.login,
  })
  const idToken = await key.sign({
    ...common,
    ...profileClaims(transaction),
    jti: `ID.${randomUUID()}`,
    aud: clientId,
    preferred_username: user?.login,
    amr: ['pwd'],
    idp: '00oEmulatorOrgIdp',
    auth_time: now,
    at_hash: atHash(accessToken),
    ...(nonce ? { nonce } : {}),
  })
  return { token_type: 'Bearer', expires_in: TOKEN_TTL_S, access_token: accessToken, scope, id_token: idToken }
}
