import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { WIDGET_ASSETS_PREFIX, WIDGET_BUNDLES, WIDGET_PACKAGE_DIST, WIDGET_PREFIX, WIDGET_VERSION, type WidgetGeneration } from './widgetBundle.ts'

/**
 * The build's output (`npm run build`, or `npm start`'s build when needed). Found from this file two folders
 * below the repository root, as from the compiled server in dist/server/.
 */
const DIST = path.join(import.meta.dirname, '../../dist')
/** The embedded page's Vite build (page.js, page.css, the logo), served under PAGE_PREFIX. */
export const PAGE_DIST = path.join(DIST, 'page')
export const PAGE_PREFIX = '/page/'
/** The build's copy of the widget's files with a `.br` and a `.gz` beside each that compresses. */
export const WIDGET_DIST = path.join(DIST, 'widget', WIDGET_VERSION)
/** The code-editor build: the kit's IIFE and, beside it, the snippet's format that wraps it (an ES module). */
export const CODE_EDITOR_DIST = path.join(DIST, 'code-editor')
export const CODE_EDITOR_SCRIPT = path.join(CODE_EDITOR_DIST, 'registration-kit.iife.js')
export const SNIPPET_FORMAT = path.join(CODE_EDITOR_DIST, 'snippet.js')

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
  await app.register(fastifyStatic, { root: PAGE_DIST, prefix: PAGE_PREFIX, decorateReply: false, preCompressed: true })
}
