import path from 'node:path'
import { build } from 'esbuild'
import { ROOT } from '../root.ts'

/**
 * One source file and what it imports from the repository, bundled into one ES module with its source map;
 * packages stay imports, resolved from node_modules where it runs.
 */
export const bundleEsModule = (source: string, outfile: string, platform: 'neutral' | 'node') =>
  build({
    entryPoints: [path.join(ROOT, source)],
    outfile: path.isAbsolute(outfile) ? outfile : path.join(ROOT, outfile),
    bundle: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20.19' : 'es2022',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
