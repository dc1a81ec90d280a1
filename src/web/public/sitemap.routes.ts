/**
 * /sitemap.xml and /robots.txt (issue 16, ADR 0027, OD-8): the public, 有効 jobs for search engines,
 * as an index of numbered files when there are more than 50,000. No session, no cookies.
 */
import { Hono } from 'hono';
import { countPublicJobs, listPublicJobs } from '../../modules/opendata/sitemap.repository.ts';
import {
  robotsTxt,
  SITEMAP_MAX_URLS,
  sitemapFileCount,
  sitemapIndexXml,
  urlsetXml,
} from '../../modules/opendata/sitemap.rules.ts';
import { tokyoDate } from '../../platform/dates.ts';
import type { AppEnv } from '../env.ts';

const XML = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' };

export function sitemapRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/robots.txt', (c) =>
      c.text(robotsTxt(c.var.deps.config.baseUrl), 200, { 'Cache-Control': 'public, max-age=3600' }),
    )
    .get('/sitemap.xml', async (c) => {
      const { db, clock, config } = c.var.deps;
      const today = tokyoDate(clock.now());
      const total = await countPublicJobs(db, today);
      const files = sitemapFileCount(total);
      if (files > 1) return c.body(sitemapIndexXml(config.baseUrl, files), 200, XML);
      return c.body(
        urlsetXml(config.baseUrl, await listPublicJobs(db, today, 0, SITEMAP_MAX_URLS)),
        200,
        XML,
      );
    })
    .get('/:file{sitemap-[0-9]+\\.xml}', async (c) => {
      const { db, clock, config } = c.var.deps;
      const n = Number(c.req.param('file').replace(/\D/g, ''));
      const today = tokyoDate(clock.now());
      if (n < 1 || n > sitemapFileCount(await countPublicJobs(db, today))) return c.notFound();
      const entries = await listPublicJobs(db, today, (n - 1) * SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);
      return c.body(urlsetXml(config.baseUrl, entries), 200, XML);
    });
}
