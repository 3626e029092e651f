import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { pageBuild } from './build.ts'

// `npm start` builds the page only when its bundle is missing or older than a browser-side source (the page,
// the kit, the policy), so a fresh clone works and later starts stay fast. Not a prestart script: .npmrc
// sets ignore-scripts, which also skips pre/post scripts.
const root = path.join(import.meta.dirname, '../..')
const bundle = path.join(root, 'dist/page/page.js')
const sources = ['widget', 'policy'].map((folder) => path.join(root, folder))

function newestChange(folder: string): number {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0)
}

const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : 0
if (sources.some((folder) => newestChange(folder) > builtAt)) {
  console.log('Building the sign-in page…')
  await build({ ...pageBuild, configFile: false, logLevel: 'warn' })
}
