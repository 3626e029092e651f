import { readFileSync } from 'node:fs'
import { z } from 'zod'

/** One user the emulator's directory starts with: as if they had registered and enrolled their password. */
export const SeedUser = z.strictObject({
  login: z.email().max(320),
  password: z.string().min(1).max(256),
  /** Profile attributes as the hook would have left them; leave one out to see progressive profiling ask for it. */
  profile: z.record(z.string().max(200), z.union([z.string().max(2048), z.number(), z.boolean(), z.null()])),
})
export type SeedUser = z.infer<typeof SeedUser>

const SeedFile = z.array(SeedUser).max(1000)

/** EMULATOR_USERS: the seed file's users, or the problems that stop the server, each naming its entry. */
export function readSeedUsers(path: string): { ok: true; users: SeedUser[] } | { ok: false; problems: string[] } {
  const named = (problem: string) => `EMULATOR_USERS ${path}: ${problem}`
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    return { ok: false, problems: [named(error instanceof SyntaxError ? `not JSON: ${error.message}` : 'cannot be read')] }
  }
  const parsed = SeedFile.safeParse(json)
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => named(`${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')}: ${issue.message}`)) }
  }
  const seen = new Map<string, number>()
  const problems: string[] = []
  parsed.data.forEach(({ login }, index) => {
    const earlier = seen.get(login.toLowerCase())
    if (earlier !== undefined) problems.push(named(`[${index}].login: ${login} is already the login of [${earlier}]`))
    else seen.set(login.toLowerCase(), index)
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, users: parsed.data }
}
