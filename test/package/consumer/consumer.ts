// Compiled against the installed package's types: every entry point, used as the README shows.
import Fastify from 'fastify'
import { registrationKit, type RegistrationKitOptions, type SignInWidget, type WidgetConfig } from 'registration-kit'
import registrationApi, { type RegistrationApiOptions } from 'registration-kit/fastify'
import { checkPolicy, compilePolicy, type Policy, type PolicyInput } from 'registration-kit/policy'

const input: PolicyInput = { department: { directory: ['Finance', 'Engineering'] }, consent: { version: '2026-01', termsUrl: '/terms', privacyUrl: '/privacy' } }
const checked = checkPolicy(input)
const policy: Policy | undefined = checked.ok ? checked.policy : undefined
const verdict: boolean = compilePolicy(policy!).evaluate({ email: 'ann@example.com' }, { mode: 'registration' }).issues.length === 0

const options: RegistrationApiOptions = { auth: { header: { secret: 'a-secret-of-16-chars' } }, policy: input, paths: { departments: false } }
const app = Fastify()
await app.register(registrationApi, options)
// @ts-expect-error: the hook must be told how Okta authenticates
await app.register(registrationApi, { policy: input })

declare const signIn: SignInWidget
declare const config: WidgetConfig
const kitOptions: RegistrationKitOptions = { policy: policy!, departmentsUrl: '/api/departments', onDenied: (denial) => console.log(denial.problems) }
registrationKit(signIn, config, kitOptions).destroy()
console.log(verdict)
