import path from 'node:path'
import { build, type Rolldown, type UserConfig } from 'vite'

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

/** Builds one of the configs above in memory and returns its script, for the snippet and the bench. */
export async function bundleCode(config: UserConfig): Promise<string> {
  const result = await build({ ...config, configFile: false, logLevel: 'silent', build: { ...config.build, write: false } })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error(`The build of ${String(config.build?.lib && config.build.lib.entry)} produced no script`)
  return chunk.code.trim()
}
