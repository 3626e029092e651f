import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { PAGE_DIST, SNIPPET_FORMAT } from '../../server/page/assets.ts'
import { ROOT } from '../root.ts'
import { buildCodeEditor } from './codeEditor.ts'
import { buildPage } from './page.ts'
import { buildWidgetAssets } from './widgetAssets.ts'

export const PAGE_BUNDLE = path.join(PAGE_DIST, 'page.js')

// What the server serves from dist/, each rebuilt when missing or older than a browser-side source (the
// page, the kit, the policy). The last file each build writes marks it done.
const SERVED_BUILDS = [
  { name: 'the sign-in page', output: PAGE_BUNDLE, build: buildPage },
  { name: 'the code-editor snippet', output: SNIPPET_FORMAT, build: buildCodeEditor },
]
const SOURCES = ['widget', 'policy'].map((folder) => path.join(ROOT, folder))

function newestChange(folder: string): number {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0)
}

/**
 * `npm start` and the test run build only what is stale, and compress the widget's files once per widget
 * version, so a fresh clone works and later starts stay fast. Not a prestart script: .npmrc sets
 * ignore-scripts, which also skips pre/post scripts.
 */
export async function buildIfNeeded(): Promise<void> {
  const changed = Math.max(...SOURCES.map(newestChange))
  const stale = SERVED_BUILDS.filter(({ output }) => !existsSync(output) || statSync(output).mtimeMs < changed)
  for (const { name } of stale) console.log(`Building ${name}…`)
  await Promise.all([...stale.map(({ build }) => build()), buildWidgetAssets()])
}

if (process.argv[1] === import.meta.filename) await buildIfNeeded()
