import { existsSync } from 'node:fs'
import closeWithGrace from 'close-with-grace'
import { buildServer } from './app.ts'
import { loadConfig } from './config/index.ts'
import { ConfigError } from './errors.ts'

// A .env file in the working directory fills in what the environment leaves unset; it never overrides it.
if (existsSync('.env')) process.loadEnvFile('.env')

// A bad value, in the environment or found while connecting (Redis), stops the server with its name.
let config
let app
try {
  config = loadConfig(process.env)
  app = await buildServer({ config })
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(error.message)
  process.exit(1)
}

// SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, then exit.
closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error')
  await app.close()
})

try {
  await app.listen({ host: config.host, port: config.port })
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code
  if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error
  console.error(`Cannot listen on ${config.host}:${config.port} (${code}): choose another HOST or PORT.`)
  await app.close()
  process.exit(1)
}
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : config.port
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
console.log(
  `Registration Kit is running at http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/` +
    (config.okta.mode === 'emulator' ? ' (offline: local Okta emulator)' : ` (Okta org ${config.okta.issuer})`),
)
