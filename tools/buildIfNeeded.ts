import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { PAGE_DIST } from '../server/page/assets.ts'
import { pageBuild } from '../widget/page/build.ts'
import { buildWidgetAssets } from './widgetAssets.ts'

// `npm start` builds the page only when its bundle is missing or older than a browser-side source (the page,
// the kit, the policy), and compresses the widget's files once per widget version, so a fresh clone works
// and later starts stay fast. Not a prestart script: .npmrc sets ignore-scripts, which also skips pre/post scripts.
const root = path.join(import.meta.dirname, '..')
export const PAGE_BUNDLE = path.join(PAGE_DIST, 'page.js')
const sources = ['widget', 'policy'].map((folder) => path.join(root, folder))

function newestChange(folder: string): number {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0)
}

export const buildPage = () => build({ ...pageBuild, configFile: false, logLevel: 'warn' })

async function buildPageIfNeeded(): Promise<void> {
  const builtAt = existsSync(PAGE_BUNDLE) ? statSync(PAGE_BUNDLE).mtimeMs : 0
  if (!sources.some((folder) => newestChange(folder) > builtAt)) return
  console.log('Building the sign-in page…')
  await buildPage()
}

if (process.argv[1] === import.meta.filename) await Promise.all([buildPageIfNeeded(), buildWidgetAssets()])
