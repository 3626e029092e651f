import { playwright } from '@vitest/browser-playwright'
import { defineConfig, mergeConfig } from 'vitest/config'
import { kitBuilds } from './widget/kit/build.ts'
import { pageBuild } from './widget/page/build.ts'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// One config for the browser builds and every test project:
// - node:    policy and server (Fastify inject), fast-check properties
// - jsdom:   widget units queried by role and label with Testing Library
// - browser: widget units in real Chromium (keyboard, layout, axe) via vitest browser mode
// - e2e:     the real widget on the served page, driven by Playwright against a listening server
const tests = defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{policy,server,repository}/**/*.test.ts'],
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
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})

// `vite build` builds the embedded page; other builds are chosen by mode (`vite build --mode <name>`).
export default defineConfig(({ mode }) => {
  switch (mode) {
    case 'kit':
      return mergeConfig(kitBuilds.module, tests)
    case 'code-editor':
      return mergeConfig(kitBuilds.codeEditor, tests)
    default:
      return mergeConfig(pageBuild, tests)
  }
})
