import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import type { Page } from 'playwright'
import { afterAll, describe, expect, it } from 'vitest'
import { enterEmailCode, fieldError, pickDepartment, signInWithPassword } from './flows.ts'
import { GENERATIONS, usersFile, useBrowserSuite } from './harness.ts'

const PASSWORD = 'Seeded-Pass-1'
/** Signed up before, department and consent stamped by the hook. */
const GRACE = { login: 'grace@example.com', password: PASSWORD, profile: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', department: 'Engineering', termsVersion: '2026-01', termsAcceptedAt: '2026-01-02T03:04:05.000Z' } }
/** Imported from an older system: no department. */
const LINUS = { login: 'linus@example.com', password: PASSWORD, profile: { firstName: 'Linus', lastName: 'Torvalds', email: 'linus@example.com' } }
/** The same, for the redirect model. */
const BARBARA = { login: 'barbara@example.com', password: PASSWORD, profile: { firstName: 'Barbara', lastName: 'Liskov', email: 'barbara@example.com' } }

/** Signs in with a code sent to her email after the password, where the authentication policy asks for both. */
const KATHERINE = { login: 'katherine@example.com', password: PASSWORD, profile: { firstName: 'Katherine', lastName: 'Johnson', email: 'katherine@example.com', department: 'Engineering' } }


/**
 * Between the emulator and the real hook: the first progressive-profile call is denied as Okta documents a
 * denial (so the kit, which would refuse a bad value itself, lets the hook's answer be seen), every other
 * call goes on to the real hook.
 */
async function startDenyingOnceHook(realHook: () => string) {
  let denied = false
  const hook = Fastify()
  hook.post('/hook', async (request: FastifyRequest<{ Body: { requestType?: string } }>, reply: FastifyReply) => {
    if (request.body.requestType === 'progressive.profile' && !denied) {
      denied = true
      return {
        commands: [{ type: 'com.okta.action.update', value: { registration: 'DENY' } }],
        error: {
          errorSummary: 'Incorrect department.',
          errorCauses: [{ errorSummary: 'This department is closed to new members.', reason: 'UNKNOWN_DEPARTMENT', locationType: 'body', location: 'data.userProfile.department', domain: 'end-user' }],
        },
      }
    }
    const forwarded = await fetch(realHook(), { method: 'POST', headers: { 'content-type': 'application/json', authorization: String(request.headers.authorization) }, body: JSON.stringify(request.body) })
    return reply.code(forwarded.status).send(await forwarded.json())
  })
  const url = await hook.listen({ host: '127.0.0.1', port: 0 })
  return { url: `${url}/hook`, close: () => hook.close() }
}

describe.each(GENERATIONS)('returning users on the %s widget, in real Chromium', (generation) => {
  let hook: Awaited<ReturnType<typeof startDenyingOnceHook>>
  const { servers, open } = useBrowserSuite(async () => {
    hook = await startDenyingOnceHook(() => `${servers.standard.url}/hooks/registration`)
    return { standard: { generation, hookUrl: hook.url, env: { EMULATOR_USERS: usersFile([GRACE, LINUS, BARBARA]) } } }
  })
  afterAll(() => hook?.close())

  let page: Page

  const claim = (name: string) => page.locator(`#signed-in [data-claim="${name}"]`).textContent()

  it('signs a seeded user in on the embedded page with identify and password', async () => {
    ;({ page } = await open(servers.standard.url))
    await signInWithPassword(page, GRACE.login, PASSWORD)
    await expect.poll(() => page.locator('#signed-in').isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await claim('email')).toBe(GRACE.login)
    expect(await claim('department')).toBe('Engineering')
  })

  it('signs the same user in through the redirect model: the app gets a code and their claims', async () => {
    ;({ page } = await open(`${servers.standard.url}/app`))
    await page.getByRole('button', { name: 'Sign in' }).click()
    await signInWithPassword(page, GRACE.login, PASSWORD)
    await page.waitForURL(/\/app\/callback\?/, { timeout: 15_000 })
    expect(JSON.parse((await page.locator('#claims').textContent()) ?? '{}')).toMatchObject({ email: GRACE.login, department: 'Engineering' })
  })

  it('asks a user without a department for it with the picker, shows the hook’s denial under the field, then signs in with the department in the token', async () => {
    ;({ page } = await open(servers.standard.url))
    await signInWithPassword(page, LINUS.login, PASSWORD)
    await expect.poll(() => page.getByRole('combobox', { name: 'Department' }).isVisible(), { timeout: 15_000 }).toBe(true)
    // Only what is missing: no name, email or consent fields, and no terms to agree to again.
    expect(await page.locator('input[name^="userProfile."]').count()).toBe(1)
    expect(await page.getByText(/agree to the Terms of Service/).count()).toBe(0)
    await pickDepartment(page, 'leg', 'Legal')
    await page.getByRole('button', { name: /^(Submit|Save|Sign Up)$/ }).click()
    await expect.poll(() => fieldError(page, 'department').textContent(), { timeout: 15_000 }).toContain('This department is closed to new members.')

    await pickDepartment(page, 'fin', 'Finance')
    // Gen2 drops a submit that comes within about 100 ms of the last one; a person is never that fast.
    await page.waitForTimeout(300)
    await page.getByRole('button', { name: /^(Submit|Save|Sign Up)$/ }).click()
    await expect.poll(() => page.locator('#signed-in').isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await claim('department')).toBe('Finance')
  })

  // After the test above: the hook's one denial is spent, so this registration goes through.
  it('asks for the missing department on Okta’s hosted page in the redirect model too, with the picker and no terms', async () => {
    ;({ page } = await open(`${servers.standard.url}/app`))
    await page.getByRole('button', { name: 'Sign in' }).click()
    await signInWithPassword(page, BARBARA.login, PASSWORD)
    await expect.poll(() => page.getByRole('combobox', { name: 'Department' }).isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await page.getByText(/agree to the Terms of Service/).count()).toBe(0)
    await pickDepartment(page, 'fin', 'Finance')
    await page.getByRole('button', { name: /^(Submit|Save|Sign Up)$/ }).click()
    await page.waitForURL(/\/app\/callback\?/, { timeout: 15_000 })
    expect(JSON.parse((await page.locator('#claims').textContent()) ?? '{}')).toMatchObject({ email: BARBARA.login, department: 'Finance' })
  })
})

describe.each(GENERATIONS)('email as a second sign-in factor on the %s widget, in real Chromium', (generation) => {
  const { servers, open } = useBrowserSuite({
    standard: { generation, env: { EMULATOR_USERS: usersFile([KATHERINE]), EMULATOR_SIGN_IN_FACTORS: 'password,email' } },
  })

  it('asks a returning user for the code Okta emailed after the password, then signs her in', async () => {
    const { page } = await open(servers.standard.url)
    await signInWithPassword(page, KATHERINE.login, PASSWORD)
    // Okta's email challenge, the address masked, the code field shown at once (no magic link to wait for).
    await expect.poll(() => page.getByText('k*******e@example.com').isVisible(), { timeout: 15_000 }).toBe(true)
    await enterEmailCode(page, servers.standard.url, KATHERINE.login)
    await expect.poll(() => page.locator('#signed-in').isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await page.locator('#signed-in [data-claim="email"]').textContent()).toBe(KATHERINE.login)
  })
})
