import path from 'node:path'
import { build, type Rolldown, type InlineConfig } from 'vite'
import { CODE_EDITOR_DIST, CODE_EDITOR_SCRIPT } from '../../server/page/assets.ts'
import { ROOT } from '../root.ts'

/** The kit's ES module as built, which `registration-kit` exports. */
export const KIT_MODULE = path.join(ROOT, 'dist/kit/registration-kit.js')

/**
 * Library builds of the kit (Vite library mode). IIFE output cannot take several entries, so each format
 * is its own config:
 * - `module`: dist/kit/registration-kit.js, an ES module for apps that embed the widget and bundle the kit;
 * - `codeEditor`: dist/code-editor/registration-kit.iife.js, one global (`RegistrationKit`) with its CSS
 *   inlined, for the snippet pasted into Okta's code editor.
 */
export const kitBuilds = {
  module: library(path.join(ROOT, 'widget/kit/index.ts'), 'es', path.dirname(KIT_MODULE), path.basename(KIT_MODULE)),
  codeEditor: library(path.join(ROOT, 'widget/code-editor/main.ts'), 'iife', CODE_EDITOR_DIST, path.basename(CODE_EDITOR_SCRIPT)),
} satisfies Record<string, InlineConfig>

function library(entry: string, format: 'es' | 'iife', outDir: string, fileName: string): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
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

/** The kit's ES module (its types come with the package's, see package.ts). */
export const buildKitModule = () => build(kitBuilds.module)

/** Builds one of the configs above in memory and returns its script, for `npm run snippet` and the bench. */
export async function bundleCode(config: InlineConfig): Promise<string> {
  const result = await build({ ...config, logLevel: 'silent', build: { ...config.build, write: false } })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error(`The build of ${String(config.build?.lib && config.build.lib.entry)} produced no script`)
  return chunk.code.trim()
}
