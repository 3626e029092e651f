import type { FastifyInstance } from 'fastify'
import { issuerOf, type Emulator } from '../context.ts'

/** The scopes the authorization server `default` knows. */
export const SUPPORTED_SCOPES = ['openid', 'profile', 'email', 'offline_access']

/** OIDC discovery and the key set: exactly the endpoints, grants and response types the emulator serves. */
export async function discoveryRoutes(app: FastifyInstance, { emulator }: { emulator: Emulator }) {
  app.get('/.well-known/openid-configuration', async (request) => {
    const issuer = issuerOf(request)
    return {
      issuer,
      authorization_endpoint: `${issuer}/v1/authorize`,
      token_endpoint: `${issuer}/v1/token`,
      userinfo_endpoint: `${issuer}/v1/userinfo`,
      jwks_uri: `${issuer}/v1/keys`,
      end_session_endpoint: `${issuer}/v1/logout`,
      revocation_endpoint: `${issuer}/v1/revoke`,
      introspection_endpoint: `${issuer}/v1/introspect`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'interaction_code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: SUPPORTED_SCOPES,
      // One public client: PKCE, no secret; it authenticates with its id alone wherever it calls.
      token_endpoint_auth_methods_supported: ['none'],
      revocation_endpoint_auth_methods_supported: ['none'],
      introspection_endpoint_auth_methods_supported: ['none'],
      code_challenge_methods_supported: ['S256'],
    }
  })

  app.get('/v1/keys', async () => ({ keys: [await emulator.key.jwk()] }))
}
