import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildKitModule } from '../../tools/build/kit.ts'
import { buildPackageEntries } from '../../tools/build/package.ts'
import { ROOT } from '../../tools/root.ts'
import { registrationRequest } from '../helpers/hookRequests.ts'
import { oktaFixture } from '../fixtures/okta/index.ts'

const run = promisify(execFile)
const require = createRequire(import.meta.url)
const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version
const CONSUMER_FILES = path.join(import.meta.dirname, 'consumer')

// What an app team does with the package: `npm pack` here, then, in a project of its own, install the
// tarball, import every entry, compile TypeScript against the published types and mount the hook.
let project: string

beforeAll(async () => {
  // The code-editor build is the test run's (test/helpers/builtFiles.ts); the rest only the package uses.
  await buildKitModule()
  await buildPackageEntries()
  project = await mkdtemp(path.join(tmpdir(), 'rk-consumer-'))
  await run('npm', ['pack', '--silent', '--pack-destination', project], { cwd: ROOT })
  const [tarball] = (await readdir(project)).filter((name) => name.endsWith('.tgz'))
  for (const file of await readdir(CONSUMER_FILES)) await copyFile(path.join(CONSUMER_FILES, file), path.join(project, file))
  const manifest = {
    name: 'consumer',
    private: true,
    type: 'module',
    dependencies: { 'registration-kit': `file:./${tarball}`, fastify: versionOf('fastify'), '@types/node': versionOf('@types/node') },
    // As this repository does: the newest of these two want Node 22, this runs on Node 20 too.
    overrides: { 'content-disposition': '^2.0.1', cookie: '^1.1.1' },
  }
  await writeFile(path.join(project, 'package.json'), JSON.stringify(manifest, null, 2))
  // Packages come from npm's cache, filled by this repository's own install.
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project })
}, 240_000)

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true })
})

const node = (...args: string[]) => run(process.execPath, args, { cwd: project })

describe('the installed package', () => {
  it('ships every entry point, importable by name', async () => {
    const script = `
      const entries = {}
      for (const name of ['registration-kit', 'registration-kit/policy', 'registration-kit/fastify']) entries[name] = Object.keys(await import(name)).sort()
      const { createRequire } = await import('node:module')
      const require = createRequire(import.meta.url)
      for (const name of ['registration-kit/code-editor', 'registration-kit/policy.schema.json', 'registration-kit/default-policy.json']) entries[name] = require.resolve(name)
      console.log(JSON.stringify(entries))`
    const { stdout } = await node('--input-type=module', '-e', script)
    const entries = JSON.parse(stdout)
    expect(entries['registration-kit']).toEqual(expect.arrayContaining(['registrationKit', 'createDepartmentPicker', 'TRANSLATIONS']))
    expect(entries['registration-kit/policy']).toEqual(expect.arrayContaining(['PolicySchema', 'checkPolicy', 'compilePolicy', 'REASON_CODES']))
    expect(entries['registration-kit/fastify']).toContain('default')
    expect(entries['registration-kit/code-editor']).toMatch(/registration-kit\/dist\/code-editor\/registration-kit\.iife\.js$/)
    expect(entries['registration-kit/policy.schema.json']).toMatch(/policy\.schema\.json$/)
  })

  it('typechecks a consumer against the published types, which reject a hook without auth', async () => {
    const tsc = require.resolve('typescript/bin/tsc')
    await expect(node(tsc, '-p', 'tsconfig.json')).resolves.toMatchObject({ stdout: '' })
  }, 60_000)

  it('mounts the hook on a fresh Fastify app, which answers Okta’s documented request with its profile update', async () => {
    await writeFile(path.join(project, 'request.json'), JSON.stringify(oktaFixture('hook/ssr-request.json')))
    const { stdout } = await node('app.mjs', 'request.json')
    expect(JSON.parse(stdout)).toEqual({
      statusCode: 200,
      body: {
        commands: [
          {
            type: 'com.okta.user.profile.update',
            value: { firstName: 'Rosario', lastName: 'Jones', email: 'rosario.jones@example.com', login: 'rosario.jones@example.com' },
          },
        ],
      },
    })
  })

  it('denies an address outside the policy’s domains with Okta’s error shape', async () => {
    const outsider = { firstName: 'Ann', lastName: 'Lee', login: 'ann@gmail.com', email: 'ann@gmail.com' }
    await writeFile(path.join(project, 'request.json'), JSON.stringify(registrationRequest(outsider)))
    const { body } = JSON.parse((await node('app.mjs', 'request.json')).stdout)
    expect(body.commands).toEqual([{ type: 'com.okta.action.update', value: { registration: 'DENY' } }])
    expect(body.error.errorCauses).toEqual([expect.objectContaining({ reason: 'INVALID_EMAIL_DOMAIN', location: 'data.userProfile.email' })])
  })
})
