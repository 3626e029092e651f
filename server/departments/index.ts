import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { DepartmentDirectory } from '../../policy/index.ts'
import { ErrorBody } from '../errors.ts'

export interface DepartmentsOptions {
  directory: DepartmentDirectory
  /** Origins allowed to call from the browser, e.g. an Okta-hosted page on a custom domain. */
  corsOrigins: string[]
  /** Requests per minute per client IP. */
  rateLimit: number
  /** Where the picker searches; default DEPARTMENTS_PATH. */
  path?: string
}

export const DEPARTMENTS_PATH = '/api/departments'

export const DepartmentQuery = z.object({
  q: z.string().max(200).default(''),
  limit: z.int().min(1).max(50).default(10),
})
export const DepartmentResults = z.object({
  results: z.array(z.object({ name: z.string() })),
  /** How many departments match in all; more than `results` holds when the limit cut the list. */
  total: z.int().min(0),
})

const schema = {
  querystring: z.toJSONSchema(DepartmentQuery, { target: 'draft-7', io: 'input' }),
  response: {
    200: z.toJSONSchema(DepartmentResults, { target: 'draft-7' }),
    '4xx': z.toJSONSchema(ErrorBody, { target: 'draft-7' }),
  },
}

/** The picker's type-ahead source: GET DEPARTMENTS_PATH?q=&limit= (or `path`), ranked like the browser's inline list. */
export default async function departments(app: FastifyInstance, options: DepartmentsOptions) {
  await app.register(cors, { origin: options.corsOrigins.length > 0 ? options.corsOrigins : false, methods: ['GET'] })
  app.get<{ Querystring: z.infer<typeof DepartmentQuery> }>(
    options.path ?? DEPARTMENTS_PATH,
    { schema, config: { rateLimit: { max: options.rateLimit, timeWindow: '1 minute' } } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300')
      const { q, limit } = request.query
      const { matches, total } = options.directory.searchWithTotal(q, limit)
      return { results: matches.map(({ name }) => ({ name })), total }
    },
  )
}
