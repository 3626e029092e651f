import { createRequire } from 'node:module'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { WIDGET_BUNDLES, WIDGET_PREFIX, type WidgetGeneration } from './widgetBundle.ts'

const widgetDist = path.join(path.dirname(createRequire(import.meta.url).resolve('@okta/okta-signin-widget/package.json')), 'dist')
export const PAGE_DIST = path.join(import.meta.dirname, '../../dist/page')

// Only what the page loads: the generation's bundle and stylesheet, fonts, images and label files. No CDN.
const SHARED_FILES = /^\/(font\/[\w.-]+|img\/[\w./-]+|labels\/json\/[\w-]+\.json)$/

/** The widget's own files from node_modules, and the page's Vite build from dist/page. */
export async function assetRoutes(app: FastifyInstance, { generation }: { generation: WidgetGeneration }) {
  const bundle = Object.values(WIDGET_BUNDLES[generation]).map((file) => `/${file}`)
  await app.register(fastifyStatic, {
    root: widgetDist,
    prefix: WIDGET_PREFIX,
    decorateReply: false,
    allowedPath: (pathName) => bundle.includes(pathName) || SHARED_FILES.test(pathName),
    maxAge: '1h',
  })
  await app.register(fastifyStatic, { root: PAGE_DIST, prefix: '/page/', decorateReply: false })
}
