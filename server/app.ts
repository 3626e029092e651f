import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { JWTVerifyGetKey } from 'jose'
import { compilePolicy } from '../policy/index.ts'
import type { Config } from './config/index.ts'
import { DEPARTMENTS_PATH } from './departments/index.ts'
import emulator, { EMULATOR_ISSUER_PATH } from './emulator/index.ts'
import type { ErrorBody } from './errors.ts'
import { errorHandler } from './errorHandler.ts'
import health from './health.ts'
import hostedPreview, { createHostedPage } from './emulator/hostedPage/index.ts'
import { HOOK_BODY_LIMIT, HOOK_PATH } from './hook/index.ts'
import openApi from './openapi.ts'
import registrationApi from './registrationApi.ts'
import page from './page/index.ts'
import { builtSnippet } from './page/snippet.ts'
import sampleApp, { SAMPLE_APP_CALLBACK, SAMPLE_APP_PATH } from './sampleApp/index.ts'
import { signUpForm } from './signUpForm.ts'
import jsonBody from './plugins/jsonBody.ts'
import apiHeaders from './plugins/apiHeaders.ts'
import browserHeaders from './plugins/browserHeaders.ts'
import hostHeader from './plugins/hostHeader.ts'
import security from './plugins/security.ts'

export interface AppOptions {
  config: Config
  /** Tests pass a local JWKS instead of discovering the issuer's. */
  fetchKeys?: JWTVerifyGetKey
}

/** Where the widget returns after sign-in; a path is resolved against the page's origin. */
const REDIRECT_PATH = '/login/callback'

/** The whole product as one plugin: security, health, the hook, the departments API, the page and (offline) the emulator. No listen(). */
export async function registrationKitApp(app: FastifyInstance, { config, fetchKeys }: AppOptions) {

  app.setErrorHandler(errorHandler)

  await app.register(hostHeader)
  await app.register(security, { rateLimitRedisUrl: config.rateLimitRedisUrl })
  await app.register(jsonBody)

  // Two scopes, because their answers need different headers: JSON for machines (constant headers) and
  // what a browser renders (helmet, CSP nonces built per request).
  await app.register(async function api(api) {
    await api.register(apiHeaders)
    // Probing unknown URLs is rate limited like any other public endpoint.
    api.setNotFoundHandler({ preHandler: app.rateLimit({ max: 120, timeWindow: '1 minute' }) }, (request, reply) => {
      reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Route ${request.method} ${request.url} not found` } satisfies ErrorBody)
    })
    await api.register(health)
    // The part app teams mount on their own Fastify apps (registration-kit/fastify), with this server's settings.
    await api.register(registrationApi, {
      auth: config.hookAuth,
      policy: config.policy,
      departments: { corsOrigins: config.corsOrigins, rateLimit: config.departmentsRateLimit },
      fetchKeys,
    })
    await api.register(openApi, { auth: config.hookAuth })
  })

  await app.register(async function browser(browser) {
    await browser.register(browserHeaders)
    // Offline, the widget signs in on this origin; paths are resolved against each request's origin.
    const offline = { issuer: EMULATOR_ISSUER_PATH, clientId: config.okta.clientId, redirectUri: REDIRECT_PATH }
    if (config.okta.mode === 'emulator') {
      // Okta's hosted template with the code-editor snippet pasted: the emulator's sign-in page in the redirect model.
      // The snippet for this server's policy and same-origin departments API (the https-only DEPARTMENTS_URL rule
      // of `npm run snippet` is for Okta's domain), with the picker on progressive forms too.
      const snippet = await builtSnippet({ policy: config.policy, departmentsUrl: DEPARTMENTS_PATH, progressiveProfile: true })
      if (snippet === undefined) app.log.warn('The code-editor snippet is not built: run "npm run build" to serve the hosted page.')
      const hostedPage = createHostedPage({ snippet, generation: config.widgetGeneration })
      // Offline, this server also plays Okta; the emulator calls the hook over real HTTP.
      await browser.register(emulator, {
        clientId: config.okta.clientId,
        // The page's own callback, the sample app's, and an app developer's own (EMULATOR_REDIRECT_URIS).
        redirectUris: [REDIRECT_PATH, SAMPLE_APP_CALLBACK, ...config.okta.redirectUris],
        signOutRedirectUris: ['/', SAMPLE_APP_PATH],
        seedUsers: config.okta.seedUsers,
        maxTransactions: config.okta.maxTransactions,
        signInFactors: config.okta.signInFactors,
        hook: { url: config.okta.hookUrl, authHeader: config.hookAuth.header!.name, authSecret: config.hookAuth.header!.secret },
        // The emulator's sign-up form, as an admin would set up Okta's profile enrollment for the policy.
        signUpForm: signUpForm(compilePolicy(config.policy)),
        hostedPage,
      })
      // The same page in the embedded model at /hosted, to run the snippet as brand teams do without an app.
      await browser.register(hostedPreview, { okta: offline, hostedPage })
      await browser.register(sampleApp, { issuerPath: EMULATOR_ISSUER_PATH, clientId: config.okta.clientId })
    }
    await browser.register(page, {
      okta:
        config.okta.mode === 'emulator'
          ? offline
          : { issuer: config.okta.issuer, clientId: config.okta.clientId, redirectUri: config.okta.redirectUri ?? REDIRECT_PATH },
      policy: config.policy,
      kit: config.pageKit && { departmentsUrl: DEPARTMENTS_PATH },
      generation: config.widgetGeneration,
      language: config.widgetLanguage,
    })
  })
}

/** Fastify with production server settings around the app. Tests call this and use inject(). */
export async function buildServer(options: AppOptions & { logger?: FastifyServerOptions['logger'] }) {
  const app = Fastify({
    logger: options.logger ?? {
      level: options.config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', `req.headers["${options.config.hookAuth.header?.name ?? 'authorization'}"]`],
    },
    bodyLimit: HOOK_BODY_LIMIT,
    // The hook writes its own line per decision (with latency); Fastify's two lines per request would triple it.
    logController: new LogController({ disableRequestLogging: (request) => request.url === HOOK_PATH }),
    connectionTimeout: 30_000,
    requestTimeout: 15_000,
    keepAliveTimeout: 72_000,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // request.ip, the rate limits' key, comes from X-Forwarded-For only when sent by a trusted proxy.
    trustProxy: options.config.trustProxy,
  })
  await app.register(registrationKitApp, options)
  return app
}
