/**
 * The mock backend of 邻里共治: a faithful stand-in for the government
 * services the 随申办 flagship store talks to (population register,
 * property register, SMS, real-name verification) and for the owners'
 * assembly voting service with its tamper-evident record.
 *
 * `buildApp` returns a ready Fastify instance, for `main.ts` and for
 * in-process tests (`app.inject`). The clock is injected: every time
 * decision (session expiry, SMS expiry, ballot phases) reads `now`.
 * Routes are listed in API.md and served as OpenAPI 3 at
 * GET /api/openapi.json. The data is synthetic and says so.
 *
 * Layout: store/ (SQLite schema and access), registers/ (the synthetic
 * registers and the seed), services/ (the rules, no HTTP), http/
 * (schemas, auth, the error handler), routes/ (thin route files).
 */
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import Fastify from 'fastify'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

import { API_PREFIX } from '@/core/api-types'

import { registerAuth } from './http/auth'
import { handleError, handleNotFound } from './http/errors'
import type { SeedReport } from './registers/seed'
import { seedFeatures } from './registers/feature-seeds'
import { seedIfEmpty } from './registers/seed'
import { ballotAdminRoutes } from './routes/ballot-admin'
import { ballotRoutes } from './routes/ballots'
import { fileRoutes } from './routes/files'
import { identityRoutes } from './routes/identity'
import { noticeRoutes } from './routes/notices'
import { proxyRoutes } from './routes/proxies'
import { recordRoutes } from './routes/record'
import { repairRoutes } from './routes/repairs'
import { voteRoutes } from './routes/votes'
import type { Context } from './services/context'
import { sealPending, startSealing } from './services/ledger'
import type { Signer } from './services/signing'
import { loadSigner } from './services/signing'
import { publishOverdue } from './services/results'
import { openStore, serverSecret } from './store/database'

export interface AppOptions {
  /** A file path, or ':memory:' in tests. */
  dbPath: string
  /**
   * An in-memory copy of this serialized store is used instead of
   * dbPath: tests seed once and start each case from the copy.
   */
  snapshot?: Buffer
  /** Epoch milliseconds; tests pass a frozen clock they can move. */
  now?: () => number
  logger?: FastifyServerOptions['logger']
  /** The H5 build (dist/h5), served at / when present. */
  staticDir?: string
  /** Seed an empty store (default true). */
  seed?: boolean
  /**
   * The record's signing keys; by default the key files in .data/keys
   * (config/ledger-keys.ts), the ones the app build embeds.
   */
  signer?: Signer
  /** Seal new record entries this often; off unless given (tests seal). */
  sealEveryMs?: number
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The store and clock, for tests and scripts that look inside. */
    ctx: Context
    /** What seeding did at start, or null if the store was not empty. */
    seedReport: SeedReport | null
  }
}

// Bodies here are small JSON; a larger one is a mistake or an attack.
const BODY_LIMIT = 64 * 1024

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now
  const db = openStore(options.snapshot ?? options.dbPath)
  const signer = options.signer ?? loadSigner()
  const ctx: Context = { db, now, secret: serverSecret(db), signer }
  const seedReport = options.seed === false ? null : seedIfEmpty(db, now())
  if (options.seed !== false) seedFeatures(db, now())
  // What the seed (or a store from before sealing existed) wrote is
  // sealed at once, so every record starts out covered.
  sealPending(ctx, now())

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
  })
  app.decorate('ctx', ctx)
  app.decorate('seedReport', seedReport)
  const stopSealing = options.sealEveryMs
    ? startSealing(ctx, options.sealEveryMs, (error) =>
        app.log.error({ err: error }, 'sealing the record failed'),
      )
    : () => undefined
  app.addHook('onClose', async () => {
    stopSealing()
    db.close()
  })

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)
  registerAuth(app, ctx)

  // Answers carry personal data: no cache may keep them.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith(`${API_PREFIX}/`)) {
      reply.header('cache-control', 'no-store')
    }
  })

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '邻里共治 mock backend',
        description:
          '随申办旗舰店“邻里共治”的模拟后端。全部人口与不动产数据均为合成数据。',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })

  await app.register(
    async (api) => {
      api.get('/health', { schema: { tags: ['system'] } }, () => ({ ok: true }))
      api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger())
      // A result nobody published within 3 days is published as of that
      // deadline before anyone can read the ballot (services/results.ts).
      api.addHook('preHandler', async () => {
        publishOverdue(ctx)
      })
      await api.register(identityRoutes, { ctx })
      await api.register(ballotRoutes, { ctx })
      await api.register(voteRoutes, { ctx })
      await api.register(recordRoutes, { ctx })
      await api.register(ballotAdminRoutes, { ctx })
      await api.register(proxyRoutes, { ctx })
      await api.register(fileRoutes, { ctx })
      await api.register(repairRoutes, { ctx })
      await api.register(noticeRoutes, { ctx })
    },
    { prefix: API_PREFIX },
  )

  if (options.staticDir && existsSync(join(options.staticDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: options.staticDir,
      prefix: '/',
      index: 'index.html',
    })
  }

  await app.ready()
  return app
}
