/**
 * The read-only public API (issue 16, ADR 0027): /api/v1/jobs (求人検索 with the SR-1 conditions,
 * the search page's own schema and search module) and /api/v1/jobs/{number} (the 求人票 as the public
 * page shows it). Mounted before the session, locale and CSRF middleware: it never reads or sets a
 * cookie and answers the same to everyone. JSON, ETag/304, `Cache-Control: public, max-age=60`,
 * CORS for GET, and 60 requests a minute per client across every web server (OD-4). The OpenAPI
 * document at /api/v1/openapi.json is generated from the same zod schemas.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { isJobValid, jobVisibility } from '../../modules/jobs/job.rules.ts';
import { JOB_NUMBER, normalizeJobNumber } from '../../modules/jobs/job.schemas.ts';
import { toJobDetailView } from '../../modules/jobs/job-view.ts';
import { findJobByNumber } from '../../modules/jobs/jobs.repository.ts';
import { hitApiLimit } from '../../modules/opendata/hit-api-limit.ts';
import {
  apiErrorSchema,
  publicJobDetailSchema,
  publicJobSearchSchema,
  toPublicJobDetail,
  toPublicJobHit,
} from '../../modules/opendata/public-job.ts';
import { runSearch } from '../../modules/search/run-search.ts';
import { MAX_RESULTS, searchSchema } from '../../modules/search/search.schemas.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { clientIp } from '../auth/client-ip.ts';
import type { AppEnv } from '../env.ts';
import { publicRead } from '../public-read.ts';

export const API_CACHE_CONTROL = 'public, max-age=60';

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const errors = {
  429: {
    ...json(apiErrorSchema, '1分あたり60件を超えた (Retry-After 秒後に再試行) / over 60 requests a minute'),
    headers: z.object({ 'Retry-After': z.string() }),
  },
};

const searchRoute = createRoute({
  method: 'get',
  path: '/jobs',
  summary: '求人検索 (SR-1) / job search',
  description:
    '求人検索画面 (/jobs) と同じ条件・同じ順序・同じページ分け。条件名は画面の URL と同じ。' +
    ' / The search page’s conditions, order and paging; parameters as in its URL.',
  request: { query: searchSchema },
  responses: {
    200: json(publicJobSearchSchema, '検索結果 / results'),
    304: { description: 'If-None-Match と一致 / not modified' },
    400: json(apiErrorSchema, '条件の誤り / invalid conditions'),
    ...errors,
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/jobs/{number}',
  summary: '求人情報 (SR-4) / job detail',
  description:
    '公開中の求人票。公開範囲により事業所名等は null。非公開・無効の求人は 404。' +
    ' / An open job; 事業所名等 are null when 公開範囲 hides them; private or ended jobs are 404.',
  request: {
    params: z.object({
      number: z.string().openapi({ param: { name: 'number', in: 'path' }, example: '13010-00000001' }),
    }),
  },
  responses: {
    200: json(publicJobDetailSchema, '求人票 / the job'),
    304: { description: 'If-None-Match と一致 / not modified' },
    404: json(apiErrorSchema, '該当なし / no such public job'),
    ...errors,
  },
});

/** OD-4: 60 requests a minute per client address, counted in the database. */
function rateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const decision = await hitApiLimit(c.var.deps, clientIp(c));
    c.header('RateLimit-Limit', String(decision.limit));
    c.header('RateLimit-Remaining', String(decision.remaining));
    c.header('RateLimit-Reset', String(decision.resetSeconds));
    if (!decision.allowed) {
      c.header('Retry-After', String(decision.resetSeconds));
      c.header('Cache-Control', 'no-store');
      return c.json({ error: 'rate_limited' }, 429);
    }
    await next();
  };
}

/** Public, cacheable for a minute, readable from any origin's scripts. */
function publicCaching(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (c.res.status === 200 || c.res.status === 304 || c.res.status === 404)
      c.header('Cache-Control', API_CACHE_CONTROL);
  };
}

export function apiRoutes(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.') || 'query';
        issues[field] ??= issue.message;
      }
      return c.json({ error: 'invalid_request', issues }, 400);
    },
  });
  api.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      exposeHeaders: ['ETag', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
      maxAge: 600,
    }),
  );
  api.use('*', publicCaching());
  api.use('*', rateLimit());
  api.use('*', etag());

  api.openapi(searchRoute, async (c) => {
    const conditions = c.req.valid('query');
    const { config } = c.var.deps;
    // Always anonymous: the standby when it is healthy (ADR 0031).
    const results = await publicRead(c, (deps) => runSearch(deps, { conditions, audience: 'public' }));
    const pages = Math.ceil(Math.min(results.total, MAX_RESULTS) / results.per);
    return c.json(
      {
        total: results.total,
        capped: results.capped,
        page: results.page,
        per: results.per,
        pages,
        jobs: results.cards.map((card) =>
          toPublicJobHit(card, results.readingMatches.get(card.id), config.baseUrl),
        ),
      },
      200,
    );
  });

  api.openapi(detailRoute, async (c) => {
    const number = normalizeJobNumber(c.req.valid('param').number);
    const record = JOB_NUMBER.test(number)
      ? await publicRead(c, (deps) => findJobByNumber(deps.db, number))
      : undefined;
    const today = tokyoDate(c.var.deps.clock.now());
    const visibility = record ? jobVisibility(record.job, { role: 'public' }) : 'hidden';
    // Open data is what can be applied to now: private, not accepted and ended (無効・取下げ) jobs are 404.
    if (!record || visibility === 'hidden' || !isJobValid(record.job, today))
      return c.json({ error: 'not_found' }, 404);
    const view = toJobDetailView(record, visibility === 'full', today);
    return c.json(toPublicJobDetail(view, c.var.deps.config.baseUrl), 200);
  });

  api.doc('/openapi.json', (c) => ({
    openapi: '3.0.3',
    info: {
      title: 'ハローワーク求人情報 API (open job data)',
      version: '1.0.0',
      description:
        '公開中の求人情報を読み取り専用で提供します。1クライアントにつき1分60件まで。説明: /api' +
        ' / Read-only public job data; 60 requests a minute per client. Guide: /api',
    },
    servers: [{ url: `${c.var.deps.config.baseUrl}/api/v1` }],
  }));

  api.all('*', (c) => c.json({ error: 'not_found' }, 404));
  api.onError((error, c) => {
    c.var.log.error('api error', { error: error instanceof Error ? error.message : String(error) });
    c.header('Cache-Control', 'no-store');
    return c.json({ error: 'internal_error' }, 500);
  });
  return api;
}
