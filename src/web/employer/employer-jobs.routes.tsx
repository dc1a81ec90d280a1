/** Routes filled in by their own change. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function employerJobsRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
