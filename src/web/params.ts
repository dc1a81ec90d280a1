import type { Context } from 'hono';
import { notFound } from '../platform/errors.ts';
import { isUuid } from '../platform/text.ts';
import type { AppEnv } from './env.ts';

/** A positive integer id from the route (job ids); anything else is the 404 page. */
export function intParam(c: Context<AppEnv>, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw notFound(`${name} param`);
  return Number(raw);
}

/** A row id (UUID) from the route; anything else is the 404 page and never reaches the database. */
export function uuidParam(c: Context<AppEnv>, name = 'id'): string {
  const raw = c.req.param(name) ?? '';
  if (!isUuid(raw)) throw notFound(`${name} param`);
  return raw;
}
