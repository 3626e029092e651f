import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { WIDGET_ASSETS_PREFIX, WIDGET_BUNDLES, WIDGET_PACKAGE_DIST, WIDGET_PREFIX, WIDGET_VERSION, type WidgetGeneration } from './widgetBundle.ts'

export const PAGE_DIST = path.join(import.meta.dirname, '../../dist/page')
/** The build's copy of the widget's files with a `.br` and a `.gz` beside each that compresses. */
export const WIDGET_DIST = path.join(import.meta.dirname, '../../dist/widget', WIDGET_VERSION)

// Only what the pages load: the generation's bundle and stylesheet, fonts, images and label files. No CDN.
const SHARED_FILES = /^\/(font\/[\w.-]+|img\/[\w./-]+|labels\/json\/[\w-]+\.json)$/

/** Whether a path under the widget's `dist/` (`/js/…`) is one the pages of these generations load. */
export const isWidgetFile = (pathName: string, generations: readonly WidgetGeneration[]) =>
  SHARED_FILES.test(pathName) || generations.some((generation) => Object.values(WIDGET_BUNDLES[generation]).some((file) => pathName === `/${file}`))

/**
 * The widget's files and the page's Vite build from dist/page, brotli or gzip as the browser accepts,
 * compressed at build time. Each answer has an ETag, so a revalidation costs a 304.
 */
export async function assetRoutes(app: FastifyInstance, { generation }: { generation: WidgetGeneration }) {
  const built = existsSync(WIDGET_DIST)
  if (!built) app.log.warn(`The widget's compressed files are missing in ${WIDGET_DIST}: run "npm run build". Serving them uncompressed.`)
  const widget = {
    root: built ? WIDGET_DIST : WIDGET_PACKAGE_DIST,
    preCompressed: built,
    decorateReply: false,
    allowedPath: (pathName: string) => isWidgetFile(pathName, [generation]),
  }
  // The versioned path never changes content: browsers keep these for a year without asking again.
  await app.register(fastifyStatic, { ...widget, prefix: WIDGET_PREFIX, maxAge: '365d', immutable: true })
  await app.register(fastifyStatic, { ...widget, prefix: WIDGET_ASSETS_PREFIX, maxAge: '1h' })
  // Rebuilt under the same names: revalidated on each visit.
  await app.register(fastifyStatic, { root: PAGE_DIST, prefix: '/page/', decorateReply: false, preCompressed: true })
}
