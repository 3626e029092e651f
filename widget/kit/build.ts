import path from 'node:path'
import type { UserConfig } from 'vite'

const root = path.join(import.meta.dirname, '../..')

/**
 * Library builds of the kit (Vite library mode). IIFE output cannot take several entries, so each format
 * is its own config:
 * - `module`: dist/kit/registration-kit.js, an ES module for apps that embed the widget and bundle the kit;
 * - `codeEditor`: dist/code-editor/registration-kit.iife.js, one global (`RegistrationKit`) with its CSS
 *   inlined, for the snippet pasted into Okta's code editor.
 */
export const kitBuilds = {
  module: library(path.join(root, 'widget/kit/index.ts'), 'es', 'dist/kit', 'registration-kit.js'),
  codeEditor: library(path.join(root, 'widget/code-editor/main.ts'), 'iife', 'dist/code-editor', 'registration-kit.iife.js'),
} satisfies Record<string, UserConfig>

function library(entry: string, format: 'es' | 'iife', outDir: string, fileName: string): UserConfig {
  return {
    publicDir: false,
    build: {
      outDir: path.join(root, outDir),
      emptyOutDir: true,
      // Budgets are checked on gzip size by `npm run bench`; the code-editor snippet must stay small.
      minify: true,
      sourcemap: format === 'es',
      // Native private fields: down-levelled they cost a WeakMap each and blow the snippet's size budget.
      target: 'es2022',
      lib: { entry, formats: [format], name: 'RegistrationKit', fileName: () => fileName },
    },
  }
}
