/* global process, console */
// A consumer's Fastify app with the hook mounted from the installed package; answers one hook request
// (the JSON file named on the command line) and prints the status and the body.
import { readFile } from 'node:fs/promises'
import Fastify from 'fastify'
import registrationApi from 'registration-kit/fastify'
import shipped from 'registration-kit/default-policy.json' with { type: 'json' }

const secret = 'consumer-hook-secret-0123456789'
const app = Fastify()
await app.register(registrationApi, {
  auth: { header: { secret } },
  // The shipped policy, with the department and the consent checkbox left to the app's own form.
  policy: { ...shipped, department: { ...shipped.department, required: false }, consent: { ...shipped.consent, required: false } },
})
const response = await app.inject({
  method: 'POST',
  url: '/hooks/registration',
  headers: { authorization: secret },
  payload: JSON.parse(await readFile(process.argv[2], 'utf8')),
})
console.log(JSON.stringify({ statusCode: response.statusCode, body: response.json() }))
await app.close()
