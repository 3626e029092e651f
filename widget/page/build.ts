import path from 'node:path'
import type { UserConfig } from 'vite'
import { precompressOutput } from '../../tools/precompress.ts'

/**
 * The embedded page's browser entry, built to dist/page/page.js (+ page.css). The widget itself is not
 * bundled: the server serves its own Identity Engine bundle from node_modules.
 */
export const pageBuild: UserConfig = {
  // Static files the page links to (the logo), copied as they are.
  publicDir: path.join(import.meta.dirname, 'public'),
  // The server sends page.js, page.css and the logo brotli- or gzip-compressed, as written here.
  plugins: [precompressOutput()],
  build: {
    outDir: path.join(import.meta.dirname, '../../dist/page'),
    emptyOutDir: true,
    modulePreload: false,
    sourcemap: true,
    rollupOptions: {
      input: path.join(import.meta.dirname, 'main.ts'),
      output: { entryFileNames: 'page.js', assetFileNames: 'page[extname]' },
    },
  },
}
