import { z } from 'zod'

// Values checked alike wherever the server takes them: from the environment, or as a plugin's options.

export const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })

export const HeaderName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name')
  .transform((name) => name.toLowerCase())

/** Okta's header secret: long enough not to be guessed. */
export const HookSecret = z.string().min(16, 'must be at least 16 characters')
