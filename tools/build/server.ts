import { rmSync } from 'node:fs'
import path from 'node:path'
import { bundleEsModule } from './esModule.ts'
import { ROOT } from '../root.ts'

const SERVER_DIST = path.join(ROOT, 'dist/server')
export const SERVER_ENTRY = path.join(SERVER_DIST, 'main.js')

/**
 * The server as plain JavaScript for `node` (`npm run start:prod`): server/main.ts and the policy code and
 * JSON it imports, bundled with esbuild; packages stay in node_modules. The output sits two folders below
 * the repository root, as server/page/ and server/config/ do, so the files they locate from import.meta
 * (dist/page, policy/default-policy.json) are found from the bundle too. Built files (the page,
 * the snippet's format) are read from dist/ at run time, never bundled in.
 */
export async function compileServer() {
  rmSync(SERVER_DIST, { recursive: true, force: true })
  await bundleEsModule('server/main.ts', SERVER_ENTRY, 'node')
}
