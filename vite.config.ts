import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// The test projects (the builds are tools/build, run by `npm run build`):
// - node:    policy and server (Fastify inject), fast-check properties
// - jsdom:   widget units queried by role and label with Testing Library
// - browser: widget units in real Chromium (keyboard, layout, axe) via vitest browser mode
// - e2e:     the real widget on the served page, driven by Playwright against a listening server
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{policy,server,repository,tools,package}/**/*.test.ts'],
          globalSetup: ['test/helpers/builtFiles.ts'],
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['test/widget/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            provider: playwright({ launchOptions: { executablePath: chromium, args: ['--no-sandbox'] } }),
          },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/builtFiles.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
