import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config/index.ts'

describe('the emulator’s configuration', () => {
  it('registers the EMULATOR_REDIRECT_URIS for the client besides the page’s own', () => {
    const { okta } = loadConfig({ EMULATOR_REDIRECT_URIS: 'http://localhost:8080/callback, https://app.example.com/cb' })
    expect(okta).toMatchObject({ mode: 'emulator', redirectUris: ['http://localhost:8080/callback', 'https://app.example.com/cb'] })
    expect(loadConfig({}).okta).toMatchObject({ redirectUris: [] })
  })

  it('refuses a redirect URI that is relative, not http(s) or has a fragment, naming it', () => {
    expect(() => loadConfig({ EMULATOR_REDIRECT_URIS: '/callback,ftp://app.example.com/cb,https://app.example.com/cb#x' })).toThrow(
      expect.objectContaining({
        problems: [
          'EMULATOR_REDIRECT_URIS: "/callback" is not an absolute http(s) URL without a fragment',
          'EMULATOR_REDIRECT_URIS: "ftp://app.example.com/cb" is not an absolute http(s) URL without a fragment',
          'EMULATOR_REDIRECT_URIS: "https://app.example.com/cb#x" is not an absolute http(s) URL without a fragment',
        ],
      }),
    )
  })
})
