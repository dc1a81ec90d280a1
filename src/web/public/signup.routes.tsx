/** Internet-only registration (SPEC MP-6, MP-10): see the issue; filled in by its own change. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function signupRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
