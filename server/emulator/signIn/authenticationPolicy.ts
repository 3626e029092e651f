import { z } from 'zod'

/** The authenticators Okta's authentication policy may ask a returning user for. */
export const SignInFactor = z.enum(['password', 'email'])
export type SignInFactor = z.infer<typeof SignInFactor>

/**
 * The authentication policy's rule as a list (`password`, or `password,email`): the password always comes
 * first, as Okta asks it right after the username; the email code is the possible second factor.
 */
export const SignInFactors = z.string().transform((list, ctx): SignInFactor[] => {
  const factors = list.split(',').map((factor) => factor.trim())
  const unknown = factors.filter((factor) => !SignInFactor.safeParse(factor).success)
  for (const factor of unknown) ctx.addIssue({ code: 'custom', message: `"${factor}" is not a sign-in factor: use password or password,email` })
  if (unknown.length === 0 && factors[0] !== 'password') {
    ctx.addIssue({ code: 'custom', message: `"${list}" must start with password: use password or password,email` })
  }
  return [...new Set(factors)] as SignInFactor[]
})
