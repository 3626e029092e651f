import path from 'node:path'
import { build, type InlineConfig } from 'vite'
import { PAGE_DIST } from '../../server/page/assets.ts'
import { ROOT } from '../root.ts'
import { precompressOutput } from './precompress.ts'

/**
 * The embedded page's browser entry, built to dist/page/page.js (+ page.css). The widget itself is not
 * bundled: the server serves its own Identity Engine bundle from node_modules.
 */
export const pageBuild: InlineConfig = {
  configFile: false,
  logLevel: 'warn',
  // Static files the page links to (the logo), copied as they are.
  publicDir: path.join(ROOT, 'widget/page/public'),
  // The server sends page.js, page.css and the logo brotli- or gzip-compressed, as written here.
  plugins: [precompressOutput()],
  build: {
    outDir: PAGE_DIST,
    emptyOutDir: true,
    modulePreload: false,
    sourcemap: true,
    rolldownOptions: {
      // The precompression is slow on purpose (brotli at its best, once per build): no timing warning for it.
      checks: { bundlerTimings: false },
      input: path.join(ROOT, 'widget/page/main.ts'),
      output: { entryFileNames: 'page.js', assetFileNames: 'page[extname]' },
    },
  },
}

export const buildPage = () => build(pageBuild)
