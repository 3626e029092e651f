import fp from 'fastify-plugin'
import { createEmulator, EMULATOR_ISSUER_PATH } from './context.ts'
import { authenticatorRoutes } from './authenticators/routes.ts'
import { stateRoutes } from './idx/introspect.ts'
import { profileRoutes } from './signUp/routes.ts'
import { signInRoutes } from './signIn/routes.ts'
import { authorizationServerRoutes } from './oauth/index.ts'
import { TOKEN_REDIRECT_PREFIX, tokenRedirectRoute } from './oauth/tokenRedirect.ts'
import type { EmulatorOptions } from './options.ts'
import { outboxRoutes } from './outbox/routes.ts'
import { messagesOnly } from './idx/ion.ts'
import { emulatorScope } from './scope.ts'

export type { EmulatorOptions } from './options.ts'

export { EMULATOR_ISSUER_PATH }

const oauthError = (message: string) => ({ error: 'invalid_request', error_description: message })
const idxError = (message: string) => messagesOnly([{ message, class: 'ERROR' }])

/** A local Okta Identity Engine on the app's own origin, for the offline mode and the end-to-end tests. */
export default fp(
  async (app, options: EmulatorOptions) => {
    const emulator = await createEmulator(app, options)
    await app.register(emulatorScope(oauthError, authorizationServerRoutes), { prefix: EMULATOR_ISSUER_PATH, emulator })
    await app.register(emulatorScope(oauthError, tokenRedirectRoute), { prefix: TOKEN_REDIRECT_PREFIX, emulator })
    await app.register(
      emulatorScope(
        idxError,
        async (idx) => {
          // auth-js sends Okta's own media type; Fastify would answer 415 to it.
          idx.addContentTypeParser(/^application\/(ion|vnd\.okta\.v1)\+json/, { parseAs: 'string' }, idx.getDefaultJsonParser('error', 'ignore'))
        },
        stateRoutes,
        profileRoutes,
        signInRoutes,
        authenticatorRoutes,
      ),
      { prefix: '/idp/idx', emulator },
    )
    await app.register(emulatorScope(oauthError, outboxRoutes), { prefix: '/emulator', emulator })
  },
  { name: 'emulator' },
)
