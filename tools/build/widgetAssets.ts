import { existsSync } from 'node:fs'
import { cp, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { isWidgetFile, WIDGET_DIST } from '../../server/page/assets.ts'
import { WIDGET_PACKAGE_DIST, WidgetGeneration } from '../../server/page/widgetBundle.ts'
import { filesIn, precompressFolder } from './precompress.ts'

/**
 * Copies the widget's files that pages of either generation load into dist/widget/<version>, compressed.
 * A version's files never change, so they are built once, and again only when the pages may load more of
 * them: written beside the folder, then renamed into place.
 */
export async function buildWidgetAssets(): Promise<void> {
  const names = (await filesIn(WIDGET_PACKAGE_DIST)).filter((name) => isWidgetFile(`/${name.split(path.sep).join('/')}`, WidgetGeneration.options))
  if (names.every((name) => existsSync(path.join(WIDGET_DIST, name)))) return
  console.log('Compressing the Sign-In Widget’s files…')
  const staging = `${WIDGET_DIST}.partial-${process.pid}`
  await Promise.all(names.map((name) => cp(path.join(WIDGET_PACKAGE_DIST, name), path.join(staging, name))))
  await precompressFolder(staging)
  await rm(WIDGET_DIST, { recursive: true, force: true })
  try {
    await rename(staging, WIDGET_DIST)
  } catch (error) {
    // Another build (a parallel test) finished first: its copy is the same.
    await rm(staging, { recursive: true, force: true })
    if (!existsSync(WIDGET_DIST)) throw error
  }
}
