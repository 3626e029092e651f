import { parseArgs } from 'node:util'
import { HOOK_PATH, HookResponse, OKTA_HOOK_BUDGET_MS } from '../../server/hook/contract.ts'
import { buildPreviewRequest } from './request.ts'

// Okta's Admin Console Preview tab, from the terminal: build a documented request, send it, show both sides.

const USAGE = `Usage: npm run hook:preview -- --email <address> [options]

Sends an Okta registration inline hook request to a running hook and prints the request and the answer.

  --email <address>      the registering user's email (progressive profile: the existing user's)
  --department <name>    the department form value
  --first-name <name>    the firstName form value
  --last-name <name>     the lastName form value
  --terms true|false     the consent checkbox (termsAccepted); omitted: not sent
  --progressive          a progressive profile request: the values above are the update
  --url <url>            the hook (env HOOK_URL; default http://127.0.0.1:$PORT${HOOK_PATH}, PORT 3000)
  --secret <value>       the header secret (env HOOK_AUTH_SECRET)
  --header <name>        the header carrying it (env HOOK_AUTH_HEADER; default authorization)
  --help                 this text

The secret must be the server's. Offline (emulator mode) a server started without HOOK_AUTH_SECRET makes up
a random secret for its own process that no other program can know: start it with HOOK_AUTH_SECRET set and
pass the same value here.
Exits 1 when the hook cannot be reached, answers a non-2xx status, or answers outside Okta's contract.`

function fail(message: string): never {
  console.error(`hook:preview: ${message}`)
  process.exit(1)
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      department: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      terms: { type: 'string' },
      progressive: { type: 'boolean', default: false },
      url: { type: 'string' },
      secret: { type: 'string' },
      header: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  if (!values.email) fail(`--email is required\n\n${USAGE}`)
  if (values.terms !== undefined && values.terms !== 'true' && values.terms !== 'false') fail('--terms takes true or false')
  return values as typeof values & { email: string }
}

let options
try {
  options = readOptions()
} catch (error) {
  // parseArgs rejects unknown flags and missing values with a message worth showing as is.
  fail(`${(error as Error).message}\n\n${USAGE}`)
}

const env = process.env
const url = options.url ?? env.HOOK_URL ?? `http://127.0.0.1:${env.PORT || 3000}${HOOK_PATH}`
const secret = options.secret ?? env.HOOK_AUTH_SECRET
const header = options.header ?? env.HOOK_AUTH_HEADER ?? 'authorization'

const body = buildPreviewRequest({
  email: options.email,
  department: options.department,
  firstName: options['first-name'],
  lastName: options['last-name'],
  termsAccepted: options.terms === undefined ? undefined : options.terms === 'true',
  progressive: options.progressive,
})

console.log(`Request: POST ${url}${secret ? ` (${header}: <secret>)` : ' (no secret given)'}`)
console.log(JSON.stringify(body, null, 2))

let response: Response
try {
  response = await fetch(url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...(secret ? { [header]: secret } : {}) },
    body: JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(OKTA_HOOK_BUDGET_MS),
  })
} catch (error) {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
  fail(`no answer from ${url}: ${(error as Error).name === 'TimeoutError' ? `over Okta's ${OKTA_HOOK_BUDGET_MS} ms budget` : cause}`)
}

const text = await response.text()
console.log(`\nResponse: ${response.status} ${response.statusText}`)
let json: unknown
try {
  json = text === '' ? undefined : JSON.parse(text)
  console.log(json === undefined ? '(no body)' : JSON.stringify(json, null, 2))
} catch {
  console.log(text)
}

if (response.status === 401) fail(`401 from ${url}: wrong or missing secret (see --secret and --header in --help)`)
if (!response.ok) fail(`${response.status} ${response.statusText} from ${url}`)
// Okta reads 204 as "allow, no changes".
if (response.status === 204) {
  console.log('\nDecision: ALLOW (no updates)')
  process.exit(0)
}
const answer = HookResponse.safeParse(json)
if (!answer.success) fail(`the answer does not match the hook response contract: ${answer.error.issues[0]?.message}`)
console.log(`\n${describe(answer.data)}`)

/** One line a person can read at a glance: the decision and, on deny, which fields and why. */
function describe({ commands, error }: HookResponse): string {
  const denied = commands.some((command) => command.type === 'com.okta.action.update' && command.value.registration === 'DENY')
  if (denied || error) {
    const causes = error?.errorCauses.map((cause) => `${cause.reason} at ${cause.location}`) ?? []
    return `Decision: DENY${causes.length ? ` (${causes.join(', ')})` : ''}`
  }
  const updated = commands.flatMap((command) => (command.type === 'com.okta.action.update' ? [] : Object.keys(command.value)))
  return `Decision: ALLOW${updated.length ? ` (updates ${updated.join(', ')})` : ' (no updates)'}`
}
