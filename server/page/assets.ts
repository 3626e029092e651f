import { createRequire } from 'node:module'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

const widgetDist = path.join(path.dirname(createRequire(import.meta.url).resolve('@okta/okta-signin-widget/package.json')), 'dist')
export const PAGE_DIST = path.join(import.meta.dirname, '../../dist/page')

// Only what the page loads: the Identity Engine bundle, its stylesheet, fonts and images. No CDN.
const WIDGET_FILES = /^\/(js\/okta-sign-in\.oie\.min\.js|css\/okta-sign-in\.min\.css|font\/[\w.-]+|img\/[\w./-]+)$/

/** The widget's own files from node_modules, and the page's Vite build from dist/page. */
export async function assetRoutes(app: FastifyInstance) {
  await app.register(fastifyStatic, {
    root: widgetDist,
    prefix: '/widget/',
    decorateReply: false,
    allowedPath: (pathName) => WIDGET_FILES.test(pathName),
    maxAge: '1h',
  })
  await app.register(fastifyStatic, { root: PAGE_DIST, prefix: '/page/', decorateReply: false })
}
