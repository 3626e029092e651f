import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

// Text formats; fonts in woff/woff2 and images in png/gif are compressed already. Source maps only reach developer tools.
const COMPRESSIBLE = /\.(js|css|json|svg|html|ttf|otf|eot)$/

const toBrotli = promisify(brotliCompress)
const toGzip = promisify(gzip)

/** Writes `file.br` and `file.gz` beside a text file, each only when smaller: @fastify/static's preCompressed serves them. */
async function precompress(file: string): Promise<void> {
  if (!COMPRESSIBLE.test(file)) return
  const content = await readFile(file)
  const encoded = await Promise.all([
    // Built once, served on every visit: the slowest, smallest settings.
    toBrotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
    toGzip(content, { level: 9 }),
  ])
  await Promise.all(
    encoded.map((bytes, index) => (bytes.length < content.length ? writeFile(`${file}${index ? '.gz' : '.br'}`, bytes) : undefined)),
  )
}

/** Every file under a folder, by its path relative to it. */
export async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
}

export async function precompressFolder(folder: string): Promise<void> {
  await Promise.all((await filesIn(folder)).map((name) => precompress(path.join(folder, name))))
}

/** Vite plugin: precompresses everything a build wrote (the bundle and the public files). */
export const precompressOutput = (): Plugin => ({
  name: 'registration-kit:precompress',
  apply: 'build',
  writeBundle: ({ dir }) => (dir ? precompressFolder(dir) : undefined),
})
